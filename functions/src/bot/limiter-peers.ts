import {
  BOOKING_HORIZON_MS,
  type LimiterPeers,
  realSleep,
  type Sleep,
  tenantOfLimiterKey,
} from "@dealflow/bot";
import type { LimiterPeer, LimiterPeerLog } from "../storage/messaging/limiter-peer-log.js";

/** An instance counts as sending for a tenant this long after it last said so. */
export const PEER_ACTIVE_MS = 15_000;
/** How old this instance's view of its peers may grow while it sends. */
export const PEER_REFRESH_MS = 1_000;
/** How often an instance without a part of the limits (yet) asks again. */
export const PEER_WAIT_MS = 200;

/**
 * Teams' shortest window, and a margin: after another instance lowered its part, the sends it
 * had booked under the larger one (until its `spillUntil`) must leave this window before a
 * newcomer takes the room.
 */
export const PEER_SETTLE_MS = 1_100;

type TenantPeers = {
  fraction: number;
  /** The part in effect when a send last booked: what this instance may still spill. */
  used: number;
  spillUntil: number;
  /** Until when the others' sends booked under larger parts may still reach Teams. */
  othersSpill: number;
  readAt: number;
  pending: Promise<void> | null;
  /** Set while this instance waits for room; its senders then settle before booking. */
  settling: Promise<void> | null;
};

/**
 * The part of the limits one instance may take: its fair share (1/n of those sending), but
 * no more than the others leave: one that still uses the whole has not seen this one yet.
 */
export const fractionAmong = (others: readonly Pick<LimiterPeer, "fraction">[]): number => {
  const claimed = others.reduce((sum, peer) => sum + peer.fraction, 0);
  const part = Math.min(1 / (others.length + 1), 1 - claimed);
  return part < 1e-6 ? 0 : part;
};

/**
 * Issue 23: Function instances on one storage account share Teams' per-bot limits. While an
 * instance sends for a tenant it says so every PEER_REFRESH_MS with the part of the limits
 * it uses (partition `limiter` of Tenants), and reads who else did within PEER_ACTIVE_MS:
 * it takes 1/n, never more than the others leave. A newcomer first says it takes nothing,
 * then reads, says its part, and reads again (lowering it if someone joined meanwhile), so
 * two that start together cannot both miss each other. An instance left nothing waits,
 * asking every PEER_WAIT_MS, until the others have made room; an idle one drops out after
 * PEER_ACTIVE_MS and a lone sender has the whole budget back. If storage fails the last
 * part stands (Teams' 429 and Retry-After still hold a send back).
 */
export const createLimiterPeers = (deps: {
  log: LimiterPeerLog;
  instanceId: string;
  now?: () => number;
  sleep?: Sleep;
  warn?: (message: string) => void;
}): LimiterPeers => {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const tenants = new Map<string, TenantPeers>();

  const others = async (tenantId: string, at: number) =>
    (await deps.log.activeSince(tenantId, new Date(at - PEER_ACTIVE_MS))).filter(
      (peer) => peer.instanceId !== deps.instanceId,
    );

  const refresh = async (tenantId: string, state: TenantPeers, joining: boolean) => {
    const at = now();
    const mark = (fraction: number) => {
      // Lowering below what sends were booked at: they may leave up to the horizon from now.
      if (fraction < state.used) state.spillUntil = at + BOOKING_HORIZON_MS;
      return deps.log.mark(tenantId, deps.instanceId, new Date(at), {
        fraction,
        spillUntil: state.spillUntil,
      });
    };
    const look = async () => {
      const peers = await others(tenantId, at);
      state.othersSpill = Math.max(state.othersSpill, ...peers.map((peer) => peer.spillUntil));
      return fractionAmong(peers);
    };
    try {
      if (joining) await mark(0);
      const fraction = await look();
      await mark(fraction);
      // Someone who read before this mark may have counted on more than is left: look again.
      const checked = Math.min(fraction, await look());
      if (checked < fraction) await mark(checked);
      state.fraction = checked;
    } catch (error) {
      deps.warn?.(
        `limiter peers: could not agree on ${tenantId}'s limits (${error instanceof Error ? error.message : String(error)}); keeping ${state.fraction}`,
      );
      if (joining) state.fraction = 1;
    }
    state.readAt = at;
  };

  const readyFor = async (tenantId: string) => {
    let state = tenants.get(tenantId);
    const joining = state === undefined || now() - state.readAt >= PEER_ACTIVE_MS;
    if (!state) {
      state = {
        fraction: 0,
        used: 0,
        spillUntil: 0,
        othersSpill: 0,
        readAt: Number.NEGATIVE_INFINITY,
        pending: null,
        settling: null,
      };
      tenants.set(tenantId, state);
    }
    const current = state;
    const renew = (asJoiner: boolean) => {
      current.pending ??= refresh(tenantId, current, asJoiner).finally(() => {
        current.pending = null;
      });
      return current.pending;
    };
    if (joining || now() - current.readAt >= PEER_REFRESH_MS) await renew(joining);
    else if (current.pending) await current.pending;
    if (current.fraction === 0) {
      current.settling ??= (async () => {
        while (current.fraction === 0) {
          await sleep(PEER_WAIT_MS);
          await renew(false);
        }
        const settle = current.othersSpill + PEER_SETTLE_MS - now();
        if (settle > 0) await sleep(settle);
      })().finally(() => {
        current.settling = null;
      });
    }
    if (current.settling) await current.settling;
    current.used = Math.max(current.used, current.fraction);
  };

  return {
    fraction: (key) => {
      const tenantId = tenantOfLimiterKey(key);
      return tenantId === null ? 1 : (tenants.get(tenantId)?.fraction ?? 1);
    },
    async ready(keys) {
      const ids = new Set(keys.map(tenantOfLimiterKey).filter((id): id is string => id !== null));
      await Promise.all([...ids].map(readyFor));
    },
  };
};
