import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/adaptive-card.js";

/** A Bot Connector answer, with what retry decisions need (status, Teams error code, Retry-After). */
export type ConnectorResult =
  | { ok: true; id: string | null; body?: unknown }
  | { ok: false; status: number; code: string | null; retryAfterMs: number | null };

export type TokenProvider = (serviceUrl: string) => Promise<string | null>;

export const cardActivity = (card: AdaptiveCard) => ({
  type: "message",
  attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
});

const retryAfterMs = (header: string | null, now: number): number | null => {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
};

const errorCode = (body: unknown): string | null => {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === "string" ? error.code : null;
};

/**
 * The Bot Connector REST API, called with fetch rather than botbuilder's ConnectorClient so
 * that pacing and retries see every status code, Teams error code and Retry-After header.
 */
export const createConnectorClient = (options: {
  token: TokenProvider;
  fetch?: typeof fetch;
  timeoutMs?: number;
}) => {
  const doFetch = options.fetch ?? fetch;
  const call = async (
    serviceUrl: string,
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ) => {
    const token = await options.token(serviceUrl);
    const url = `${serviceUrl.replace(/\/$/, "")}${path}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch {
      // No answer at all (reset, timeout): as transient as a 503.
      return { ok: false, status: 503, code: "NetworkError", retryAfterMs: null } as const;
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (response.ok) {
      const id = (parsed as { id?: unknown } | null)?.id;
      return { ok: true, id: typeof id === "string" ? id : null, body: parsed } as const;
    }
    return {
      ok: false,
      status: response.status,
      code: errorCode(parsed),
      retryAfterMs: retryAfterMs(response.headers.get("retry-after"), Date.now()),
    } as const;
  };
  const conversationPath = (conversationId: string) =>
    `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  return {
    send: (
      serviceUrl: string,
      conversationId: string,
      card: AdaptiveCard,
    ): Promise<ConnectorResult> =>
      call(serviceUrl, "POST", conversationPath(conversationId), cardActivity(card)),
    update: (
      serviceUrl: string,
      conversationId: string,
      activityId: string,
      card: AdaptiveCard,
    ): Promise<ConnectorResult> =>
      call(
        serviceUrl,
        "PUT",
        `${conversationPath(conversationId)}/${encodeURIComponent(activityId)}`,
        {
          ...cardActivity(card),
          id: activityId,
        },
      ),
    /** One page of a team's roster (`body`: `{ members, continuationToken }`). */
    pagedMembers: (
      serviceUrl: string,
      teamsTeamId: string,
      page: { pageSize: number; continuationToken: string | null },
    ): Promise<ConnectorResult> => {
      const query = new URLSearchParams({ pageSize: String(page.pageSize) });
      if (page.continuationToken) query.set("continuationToken", page.continuationToken);
      return call(
        serviceUrl,
        "GET",
        `/v3/conversations/${encodeURIComponent(teamsTeamId)}/pagedmembers?${query}`,
      );
    },
    /** A team's details (`body`: `{ id, name, aadGroupId }`), Teams' answer and not a claim. */
    teamDetails: (serviceUrl: string, teamsTeamId: string): Promise<ConnectorResult> =>
      call(serviceUrl, "GET", `/v3/teams/${encodeURIComponent(teamsTeamId)}`),
    /** Opens the 1:1 chat of the bot with a user (a team in common is enough). */
    createPersonalConversation: (
      serviceUrl: string,
      input: { botId: string; tenantId: string; userId: string },
    ): Promise<ConnectorResult> =>
      call(serviceUrl, "POST", "/v3/conversations", {
        bot: { id: input.botId },
        members: [{ id: input.userId, aadObjectId: input.userId }],
        channelData: { tenant: { id: input.tenantId } },
        tenantId: input.tenantId,
        isGroup: false,
      }),
  };
};

export type ConnectorClient = ReturnType<typeof createConnectorClient>;
