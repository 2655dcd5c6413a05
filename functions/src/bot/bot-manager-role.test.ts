import { randomUUID } from "node:crypto";
import { handleCommand, parseCommand } from "@dealflow/bot";
import { HOUR_MS } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../tests/support/api-harness.js";
import { botDataOf } from "./bot-data.adapter.js";

// Issue "Hidden clients stay hidden…", finding 6: Teams activities carry no app roles, so the
// bot knew a manager only by the role stored at their last API call — kept forever, even once
// the app role was revoked. Now a stored role counts for a day after a token confirmed it.
const start = new Date("2026-05-04T08:00:00.000Z");
let now = start;
let harness: ApiHarness;
const tenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Manager" });

const ask = async (user: TestUser, text: string) => {
  const deps = {
    data: botDataOf(harness.deps.store, harness.deps.store.deliveryLog, () => now),
    conversations: harness.deps.store.conversations,
    links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
  };
  return JSON.stringify(
    await handleCommand(
      parseCommand(text),
      { tenantId: tenant, userId: user.userId, clientLocale: "en", channel: null, now },
      deps,
    ),
  );
};
// Only managers' status shows the undeliverable notifications.
const MANAGERS_ONLY = "Undeliverable notifications";

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  expect((await harness.call(marta, "GET", "/api/me")).body).toMatchObject({ role: "manager" });
});
afterAll(() => harness?.close());

describe("a manager's powers in the bot", () => {
  it("hold while a token confirmed the role within the day", async () => {
    now = new Date(start.getTime() + 23 * HOUR_MS);

    expect(await ask(marta, "status")).toContain(MANAGERS_ONLY);
  });

  it("lapse a day after the last token, with a word on how to get them back", async () => {
    now = new Date(start.getTime() + 25 * HOUR_MS);

    const answer = await ask(marta, "status");

    expect(answer).not.toContain(MANAGERS_ONLY);
    expect(answer).toContain("your manager role is confirmed when you open Dealflow's tab");
  });

  it("come back with the next token that carries the role", async () => {
    await harness.call(marta, "GET", "/api/me");

    expect(await ask(marta, "status")).toContain(MANAGERS_ONLY);
  });

  it("end at once when a token comes without the role", async () => {
    const demoted = { ...marta, manager: false };
    expect((await harness.call(demoted, "GET", "/api/me")).body).toMatchObject({ role: "seller" });

    const answer = await ask(marta, "status");

    expect(answer).not.toContain(MANAGERS_ONLY);
    expect(answer).not.toContain("your manager role is confirmed");
  });
});
