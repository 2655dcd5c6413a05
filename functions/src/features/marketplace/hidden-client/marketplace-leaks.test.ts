import { randomUUID } from "node:crypto";
import { type CardAction, handleCardAction, handleCommand, parseCommand } from "@dealflow/bot";
import type { Offer as OfferView } from "@dealflow/contract";
import type { NotificationIntent } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../../tests/support/api-harness.js";
import { botDataOf } from "../../../bot/bot-data.adapter.js";
import { resolveDeliveries } from "../../../notifications/recipients.js";
import { renderCard } from "../../../notifications/render-card.js";
import { createTarget, targetBody } from "../../routing/routing.test-support.js";
import {
  applicationEvent,
  arrangeConnector,
  CLIENT,
  type Connector,
  MEETING_URL,
  nextIds,
  outbox,
  postEvent,
  sweep,
} from "../marketplace.test-support.js";

// SPEC §4.4: before the reveal no route, card, bot answer, report or CSV gives anyone the
// client's identity. The client signs the brief and names themselves in its first line.
const SECRETS = [
  CLIENT.name,
  "Beatriz",
  CLIENT.email,
  CLIENT.phone,
  CLIENT.company,
  CLIENT.linkedinUrl,
  MEETING_URL,
];

let now = new Date("2026-05-04T08:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Manager" });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
const pablo = newTestUser(tenant, { name: "Pablo Follower" });
let connector: Connector;
let kept: { application: string; opportunityId: string };
let discarded: { application: string; opportunityId: string };
let typedTaskId: string;

/** Each place that shows a hidden value, as "where: value", so a failure lists them all. */
const leaksIn = (where: string, text: string): string[] =>
  SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase())).map(
    (secret) => `${where}: ${secret}`,
  );
const expectNoSecrets = (where: string, text: string) => expect(leaksIn(where, text)).toEqual([]);

const applyHidden = async () => {
  const ids = nextIds();
  const answer = await postEvent(
    harness,
    connector,
    applicationEvent(ids, {
      ownerId: ana.userId,
      title: null,
      brief: `Beatriz Solano needs a new shop\nRegards, ${CLIENT.name} (${CLIENT.company}), ${CLIENT.email}`,
      meetingAt: new Date(now.getTime() + 72 * 3_600_000).toISOString(),
      meetingUrl: MEETING_URL,
    }),
  );
  expect(answer.status).toBe(201);
  return {
    application: ids.application,
    opportunityId: (answer.body as { opportunityId: string }).opportunityId,
  };
};

/** The bot as the host runs it, over the real store. */
const botDeps = () => ({
  data: botDataOf(harness.deps.store, harness.deps.store.deliveryLog, harness.deps.clock),
  conversations: harness.deps.store.conversations,
  links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
});

/** The offer card its user gets, rendered as the bot channel would. */
const routingCard = async (offerId: string): Promise<string> => {
  const row = await harness.deps.store.getNotification(tenant, `offer-sent:${offerId}`);
  if (row === null) throw new Error("the offer has no outbox row");
  const [delivery] = await resolveDeliveries(harness.deps.store, row);
  if (delivery === undefined) throw new Error("the offer card goes to nobody");
  const ctx = {
    store: harness.deps.store,
    tenantId: tenant,
    settings: await harness.deps.store.getSettings(tenant),
    links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
    now,
    user: (id: string) => harness.deps.store.getUser(tenant, id),
    opportunity: (id: string) => harness.deps.store.getOpportunity(tenant, id),
    names: async () => null,
  };
  return JSON.stringify(await renderCard(delivery.card, ctx, { locale: "en", timeZone: "UTC" }));
};

/** Every read route a user of the tabs can call about the opportunity, as text. */
const readEverything = async (user: TestUser, opportunityId: string, contactId: string) => {
  const paths = [
    "/api/opportunities",
    "/api/opportunities?view=all",
    `/api/opportunities/${opportunityId}`,
    `/api/opportunities/${opportunityId}/notes`,
    `/api/tasks?opportunity=${opportunityId}`,
    "/api/tasks",
    `/api/contacts/${contactId}`,
    `/api/contacts?q=${encodeURIComponent("Solano")}`,
    `/api/contacts?q=${encodeURIComponent(CLIENT.email)}`,
    "/api/contacts/discarded",
    "/api/contacts/discarded.csv",
    "/api/reports/sources",
    "/api/reports/first-contact-times",
  ];
  const answers = [];
  for (const path of paths) {
    const answer = await harness.call(user, "GET", path);
    answers.push({ path, status: answer.status, text: answer.text });
  }
  return answers;
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana, luis, pablo]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager, { name: "Workana" });
  kept = await applyHidden();
  discarded = await applyHidden();
  // What a seller does with a hidden opportunity: notes, tasks, a follower, a discard.
  const at = (id: string) => `/api/opportunities/${id}`;
  expect(
    (await harness.call(manager, "POST", `${at(kept.opportunityId)}/followers/${pablo.userId}`))
      .status,
  ).toBeLessThan(300);
  expect(
    (
      await harness.call(ana, "POST", `${at(kept.opportunityId)}/notes`, {
        body: { text: "Looks promising" },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await harness.call(ana, "POST", "/api/tasks", {
        body: {
          kind: "call",
          opportunityId: kept.opportunityId,
          dueAt: new Date(now.getTime() + 3_600_000).toISOString(),
        },
      })
    ).status,
  ).toBe(201);
  // A title that names the client (typed, or written before default titles left names out),
  // already overdue: `my tasks`, `overdue` and the reminder card's refresh show it.
  const typed = await harness.call(ana, "POST", "/api/tasks", {
    body: {
      kind: "call",
      title: `Call ${CLIENT.name} back`,
      opportunityId: kept.opportunityId,
      dueAt: new Date(now.getTime() - 3_600_000).toISOString(),
    },
  });
  expect(typed.status).toBe(201);
  typedTaskId = (typed.body as { id: string }).id;
  // A hidden client cannot be contacted, so it cannot be discarded: the client declines it.
  const declined = await postEvent(harness, connector, {
    id: nextIds().event,
    type: "client-declined",
    applicationId: discarded.application,
  });
  expect(declined.status).toBe(200);
  now = new Date(now.getTime() + 60_000);
});
afterAll(() => harness?.close());

describe("before the reveal", () => {
  it("no route gives the owner, another seller, a follower or a manager the client", async () => {
    for (const opportunityId of [kept.opportunityId, discarded.opportunityId]) {
      const stored = await harness.deps.store.getOpportunity(tenant, opportunityId);
      const contactId = stored?.contact.id ?? "";
      for (const user of [ana, luis, pablo, manager]) {
        for (const answer of await readEverything(user, opportunityId, contactId)) {
          expect(answer.status, `${answer.path} ${answer.text}`).toBeLessThan(500);
          expectNoSecrets(`${answer.path} as ${user.name}`, answer.text);
        }
      }
    }
  });

  // Task lines ("Call: <client>") and note excerpts are our own texts that may repeat the
  // client's name: core's redactHiddenActivity redacts them with the stored opportunity.
  it("the timeline route names the client in no line", async () => {
    for (const user of [ana, pablo, manager]) {
      const answer = await harness.call(
        user,
        "GET",
        `/api/opportunities/${kept.opportunityId}/activities`,
      );
      expect(answer.status).toBe(200);
      expectNoSecrets(`activities as ${user.name}`, answer.text);
    }
  });

  it("the owner reads the opportunity, with the meeting time but without the link", async () => {
    const answer = await harness.call(ana, "GET", `/api/opportunities/${kept.opportunityId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      marketplace: { visibility: "hidden", meetingUrl: null, meetingAt: expect.any(String) },
    });
  });

  it("no bot answer names the client: status, tasks, overdue, follow, in both languages", async () => {
    const deps = botDeps();
    const commands = [
      "status",
      "status Solano",
      "status shop",
      `status ${kept.opportunityId}`,
      "my tasks",
      "overdue",
      "mis tareas",
      "vencidas",
      // Unfollow first: everyone ends up following, as the card test below expects of Pablo.
      `unfollow ${kept.opportunityId}`,
      `dejar de seguir ${kept.opportunityId}`,
      `follow ${kept.opportunityId}`,
      `seguir ${kept.opportunityId}`,
    ];
    for (const user of [ana, pablo, manager]) {
      for (const text of commands) {
        const card = await handleCommand(
          parseCommand(text),
          { tenantId: tenant, userId: user.userId, clientLocale: "en", channel: null, now },
          deps,
        );
        expectNoSecrets(`bot "${text}" for ${user.name}`, JSON.stringify(card));
      }
    }
    // Not a vacuous pass: the owner's task list does list the overdue task, redacted.
    const mine = await handleCommand(
      parseCommand("my tasks"),
      { tenantId: tenant, userId: ana.userId, clientLocale: "en", channel: null, now },
      deps,
    );
    expect(JSON.stringify(mine)).toContain("Call Hidden client back");
  });

  it("no card refresh (reminder, follower update, new opportunity) names the client", async () => {
    const deps = botDeps();
    const actions: CardAction[] = [
      { verb: "refresh", card: "task-reminder", fields: { taskId: typedTaskId, when: "due" } },
      {
        verb: "refresh",
        card: "follower-update",
        fields: { opportunityId: kept.opportunityId },
      },
      {
        verb: "refresh",
        card: "new-opportunity",
        fields: { opportunityId: kept.opportunityId },
      },
    ];
    for (const user of [ana, pablo, manager]) {
      for (const action of actions) {
        const { card } = await handleCardAction(
          action,
          { tenantId: tenant, userId: user.userId, locale: "en", channel: null, now },
          deps,
        );
        expectNoSecrets(`${action.card} refresh for ${user.name}`, JSON.stringify(card));
      }
    }
    const { card } = await handleCardAction(
      actions[0] as CardAction,
      { tenantId: tenant, userId: ana.userId, locale: "en", channel: null, now },
      deps,
    );
    expect(JSON.stringify(card)).toContain("Call Hidden client back");
  });

  it("no card (follower update, owner note, task reminder, digest, routing) names the client", async () => {
    // Routed by hand to Luis, who declines: his offer card, its final state and the managers'
    // "choose another target" card (proposing Pablo's) join the cards to check.
    const luisStudio = await createTarget(harness, manager, targetBody("Luis Studio", luis.userId));
    await createTarget(harness, manager, targetBody("Pablo Web", pablo.userId));
    const routed = await harness.call(
      manager,
      "POST",
      `/api/opportunities/${kept.opportunityId}/routing`,
      {
        body: { mode: "manual", targetId: luisStudio.id, criteria: { service: "web" } },
      },
    );
    expect(routed.status).toBe(200);
    const [offer] = (routed.body as { items: OfferView[] }).items;
    const pendingCard = await routingCard(offer?.id ?? "");
    expectNoSecrets("pending offer card", pendingCard);
    expect(pendingCard).toContain("offer.accept");
    const decline = await harness.call(luis, "POST", `/api/offers/${offer?.id}/decline`);
    expect(decline.status).toBe(200);
    // The call task falls due: its reminder card joins the cards to check.
    now = new Date(now.getTime() + 2 * 3_600_000);
    await sweep(harness);
    const rows = (await outbox(harness, tenant)).filter(
      (row: NotificationIntent) => row.opportunityId === kept.opportunityId,
    );
    expect(rows.length).toBeGreaterThan(0);
    const settings = await harness.deps.store.getSettings(tenant);
    const ctx = {
      store: harness.deps.store,
      tenantId: tenant,
      settings,
      links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
      now,
      user: (id: string) => harness.deps.store.getUser(tenant, id),
      opportunity: (id: string) => harness.deps.store.getOpportunity(tenant, id),
      names: async (id: string | null) =>
        id ? ((await harness.deps.store.getUser(tenant, id))?.name ?? null) : null,
    };
    const reader = { locale: "en" as const, timeZone: "UTC" };
    const kinds = new Set<string>();
    for (const row of rows) {
      for (const delivery of await resolveDeliveries(harness.deps.store, row)) {
        kinds.add(delivery.card.kind);
        expectNoSecrets(
          `card ${delivery.card.kind}`,
          JSON.stringify(await renderCard(delivery.card, ctx, reader)),
        );
      }
    }
    expect([...kinds].sort()).toEqual([
      "choose-another-target",
      "follower-update",
      "new-opportunity",
      "offer",
      "task-reminder",
    ]);
    const digest = await renderCard(
      { kind: "daily-digest", userId: ana.userId, date: "2026-05-04" },
      ctx,
      reader,
    );
    expectNoSecrets("daily digest", JSON.stringify(digest));
  });
  // The title an untitled application defaults to names the client: offers carry the title,
  // so the routing answer and every offer listing must redact it like the opportunity's own.
  it("no routing answer or offer listing names the client in the title", async () => {
    const fresh = await applyHidden();
    const stored = await harness.deps.store.getOpportunity(tenant, fresh.opportunityId);
    expect(leaksIn("stored title", stored?.title ?? "")).not.toEqual([]);
    const target = await createTarget(harness, manager, targetBody("Pablo Partners", pablo.userId));
    const routed = await harness.call(
      manager,
      "POST",
      `/api/opportunities/${fresh.opportunityId}/routing`,
      { body: { mode: "manual", targetId: target.id } },
    );
    expect(routed.status).toBe(200);
    expectNoSecrets("routing answer", routed.text);
    const [offer] = (routed.body as { items: OfferView[] }).items;
    expect(offer?.opportunityTitle).toContain("Hidden client");
    const reads: [TestUser, string][] = [
      [pablo, "/api/offers"],
      [manager, "/api/offers?scope=all"],
      [manager, "/api/offers?scope=all&status=pending"],
      [manager, "/api/offers?scope=all&status=declined"],
      [manager, `/api/opportunities/${fresh.opportunityId}/offers`],
      [ana, `/api/opportunities/${fresh.opportunityId}/offers`],
      [manager, `/api/opportunities/${kept.opportunityId}/offers`],
    ];
    for (const [user, path] of reads) {
      const answer = await harness.call(user, "GET", path);
      expect(answer.status, `${path} ${answer.text}`).toBe(200);
      expect((answer.body as { items: OfferView[] }).items.length, path).toBeGreaterThan(0);
      expectNoSecrets(`${path} as ${user.name}`, answer.text);
    }
    const declined = await harness.call(pablo, "POST", `/api/offers/${offer?.id}/decline`);
    expect(declined.status).toBe(200);
    expectNoSecrets("declined offer", declined.text);
  });
});

describe("after the client accepts", () => {
  it("the owner sees the client; the discarded one stays hidden", async () => {
    const accepted = await postEvent(harness, connector, {
      id: nextIds().event,
      type: "client-accepted",
      applicationId: kept.application,
    });
    expect(accepted.status).toBe(200);
    const answer = await harness.call(ana, "GET", `/api/opportunities/${kept.opportunityId}`);
    for (const secret of [
      CLIENT.name,
      CLIENT.email,
      CLIENT.phone,
      CLIENT.company,
      CLIENT.linkedinUrl,
      MEETING_URL,
    ]) {
      expect(answer.text).toContain(secret);
    }
    const other = await harness.call(ana, "GET", `/api/opportunities/${discarded.opportunityId}`);
    expectNoSecrets("discarded opportunity", other.text);
  });
});
