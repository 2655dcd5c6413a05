import { randomUUID } from "node:crypto";
import { setTimeout as wait } from "node:timers/promises";
import { BOOKING_HORIZON_MS } from "@dealflow/bot";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../../tests/support/test-storage.js";
import {
  createLimiterPeers,
  fractionAmong,
  PEER_ACTIVE_MS,
  PEER_REFRESH_MS,
  PEER_SETTLE_MS,
} from "./limiter-peers.js";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});

/** Instances on one storage account, on one clock the test moves (their waits move it too). */
const instances = () => {
  let now = Date.parse("2026-12-07T10:00:00.000Z");
  const peersOf = (instanceId: string) =>
    createLimiterPeers({
      log: store.limiterPeers,
      instanceId,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
        await wait(2);
      },
    });
  return {
    a: peersOf("instance-a"),
    b: peersOf("instance-b"),
    advance: (ms: number) => {
      now += ms;
    },
    clock: () => now,
  };
};

describe("an instance's part of the shared limits", () => {
  it.each([
    [[], 1],
    [[{ instanceId: "b", fraction: 0 }], 0.5],
    [[{ instanceId: "b", fraction: 1 }], 0],
    [[{ instanceId: "b", fraction: 0.5 }], 0.5],
    [
      [
        { instanceId: "b", fraction: 0.5 },
        { instanceId: "c", fraction: 0 },
      ],
      1 / 3,
    ],
    [
      [
        { instanceId: "b", fraction: 1 / 3 },
        { instanceId: "c", fraction: 1 / 3 },
      ],
      1 / 3,
    ],
  ])("others %j leave %d", (others, part) => {
    expect(fractionAmong(others)).toBeCloseTo(part, 9);
  });
});

describe("limiter peers", () => {
  it("make a newcomer wait until the sender makes room, then share half each; a lone sender gets all back", async () => {
    const tenant = `t:${randomUUID()}`;
    const { a, b, advance, clock } = instances();

    await a.ready([tenant]);
    expect(a.fraction(tenant)).toBe(1);

    // B sees A using the whole budget: it may not send until A has seen B.
    let bReady = false;
    const joining = b.ready([tenant]).then(() => {
      bReady = true;
    });
    await wait(50);
    expect(bReady).toBe(false);
    advance(PEER_REFRESH_MS);
    const lowered = clock();
    await a.ready([tenant]);
    expect(a.fraction(tenant)).toBe(0.5);
    await joining;
    expect(b.fraction(tenant)).toBe(0.5);
    // A booked sends at its whole part: B's first send waits until those have left Teams' window.
    expect(clock()).toBeGreaterThanOrEqual(lowered + BOOKING_HORIZON_MS + PEER_SETTLE_MS);

    // B stops sending for this tenant: once its mark is older than PEER_ACTIVE_MS, A has all.
    advance(PEER_ACTIVE_MS + PEER_REFRESH_MS);
    await a.ready([tenant]);
    expect(a.fraction(tenant)).toBe(1);
  });

  it("never lets two that start together take more than the whole", async () => {
    const tenant = `t:${randomUUID()}`;
    const { a, b, advance } = instances();
    let done = 0;
    const both = Promise.all([a.ready([tenant]), b.ready([tenant])]).then(() => {
      done = 1;
    });
    // Whoever was left nothing waits for the other's next look.
    for (let round = 0; round < 20 && done === 0; round++) {
      await wait(20);
      advance(PEER_REFRESH_MS);
      await Promise.race([a.ready([tenant]), wait(20)]);
    }
    await both;
    expect(a.fraction(tenant) + b.fraction(tenant)).toBeLessThanOrEqual(1);
    expect(a.fraction(tenant)).toBeGreaterThan(0);
    expect(b.fraction(tenant)).toBeGreaterThan(0);
  });

  it("keeps tenants apart", async () => {
    const [one, two] = [`t:${randomUUID()}`, `t:${randomUUID()}`];
    const { a, b } = instances();
    await a.ready([one]);
    await b.ready([two]);
    expect(b.fraction(two)).toBe(1);
  });
});

describe("rows of instances that are gone", () => {
  it("are purged after a day idle, the live ones kept", async () => {
    const tenant = randomUUID();
    const now = new Date("2026-12-07T10:00:00.000Z");
    const part = { fraction: 1, spillUntil: 0 };
    await store.limiterPeers.mark(
      tenant,
      "restarted-yesterday",
      new Date("2026-12-06T09:00:00.000Z"),
      part,
    );
    await store.limiterPeers.mark(tenant, "sending-now", now, part);

    await store.limiterPeers.purgeIdle(new Date(now.getTime() - 24 * 3_600_000));

    const left = await store.limiterPeers.activeSince(tenant, new Date(0));
    expect(left.map((peer) => peer.instanceId)).toEqual(["sending-now"]);
  });
});
