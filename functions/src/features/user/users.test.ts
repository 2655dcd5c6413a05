import { randomUUID } from "node:crypto";
import type { UserSummary } from "@dealflow/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeUser } from "../../api/api.test-support.js";

let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant, { name: "Ana García", email: "ana@example.test" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });
const otherTenant = randomUUID();
const stranger = newTestUser(otherTenant, { name: "Outsider", manager: true });

type UserPage = { items: UserSummary[]; nextCursor: string | null };

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [seller, manager, stranger]) await arrangeUser(harness, user);
});
afterAll(() => harness?.close());

describe("GET /api/users", () => {
  it("lists the tenant's users to any signed-in user of it", async () => {
    const answer = await harness.call(seller, "GET", "/api/users");
    expect(answer.status).toBe(200);
    const body = answer.body as UserPage;
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(2);
    expect(body.items).toEqual(
      expect.arrayContaining([
        {
          id: seller.userId,
          name: "Ana García",
          email: "ana@example.test",
          role: "seller",
          active: true,
        },
        { id: manager.userId, name: "Marta Díaz", email: null, role: "manager", active: true },
      ]),
    );
  });

  it("shows another tenant only its own users", async () => {
    const body = (await harness.call(stranger, "GET", "/api/users")).body as UserPage;
    expect(body.items.map((user) => user.id)).toEqual([stranger.userId]);
  });

  it("pages with limit and nextCursor", async () => {
    const first = (await harness.call(manager, "GET", "/api/users?limit=1")).body as UserPage;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const next = await harness.call(
      manager,
      "GET",
      `/api/users?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? "")}`,
    );
    const second = next.body as UserPage;
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it("refuses a cursor of another list with 400", async () => {
    const cursor = Buffer.from("not-a-user-key", "utf8").toString("base64url");
    const answer = await harness.call(seller, "GET", `/api/users?cursor=${cursor}`);
    expect(answer.status).toBe(400);
  });

  it("answers 401 without a token", async () => {
    const answer = await harness.call(null, "GET", "/api/users");
    expect(answer.status).toBe(401);
  });
});
