import { createServer, type IncomingMessage, type Server } from "node:http";

/** One call the bot made to the Bot Connector, with the status it was answered. */
export type ConnectorCall = {
  method: string;
  path: string;
  body: unknown;
  at: number;
  status: number;
  /** The activity id a post was answered with. */
  answeredId?: string;
};

/** A scripted answer: status, optional Teams error code and Retry-After (seconds). */
export type ScriptedAnswer = { status: number; code?: string; retryAfter?: number };

/**
 * Teams' throttling, enforced like the service does: more than `perConversation` calls to one
 * conversation, or `perTenant` calls in all, within any second → 429 with Retry-After.
 */
export type ConnectorLimits = { perConversation: number; perTenant: number; retryAfter: number };

const readBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as unknown) : null;
};

/** A roster member as Teams lists it in `pagedmembers`. */
export type FakeRosterMember = {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  tenantId?: string;
};

/** `/v3/conversations/<id>/activities…` → `<id>`; null for other paths. */
export const conversationOf = (path: string): string | null =>
  /^\/v3\/conversations\/([^/]+)\/activities/.exec(path)?.[1] ?? null;

/** Sliding one-second windows of accepted calls, per key. */
const createWindows = () => {
  const accepted = new Map<string, number[]>();
  return {
    count(key: string, now: number): number {
      const recent = (accepted.get(key) ?? []).filter((at) => at > now - 1_000);
      accepted.set(key, recent);
      return recent.length;
    },
    add(key: string, now: number) {
      accepted.get(key)?.push(now) ?? accepted.set(key, [now]);
    },
  };
};

/**
 * A local HTTP server standing in for the Bot Connector (serviceUrl): records every call and
 * answers like Teams (201 with an activity id), unless a scripted fault or a limit applies first.
 */
export const startFakeConnector = async (
  options: { limits?: ConnectorLimits; rosterPageSize?: number } = {},
) => {
  const calls: ConnectorCall[] = [];
  // Teams' rosters by team id; pages are at most rosterPageSize long, so paging is exercised.
  const rosters = new Map<string, FakeRosterMember[]>();
  const rosterPageSize = options.rosterPageSize ?? 2;
  // What `GET /v3/teams/<id>` answers: Teams' own name and group of a team the bot is in.
  const teamDetails = new Map<string, { name: string; aadGroupId: string }>();

  /** GET /v3/teams/<team>: 404 for a team the bot is not in. */
  const teamPage = (rawUrl: string) => {
    const url = new URL(rawUrl, "http://connector.local");
    const team = /^\/v3\/teams\/([^/]+)$/.exec(url.pathname)?.[1];
    if (team === undefined) return null;
    const id = decodeURIComponent(team);
    const details = teamDetails.get(id);
    if (details === undefined) return { status: 404, body: { error: { code: "NotFound" } } };
    return { status: 200, body: { id, ...details } };
  };

  /** GET /v3/conversations/<team>/pagedmembers?pageSize=&continuationToken= (the offset). */
  const rosterPage = (rawUrl: string) => {
    const url = new URL(rawUrl, "http://connector.local");
    const team = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(url.pathname)?.[1];
    if (team === undefined) return null;
    const members = rosters.get(decodeURIComponent(team));
    if (members === undefined)
      return { status: 404, body: { error: { code: "ConversationNotFound" } } };
    const start = Number(url.searchParams.get("continuationToken") ?? "0") || 0;
    const size = Math.min(Number(url.searchParams.get("pageSize") ?? "200"), rosterPageSize);
    const end = start + size;
    return {
      status: 200,
      body: {
        members: members.slice(start, end),
        ...(end < members.length ? { continuationToken: String(end) } : {}),
      },
    };
  };
  const faults: { match: (call: ConnectorCall) => boolean; answers: ScriptedAnswer[] }[] = [];
  const windows = createWindows();
  let next = 0;
  let throttled = 0;

  const throttle = (call: ConnectorCall): ScriptedAnswer | null => {
    const limits = options.limits;
    if (!limits) return null;
    const conversation = `c:${conversationOf(call.path) ?? call.path}`;
    if (
      windows.count("tenant", call.at) >= limits.perTenant ||
      windows.count(conversation, call.at) >= limits.perConversation
    ) {
      throttled += 1;
      return { status: 429, code: "TooManyRequests", retryAfter: limits.retryAfter };
    }
    windows.add("tenant", call.at);
    windows.add(conversation, call.at);
    return null;
  };

  const server: Server = createServer(async (request, response) => {
    // Teams counts a call when it arrives, not when its body has been read.
    const at = Date.now();
    const body = await readBody(request);
    const call: ConnectorCall = {
      method: request.method ?? "GET",
      path: decodeURIComponent(request.url ?? "/"),
      body,
      at,
      status: 0,
    };
    calls.push(call);
    const fault = faults.find((candidate) => candidate.answers.length > 0 && candidate.match(call));
    const scripted = fault?.answers.shift() ?? throttle(call);
    if (scripted) {
      call.status = scripted.status;
      response.writeHead(scripted.status, {
        "content-type": "application/json",
        ...(scripted.retryAfter !== undefined
          ? { "retry-after": String(scripted.retryAfter) }
          : {}),
      });
      response.end(
        JSON.stringify({ error: { code: scripted.code ?? "Error", message: "scripted" } }),
      );
      return;
    }
    const roster =
      call.method === "GET"
        ? (rosterPage(request.url ?? "/") ?? teamPage(request.url ?? "/"))
        : null;
    if (roster) {
      call.status = roster.status;
      response.writeHead(roster.status, { "content-type": "application/json" });
      response.end(JSON.stringify(roster.body));
      return;
    }
    next += 1;
    const id = call.path === "/v3/conversations" ? `a:created-${next}` : `activity-${next}`;
    call.status = call.method === "POST" ? 201 : 200;
    call.answeredId = id;
    response.writeHead(call.status, { "content-type": "application/json" });
    response.end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** 429s answered because a limit was exceeded (not scripted ones). */
    throttled: () => throttled,
    /** What `pagedmembers` of a Teams team id lists from now on. */
    setRoster(teamsTeamId: string, members: FakeRosterMember[]) {
      rosters.set(teamsTeamId, [...members]);
    },
    /** What `GET /v3/teams/<id>` answers for a Teams team id from now on. */
    setTeam(teamsTeamId: string, details: { name: string; aadGroupId: string }) {
      teamDetails.set(teamsTeamId, details);
    },
    /** The `GET /v3/teams/<id>` calls, in order. */
    teamReads: () => calls.filter((call) => call.path.startsWith("/v3/teams/")),
    /** The roster pages read, in order (query strings included). */
    rosterReads: () => calls.filter((call) => call.path.includes("/pagedmembers")),
    /** The next matching calls get these answers, in order, before normal service resumes. */
    fail(match: (call: ConnectorCall) => boolean, answers: ScriptedAnswer[]) {
      faults.push({ match, answers: [...answers] });
    },
    cards: () =>
      calls.flatMap((call) => {
        const attachments = (call.body as { attachments?: { content?: unknown }[] } | null)
          ?.attachments;
        return (attachments ?? []).map((attachment) => attachment.content);
      }),
    /** Calls to one conversation's activities (posts and updates), in order. */
    callsTo: (conversationId: string) =>
      calls.filter((call) => conversationOf(call.path) === conversationId),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;
