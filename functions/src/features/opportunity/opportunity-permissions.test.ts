import { randomUUID } from "node:crypto";
import type { Contact, Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../tests/support/api-harness.js";
import { arrangeContact, arrangeOpportunity } from "../../api/api.test-support.js";
import { asPage, signIn, tenantSnapshot } from "./opportunity.test-support.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const users = {
  owner: newTestUser(tenant, { name: "Ana Owner" }),
  "other seller": newTestUser(tenant, { name: "Luis Other" }),
  follower: newTestUser(tenant, { name: "Sara Follower" }),
  manager: newTestUser(tenant, { name: "Marta Manager", manager: true }),
  "user of another tenant": newTestUser(randomUUID(), { manager: true }),
};
type Who = keyof typeof users;
let adviser: Contact;

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  await signIn(harness, ...Object.values(users));
  adviser = await arrangeContact(harness, tenant, { name: "Rosa Adviser" });
});
afterAll(() => harness?.close());

/** Owned by `owner`, followed by `follower`, with `adviser` as another participant. */
const arrange = () =>
  arrangeOpportunity(harness, {
    owner: users.owner,
    followers: [users.follower],
    participants: [adviser],
  });

type Kind = "read" | "edit" | "follow";
type Case = {
  route: string;
  kind: Kind;
  ok: number;
  method: string;
  path: (o: Opportunity) => string;
  body?: () => unknown;
};
const at = (rest: string) => (o: Opportunity) => `/api/opportunities/${o.id}${rest}`;

const CASES: Case[] = [
  { route: "GET /{id}", kind: "read", ok: 200, method: "GET", path: at("") },
  { route: "GET /{id}/notes", kind: "read", ok: 200, method: "GET", path: at("/notes") },
  { route: "GET /{id}/activities", kind: "read", ok: 200, method: "GET", path: at("/activities") },
  {
    route: "POST /{id}/followers/me",
    kind: "follow",
    ok: 200,
    method: "POST",
    path: at("/followers/me"),
  },
  {
    route: "DELETE /{id}/followers/me",
    kind: "follow",
    ok: 200,
    method: "DELETE",
    path: at("/followers/me"),
  },
  {
    route: "PATCH /{id}",
    kind: "edit",
    ok: 200,
    method: "PATCH",
    path: at(""),
    body: () => ({ title: "Renamed" }),
  },
  {
    route: "POST /{id}/first-contact",
    kind: "edit",
    ok: 200,
    method: "POST",
    path: at("/first-contact"),
    body: () => ({ action: "second-contact" }),
  },
  {
    route: "PUT /{id}/owner",
    kind: "edit",
    ok: 200,
    method: "PUT",
    path: at("/owner"),
    body: () => ({ ownerId: users["other seller"].userId }),
  },
  {
    route: "PUT /{id}/stage",
    kind: "edit",
    ok: 200,
    method: "PUT",
    path: at("/stage"),
    body: () => ({ stage: "negotiation" }),
  },
  {
    route: "POST /{id}/followers/{userId}",
    kind: "edit",
    ok: 200,
    method: "POST",
    path: (o) => at(`/followers/${users["other seller"].userId}`)(o),
  },
  {
    route: "DELETE /{id}/followers/{userId}",
    kind: "edit",
    ok: 200,
    method: "DELETE",
    path: (o) => at(`/followers/${users.follower.userId}`)(o),
  },
  {
    route: "DELETE /{id}/participants/{contactId}",
    kind: "edit",
    ok: 200,
    method: "DELETE",
    path: (o) => at(`/participants/${adviser.id}`)(o),
  },
  {
    route: "PUT /{id}/contact",
    kind: "edit",
    ok: 200,
    method: "PUT",
    path: at("/contact"),
    body: () => ({ contactId: adviser.id }),
  },
  {
    route: "POST /{id}/notes",
    kind: "edit",
    ok: 201,
    method: "POST",
    path: at("/notes"),
    body: () => ({ text: "A note" }),
  },
];

/** SPEC §7: unseen is 404 (never 403); seen but not editable (a follower) is 403. */
const expected = (kind: Kind, who: Who, ok: number): number => {
  if (who === "other seller" || who === "user of another tenant") return 404;
  if (kind === "edit" && who === "follower") return 403;
  return ok;
};

const matrix = CASES.flatMap((c) =>
  (Object.keys(users) as Who[]).map((who) => ({ ...c, who, status: expected(c.kind, who, c.ok) })),
);

describe("the permission matrix of the opportunity routes", () => {
  let shared: Opportunity;
  beforeAll(async () => {
    shared = await arrange();
  });

  it.each(matrix)(
    "$route as $who answers $status",
    async ({ who, status, method, path, body, ok }) => {
      const refused = status !== ok;
      // Refusals use one shared opportunity (they must write nothing); allowed writes a fresh one.
      const opportunity = refused ? shared : await arrange();
      const before = refused ? await tenantSnapshot(harness, tenant) : null;

      const answer = await harness.call(users[who], method, path(opportunity), {
        ...(body ? { body: body() } : {}),
      });

      expect(answer.status, answer.text).toBe(status);
      if (before !== null) {
        expect(answer.headers.get("content-type")).toContain("application/problem+json");
        expect(await tenantSnapshot(harness, tenant)).toEqual(before);
      }
    },
  );

  it("adding a participant is refused alike", async () => {
    const fresh = await arrangeOpportunity(harness, {
      owner: users.owner,
      followers: [users.follower],
    });
    const other = await arrangeContact(harness, tenant, { name: "Someone Else" });
    const statuses: Record<string, number> = {};
    for (const who of Object.keys(users) as Who[]) {
      const answer = await harness.call(
        users[who],
        "POST",
        `/api/opportunities/${fresh.id}/participants/${other.id}`,
      );
      statuses[who] = answer.status;
    }
    expect(statuses).toEqual({
      owner: 200,
      "other seller": 404,
      follower: 403,
      manager: 200,
      "user of another tenant": 404,
    });
  });

  it("lists show an opportunity only to those who may see it", async () => {
    const listed = await arrange();
    const views = ["first-contact", "mine", "following", "all"];
    const seen: Record<string, string[]> = {};
    for (const who of Object.keys(users) as Who[]) {
      seen[who] = [];
      for (const view of views) {
        const page = asPage(
          (await harness.call(users[who], "GET", `/api/opportunities?view=${view}&limit=200`)).body,
        );
        if (page.items.some((o) => o.id === listed.id)) seen[who].push(view);
      }
    }
    expect(seen).toEqual({
      owner: ["first-contact", "mine", "all"],
      "other seller": [],
      follower: ["following", "all"],
      manager: ["first-contact", "all"],
      "user of another tenant": [],
    });
  });

  it("a seller naming another owner sees none of that owner's unshared opportunities", async () => {
    await arrange();
    // A seller of their own: the matrix above made "other seller" a follower of some.
    const other = newTestUser(tenant);
    await signIn(harness, other);
    for (const view of ["first-contact", "mine", "all"]) {
      const page = asPage(
        (
          await harness.call(
            other,
            "GET",
            `/api/opportunities?view=${view}&owner=${users.owner.userId}`,
          )
        ).body,
      );
      expect(page.items).toEqual([]);
    }
  });
});

describe("team-shared pipelines", () => {
  it("let a team member see and list a colleague's opportunity, but not edit it", async () => {
    const teamTenant = randomUUID();
    const owner = newTestUser(teamTenant);
    const member: TestUser = newTestUser(teamTenant);
    await signIn(harness, owner);
    const settings = await harness.deps.store.getSettings(teamTenant);
    await harness.deps.store.commit(teamTenant, {
      changes: [
        {
          entity: "settings",
          before: settings,
          after: {
            ...settings,
            pipelines: settings.pipelines.map((p) => ({
              ...p,
              visibility: "team" as const,
              teamId: "team-east",
            })),
          },
        },
      ],
      schedule: [],
      cancel: [],
    });
    // The member is in the team as the bot records a roster (functions/src/storage/teams).
    await harness.deps.store.teams.installTeam({
      tenantId: teamTenant,
      aadGroupId: "team-east",
      name: "East",
      teamsTeamId: "19:east@thread.tacv2",
      serviceUrl: "http://127.0.0.1:1/",
      installedAt: harness.deps.clock().toISOString(),
      updatedAt: harness.deps.clock().toISOString(),
    });
    await harness.deps.store.teams.replaceRoster(
      teamTenant,
      "team-east",
      [{ userId: member.userId, name: null, email: null }],
      harness.deps.clock(),
    );
    const opportunity = await arrangeOpportunity(harness, { owner });

    const read = await harness.call(member, "GET", `/api/opportunities/${opportunity.id}`);
    const all = asPage((await harness.call(member, "GET", "/api/opportunities?view=all")).body);
    const edit = await harness.call(member, "PATCH", `/api/opportunities/${opportunity.id}`, {
      body: { title: "Mine now" },
    });

    expect(read.status).toBe(200);
    expect(all.items.map((o) => o.id)).toEqual([opportunity.id]);
    expect(edit.status).toBe(403);
  });
});
