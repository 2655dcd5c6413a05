import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../../tests/support/api-harness.js";
import {
  applicationEvent,
  arrangeConnector,
  CLIENT,
  type Connector,
  MEETING_URL,
  nextIds,
  postEvent,
} from "../marketplace.test-support.js";

// Review of issue 16: the client writes the brief and may sign it with any of their contact
// data, not only their name, company and email. SPEC §4.4 hides the phone, LinkedIn and
// meeting link as well; the brief (and the title taken from its first line) shows them.
const now = new Date("2026-05-04T08:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Manager" });
const ana = newTestUser(tenant, { name: "Ana García" });
let connector: Connector;

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager, { name: "Workana" });
});
afterAll(() => harness?.close());

describe("a hidden client's brief", () => {
  it("shows the owner neither the phone, the LinkedIn profile nor the meeting link it is signed with", async () => {
    const answer = await postEvent(
      harness,
      connector,
      applicationEvent(nextIds(), {
        ownerId: ana.userId,
        title: null,
        brief: `Call me on ${CLIENT.phone} to talk about the shop\nProfile: ${CLIENT.linkedinUrl}\nOr join ${MEETING_URL}`,
        meetingUrl: MEETING_URL,
      }),
    );
    expect(answer.status).toBe(201);
    const opportunityId = (answer.body as { opportunityId: string }).opportunityId;

    const read = await harness.call(ana, "GET", `/api/opportunities/${opportunityId}`);

    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ marketplace: { visibility: "hidden", meetingUrl: null } });
    const shown = [CLIENT.phone, CLIENT.linkedinUrl, MEETING_URL].filter((secret) =>
      read.text.includes(secret),
    );
    expect(shown).toEqual([]);
  });
});
