import { randomUUID } from "node:crypto";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeContact, arrangeOpportunity } from "../../api/api.test-support.js";
import { asOpportunity, asProblem, signIn, tenantSnapshot } from "./opportunity.test-support.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Ana Owner" });
const follower = newTestUser(tenant, { name: "Sara Follower" });
const manager = newTestUser(tenant, { name: "Marta Manager", manager: true });

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  await signIn(harness, owner, follower, manager);
});
afterAll(() => harness?.close());

describe("concurrent edits", () => {
  it.each([1, 2, 3])(
    "of two PATCHes with the same ETag exactly one wins, the other gets 412 (round %i)",
    async () => {
      const opportunity = await arrangeOpportunity(harness, { owner });
      const etag = opportunity.version ?? "";
      const patch = (title: string) =>
        harness.call(owner, "PATCH", `/api/opportunities/${opportunity.id}`, {
          body: { title },
          headers: { "If-Match": etag },
        });

      const answers = await Promise.all([patch("First edit"), patch("Second edit")]);

      expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
      const winner = answers.find((a) => a.status === 200);
      const loser = answers.find((a) => a.status === 412);
      expect(loser?.headers.get("content-type")).toContain("application/problem+json");
      const final = await harness.call(owner, "GET", `/api/opportunities/${opportunity.id}`);
      expect(asOpportunity(final.body).title).toBe(asOpportunity(winner?.body).title);
      expect(final.headers.get("etag")).toBe(winner?.headers.get("etag"));
    },
  );

  it("refuses a write based on a stale copy with 412 and writes nothing", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner });
    const stale = opportunity.version ?? "";
    await harness.call(owner, "PATCH", `/api/opportunities/${opportunity.id}`, {
      body: { title: "Fresh" },
    });
    const before = await tenantSnapshot(harness, tenant);
    for (const [method, rest, body] of [
      ["PATCH", "", { title: "Stale" }],
      ["PUT", "/stage", { stage: "won" }],
      ["POST", "/first-contact", { action: "second-contact" }],
    ] as const) {
      const answer = await harness.call(
        owner,
        method,
        `/api/opportunities/${opportunity.id}${rest}`,
        {
          body,
          headers: { "If-Match": stale },
        },
      );
      expect(answer.status).toBe(412);
    }
    expect(await tenantSnapshot(harness, tenant)).toEqual(before);
  });
});

describe("a hidden marketplace client", () => {
  const SECRETS = [
    "Secret Person",
    "secret@client.example",
    "SecretCo",
    "600 111 222",
    "linkedin.com/in/secret",
    "meet.example/secret",
    "Hidden Adviser",
    "adviser@secretco.example",
  ];
  let hidden: Opportunity;

  beforeAll(async () => {
    const open = await arrangeOpportunity(harness, {
      // No title: it defaults to the client's company, which must not show either.
      owner,
      contact: {
        name: "Secret Person",
        email: "secret@client.example",
        company: "SecretCo",
        phone: "+34 600 111 222",
      },
      followers: [follower],
    });
    const adviser = await arrangeContact(harness, tenant, {
      name: "Hidden Adviser",
      email: "adviser@secretco.example",
    });
    // Added through the API so the timeline holds a participant line naming them. While the
    // client is hidden the roles cannot change (409), so the line predates the hiding here.
    const added = await harness.call(
      owner,
      "POST",
      `/api/opportunities/${open.id}/participants/${adviser.id}`,
    );
    expect(added.status).toBe(200);
    const before = await harness.deps.store.getOpportunity(tenant, open.id);
    const client = await harness.deps.store.getContact(tenant, open.contact.id);
    if (before === null || client === null) throw new Error("no opportunity");
    await harness.deps.store.commit(tenant, {
      changes: [
        // The application's own client, as receiveApplication marks it.
        { entity: "contact", before: client, after: { ...client, clientOf: before.id } },
        {
          entity: "opportunity",
          before,
          after: {
            ...before,
            marketplace: {
              connectorKey: "sortlist",
              visibility: "hidden",
              appliedAt: before.receivedAt,
              brief: null,
              meetingAt: null,
              meetingUrl: "https://meet.example/secret",
              meetingHeld: false,
              fee: null,
              refund: "none",
              refundReason: null,
              revealedAt: null,
            },
          },
        },
      ],
      schedule: [],
      cancel: [],
    });
    hidden = (await harness.deps.store.getOpportunity(tenant, open.id)) ?? before;
    const again = await harness.call(
      owner,
      "DELETE",
      `/api/opportunities/${hidden.id}/participants/${adviser.id}`,
    );
    expect(again.status).toBe(409);
  });

  const leaks = (text: string) => SECRETS.filter((secret) => text.includes(secret));

  it.each([
    ["owner", () => owner],
    ["follower", () => follower],
    ["manager", () => manager],
  ])("appears in no answer to the %s", async (_who, user) => {
    const id = hidden.id;
    const reads = [
      `/api/opportunities/${id}`,
      `/api/opportunities/${id}/activities`,
      `/api/opportunities/${id}/notes`,
      ...["first-contact", "mine", "following", "all"].map((v) => `/api/opportunities?view=${v}`),
    ];
    const texts: string[] = [];
    for (const path of reads) {
      const answer = await harness.call(user(), "GET", path);
      expect(answer.status).toBe(200);
      texts.push(answer.text);
    }
    // Writes answer with the opportunity too.
    const follow = await harness.call(user(), "POST", `/api/opportunities/${id}/followers/me`);
    texts.push(follow.text);
    expect(texts.join("\n")).toContain(id);
    expect(texts.flatMap(leaks)).toEqual([]);
  });

  it("appears in no answer to the owner's edits", async () => {
    const id = hidden.id;
    const texts = [
      (await harness.call(owner, "PATCH", `/api/opportunities/${id}`, { body: { tags: ["web"] } }))
        .text,
      (
        await harness.call(owner, "PUT", `/api/opportunities/${id}/stage`, {
          body: { stage: "negotiation" },
        })
      ).text,
      (
        await harness.call(owner, "POST", `/api/opportunities/${id}/notes`, {
          body: { text: "Applied; Secret Person replied" },
        })
      ).text,
    ];
    expect(texts.flatMap(leaks)).toEqual([]);
  });

  it("is not found by searching for what is hidden", async () => {
    for (const q of ["secret", "secretco", "secret@client.example"]) {
      const answer = await harness.call(
        manager,
        "GET",
        `/api/opportunities?view=all&q=${encodeURIComponent(q)}`,
      );
      expect(answer.text).not.toContain(hidden.id);
    }
  });
});

describe("bad input", () => {
  let target: Opportunity;
  beforeAll(async () => {
    target = await arrangeOpportunity(harness, { owner });
  });
  const at = (rest: string) => `/api/opportunities/{id}${rest}`;
  const list = (query: string) => `/api/opportunities${query === "" ? "" : `?${query}`}`;
  const create = (over: Record<string, unknown>) => ({
    contact: { name: "Valid Name" },
    source: "web-form",
    ...over,
  });

  it.each([
    ["POST", list(""), create({ contact: { name: "" } }), "contact.name"],
    ["POST", list(""), create({ contact: { name: "X", email: "not-an-email" } }), "contact.email"],
    ["POST", list(""), create({ contact: { name: 42 } }), "contact.name"],
    ["POST", list(""), create({ source: "carrier-pigeon" }), "source"],
    ["POST", list(""), create({ nextTask: { kind: "call", dueAt: "tomorrow" } }), "nextTask.dueAt"],
    [
      "POST",
      list(""),
      create({ nextTask: { kind: "dance", dueAt: "2026-03-03T10:00:00Z" } }),
      "nextTask.kind",
    ],
    ["POST", list(""), { source: "web-form" }, "contact"],
    ["PATCH", at(""), { title: 5 }, "title"],
    ["PATCH", at(""), { title: "   " }, "title"],
    ["PATCH", at(""), { value: { amount: -1, currency: "EUR" } }, "value.amount"],
    ["PATCH", at(""), { value: { amount: 1, currency: "euro" } }, "value.currency"],
    ["PATCH", at(""), { tags: ["ok", ""] }, "tags.1"],
    ["POST", at("/first-contact"), { action: "maybe" }, "action"],
    ["POST", at("/first-contact"), { action: "discard", reason: "bored" }, "reason"],
    ["POST", at("/first-contact"), { action: "discard", reason: "other" }, "notes"],
    ["POST", at("/first-contact"), { action: "second-contact", delayHours: 0 }, "delayHours"],
    ["PUT", at("/owner"), { ownerId: "nobody-we-know" }, "ownerId"],
    ["PUT", at("/owner"), {}, "ownerId"],
    ["PUT", at("/stage"), { stage: "limbo" }, "stage"],
    ["PUT", at("/contact"), { contactId: "01NOTAPARTICIPANT" }, "contactId"],
    ["POST", at("/notes"), { text: "   " }, "text"],
    ["POST", at("/followers/someone-unknown"), undefined, "userId"],
    ["GET", list("view=bogus"), undefined, "query.view"],
    ["GET", list("view=all&stage=limbo"), undefined, "query.stage"],
    ["GET", list("view=all&cursor=garbage"), undefined, "query.cursor"],
    ["GET", list("view=all&limit=0"), undefined, "query.limit"],
  ] as const)(
    "%s %s with %j is 400 naming %s, writing nothing",
    async (method, path, body, field) => {
      const before = await tenantSnapshot(harness, tenant);

      const answer = await harness.call(
        owner,
        method,
        path.replace("{id}", target.id),
        body === undefined ? {} : { body },
      );

      expect(answer.status, answer.text).toBe(400);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(asProblem(answer.body).errors?.map((e) => e.path)).toContain(field);
      expect(await tenantSnapshot(harness, tenant)).toEqual(before);
    },
  );

  it("refuses a hand-over too big for one atomic write with 409, writing nothing", async () => {
    const crowded = await arrangeOpportunity(harness, { owner });
    const ctxOwner = owner.userId;
    const { createTask, ulidGenerator } = await import("@dealflow/core");
    const ids = ulidGenerator();
    const settings = await harness.deps.store.getSettings(tenant);
    for (let i = 0; i < 40; i++) {
      const task = createTask(
        {
          opportunity: crowded,
          kind: "call",
          title: `Call ${i}`,
          dueAt: "2026-03-05T10:00:00Z",
          ownerId: ctxOwner,
        },
        { now: NOW, actor: null, tenantId: tenant, settings, ids },
      );
      await harness.deps.store.commit(tenant, task);
    }
    const before = await tenantSnapshot(harness, tenant);

    const answer = await harness.call(manager, "PUT", `/api/opportunities/${crowded.id}/owner`, {
      body: { ownerId: follower.userId },
    });

    expect(answer.status, answer.text).toBe(409);
    expect(asProblem(answer.body).title).toBe("Conflict");
    expect(await tenantSnapshot(harness, tenant)).toEqual(before);
  });
});
