import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { rawRequest } from "../../../../tests/support/raw-http.js";
import {
  applicationEvent,
  arrangeConnector,
  type Connector,
  nextIds,
  outbox,
  postEvent,
  rowCount,
} from "./marketplace.test-support.js";

// Authentication, validation and replays of the connector route: every refusal writes nothing.
const now = new Date("2026-04-06T10:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García" });
let connector: Connector;

type Problem = { status: number; errors?: { path: string }[] };

/** Runs `attempt` and checks it wrote no row, no deadline and no outbox notification. */
const refusesWithoutWriting = async (
  attempt: () => Promise<{ status: number; body: unknown }>,
  status: number,
) => {
  const rows = await rowCount(harness, tenant);
  const notifications = (await outbox(harness, tenant)).length;
  const answer = await attempt();
  expect(answer.status).toBe(status);
  expect(await rowCount(harness, tenant)).toBe(rows);
  expect((await outbox(harness, tenant)).length).toBe(notifications);
  return answer.body as Problem;
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager);
});
afterAll(() => harness?.close());

describe("signatures", () => {
  it("accepts a correctly signed event", async () => {
    const answer = await postEvent(harness, connector, applicationEvent(nextIds()));
    expect(answer.status).toBe(201);
  });

  it("refuses a wrong signature, a wrong secret and a body changed after signing", async () => {
    await refusesWithoutWriting(
      () =>
        postEvent(harness, connector, applicationEvent(nextIds()), {
          headers: { "X-Dealflow-Signature": `sha256=${"0".repeat(64)}` },
        }),
      401,
    );
    await refusesWithoutWriting(
      () =>
        postEvent(harness, connector, applicationEvent(nextIds()), { secret: "not-the-secret" }),
      401,
    );
    const signed = JSON.stringify(applicationEvent(nextIds()));
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const { connectorSignature } = await import("./connector-signature.js");
    await refusesWithoutWriting(
      () =>
        harness.call(null, "POST", `/api/marketplace/${connector.key}/events`, {
          rawBody: signed.replace("Rebuild", "Rebuilt"),
          headers: {
            "Content-Type": "application/json",
            "X-Dealflow-Timestamp": timestamp,
            "X-Dealflow-Signature": connectorSignature(
              connector.secret,
              timestamp,
              Buffer.from(signed),
            ),
          },
        }),
      401,
    );
  });

  it("refuses timestamps more than 5 minutes away, either way", async () => {
    for (const minutes of [-6, 6]) {
      await refusesWithoutWriting(
        () =>
          postEvent(harness, connector, applicationEvent(nextIds()), {
            at: new Date(now.getTime() + minutes * 60_000),
          }),
        401,
      );
    }
    const ok = await postEvent(harness, connector, applicationEvent(nextIds()), {
      at: new Date(now.getTime() - 4 * 60_000),
    });
    expect(ok.status).toBe(201);
  });

  it("refuses missing headers", async () => {
    for (const header of ["X-Dealflow-Signature", "X-Dealflow-Timestamp"]) {
      await refusesWithoutWriting(
        () =>
          postEvent(harness, connector, applicationEvent(nextIds()), {
            headers: { [header]: "" },
          }),
        401,
      );
    }
  });

  it("answers 404 for an unknown connector, the same as for one removed from the settings", async () => {
    const unknown = await refusesWithoutWriting(
      () => postEvent(harness, { key: "no-such-market", secret: "x" }, applicationEvent(nextIds())),
      404,
    );
    const removed = await arrangeConnector(harness, manager, { name: "Gone" });
    const settings = (await harness.call(manager, "GET", "/api/settings")).body as {
      marketplaces: { key: string }[];
    };
    await harness.call(manager, "PUT", "/api/settings", {
      body: {
        ...settings,
        marketplaces: settings.marketplaces.filter((market) => market.key !== removed.key),
      },
    });
    const gone = await refusesWithoutWriting(
      () => postEvent(harness, removed, applicationEvent(nextIds())),
      404,
    );
    expect(gone).toEqual(unknown);
  });

  it("stops the old secret at once when a manager rotates it", async () => {
    const market = await arrangeConnector(harness, manager, { name: "Rotating" });
    const rotated = await harness.call(
      manager,
      "POST",
      `/api/settings/marketplaces/${market.key}/secret`,
    );
    expect(rotated.status).toBe(201);
    const secret = (rotated.body as { secret: string }).secret;
    await refusesWithoutWriting(() => postEvent(harness, market, applicationEvent(nextIds())), 401);
    const fresh = await postEvent(harness, { ...market, secret }, applicationEvent(nextIds()));
    expect(fresh.status).toBe(201);
  });
});

describe("the secret route", () => {
  it("is for managers, for configured connectors, and never shows the secret again", async () => {
    expect(
      (await harness.call(ana, "POST", `/api/settings/marketplaces/${connector.key}/secret`))
        .status,
    ).toBe(403);
    expect(
      (await harness.call(manager, "POST", "/api/settings/marketplaces/not-configured/secret"))
        .status,
    ).toBe(404);
    const settings = await harness.call(manager, "GET", "/api/settings");
    expect(settings.text).not.toContain(connector.secret);
  });

  it("refuses a key another organisation holds", async () => {
    const other = newTestUser(randomUUID(), { manager: true });
    const current = (await harness.call(other, "GET", "/api/settings")).body as object;
    await harness.call(other, "PUT", "/api/settings", {
      body: { ...current, marketplaces: [{ key: connector.key, name: "Copycat" }] },
    });
    const answer = await harness.call(
      other,
      "POST",
      `/api/settings/marketplaces/${connector.key}/secret`,
    );
    expect(answer.status).toBe(400);
    expect((answer.body as Problem).errors?.[0]?.path).toBe("key");
  });
});

describe("bodies", () => {
  it.each([
    [{ client: { name: "" } }, "client.name"],
    [{ client: { name: "Zoe", email: "not-an-email" } }, "client.email"],
    [{ meetingUrl: "javascript:alert(1)" }, "meetingUrl"],
    [{ appliedAt: "yesterday" }, "appliedAt"],
    [{ fee: { amount: "ten", currency: "EUR" } }, "fee.amount"],
    [{ id: "has spaces" }, "id"],
    [{ type: "client-exploded" }, "type"],
  ])("names the bad field: %j → %s", async (over, path) => {
    const problem = await refusesWithoutWriting(
      () => postEvent(harness, connector, applicationEvent(nextIds(), over)),
      400,
    );
    expect(problem.errors?.map((error) => error.path)).toContain(path);
  });

  it("refuses JSON that does not parse and an event for an unknown application", async () => {
    await refusesWithoutWriting(() => postEvent(harness, connector, {}, { raw: "{not json" }), 400);
    const problem = await refusesWithoutWriting(
      () =>
        postEvent(harness, connector, {
          id: nextIds().event,
          type: "client-accepted",
          applicationId: "never-applied",
        }),
      400,
    );
    expect(problem.errors?.[0]?.path).toBe("applicationId");
    const noTime = await refusesWithoutWriting(
      () =>
        postEvent(harness, connector, {
          id: nextIds().event,
          type: "meeting-scheduled",
          applicationId: "x",
        }),
      400,
    );
    expect(noTime.errors?.[0]?.path).toBe("meetingAt");
  });
});

describe("replays", () => {
  it("answers a replayed event id with the first answer and writes nothing", async () => {
    const ids = nextIds();
    const first = await postEvent(harness, connector, applicationEvent(ids));
    const accepted = {
      id: `${ids.event}-accept`,
      type: "client-accepted",
      applicationId: ids.application,
    };
    const acceptance = await postEvent(harness, connector, accepted);
    expect(acceptance.body).toMatchObject({ visibility: "revealed", changed: true });
    // Replayed after a decline: the recorded answer, not a new decision.
    await postEvent(harness, connector, {
      id: `${ids.event}-decline`,
      type: "client-declined",
      applicationId: ids.application,
    });
    for (const [event, answer] of [
      [applicationEvent(ids), first],
      [accepted, acceptance],
    ] as const) {
      const replay = await refusesWithoutWriting(
        () => postEvent(harness, connector, event),
        answer.status,
      );
      expect(replay).toEqual({ ...(answer.body as object), replayed: true });
    }
  });

  it("limits an address's failed attempts per connector key, then refuses before reading anything", async () => {
    const flood = { key: `flood-${randomUUID().slice(0, 8)}`, secret: "x" };
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push(await postEvent(harness, flood, applicationEvent(nextIds())));
    expect(answers.slice(0, 10).every((answer) => answer.status === 404)).toBe(true);
    expect(answers[10]?.status).toBe(429);
    expect(answers[10]?.headers.get("retry-after")).toMatch(/^\d+$/);
    // Another connector is not slowed down.
    expect((await postEvent(harness, connector, applicationEvent(nextIds()))).status).toBe(201);
  });

  it("still takes a connector's real event after a stranger flooded its key with junk", async () => {
    const target = await arrangeConnector(harness, manager, { name: "Targeted" });
    const junk: number[] = [];
    for (let attempt = 0; attempt < 70; attempt += 1) {
      const answer = await rawRequest(`${harness.url}/api/marketplace/${target.key}/events`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Dealflow-Timestamp": String(Math.floor(now.getTime() / 1000)),
          "X-Dealflow-Signature": `sha256=${"0".repeat(64)}`,
        },
        body: JSON.stringify(applicationEvent(nextIds())),
        localAddress: "127.0.0.2",
      });
      junk.push(answer.status);
    }

    const real = await postEvent(harness, target, applicationEvent(nextIds()));

    expect(new Set(junk)).toEqual(new Set([401, 429]));
    expect(junk.at(-1)).toBe(429);
    expect(real.status).toBe(201);
  });
});
