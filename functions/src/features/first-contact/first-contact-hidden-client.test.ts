import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity } from "../../api/api.test-support.js";
import {
  asOpportunity,
  asProblem,
  signIn,
  tenantSnapshot,
} from "../opportunity/opportunity.test-support.js";

let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant, { name: "Ana García" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => new Date("2026-03-02T09:00:00.000Z") });
  await signIn(harness, seller, manager);
});
afterAll(() => harness?.close());

const fromMarketplace = (visibility: "hidden" | "revealed") =>
  arrangeOpportunity(harness, {
    owner: seller,
    source: "marketplace",
    contact: { name: "Beatriz Solano", email: "beatriz@solano.example" },
    marketplace: { visibility, appliedAt: "2026-03-02T08:00:00.000Z" },
  });

describe("POST /api/opportunities/{id}/first-contact on a marketplace client", () => {
  it.each([
    { action: "ready-for-proposal" },
    { action: "second-contact", delayHours: 24 },
    { action: "discard", reason: "duplicate" },
  ])("answers 409 to $action while the client is hidden, and writes nothing", async (body) => {
    const opportunity = await fromMarketplace("hidden");
    const before = await tenantSnapshot(harness, tenant);

    const answer = await harness.call(
      seller,
      "POST",
      `/api/opportunities/${opportunity.id}/first-contact`,
      { body },
    );

    expect(answer.status).toBe(409);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.stringify(asProblem(answer.body))).toContain("client is not revealed yet");
    expect(await tenantSnapshot(harness, tenant)).toEqual(before);
  });

  it("refuses a manager as well", async () => {
    const opportunity = await fromMarketplace("hidden");

    const answer = await harness.call(
      manager,
      "POST",
      `/api/opportunities/${opportunity.id}/first-contact`,
      { body: { action: "discard", reason: "duplicate" } },
    );

    expect(answer.status).toBe(409);
  });

  it("records the first contact once the client is revealed", async () => {
    const opportunity = await fromMarketplace("revealed");

    const answer = await harness.call(
      seller,
      "POST",
      `/api/opportunities/${opportunity.id}/first-contact`,
      { body: { action: "ready-for-proposal" } },
    );

    expect(answer.status).toBe(200);
    expect(asOpportunity(answer.body).firstContact.state).toBe("done");
  });
});
