import { randomUUID } from "node:crypto";
import { helpCard, translator } from "@dealflow/bot";
import { canRead, isContactHidden, type Opportunity } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { postActivity, teamsActivity } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";
import { applyHiddenApplication } from "./support/hidden-application.js";
import { cardWarnings } from "./support/parse-card.js";

// Issue 21 over HTTP: the message extension's invokes (search, create from a message, link
// unfurling) into the real host on Azurite, answered in the invoke's HTTP body.
const bot = useBotTestbed();

type Attachment = {
  contentType: string;
  content: { body: { text?: string }[]; actions?: { type: string; url?: string }[] };
  preview: { contentType: string; content: { title: string; text: string } };
};
type Answer = {
  composeExtension?: {
    type: string;
    attachmentLayout?: string;
    attachments?: Attachment[];
    text?: string;
  };
  task?: { type: string; value: unknown };
};

const invoke = async (
  userId: string,
  name: string,
  value: unknown,
  options: { tenantId?: string; locale?: string } = {},
): Promise<Answer> => {
  const activity = teamsActivity({
    serviceUrl: bot.connector.url,
    tenantId: options.tenantId ?? bot.host.tenantId,
    userId,
    type: "invoke",
    name,
    value,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const answer = await postActivity(bot.host, activity);
  expect(answer.status).toBe(200);
  return answer.body as Answer;
};

/** The result list of a search or a link, each card checked as Adaptive Cards 1.5. */
const resultsOf = (answer: Answer): Attachment[] => {
  expect(answer.composeExtension).toMatchObject({ type: "result", attachmentLayout: "list" });
  const attachments = answer.composeExtension?.attachments ?? [];
  for (const attachment of attachments) {
    expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
    expect(cardWarnings(attachment.content)).toEqual([]);
  }
  return attachments;
};

/** The opportunity id of a card's Open button (`…/#/opportunities/<id>` in local mode). */
const idOf = (attachment: Attachment): string => {
  const url = attachment.content.actions?.find((a) => a.type === "Action.OpenUrl")?.url ?? "";
  return decodeURIComponent(/#\/opportunities\/([^/?#]+)$/.exec(url)?.[1] ?? "");
};

const search = (userId: string, searchText: string, skip = 0, count = 25) =>
  invoke(userId, "composeExtension/query", {
    commandId: "searchOpportunities",
    parameters: [{ name: "searchText", value: searchText }],
    queryOptions: { skip, count },
  });

const initialRun = (userId: string, skip = 0, count = 25) =>
  invoke(userId, "composeExtension/query", {
    commandId: "searchOpportunities",
    parameters: [{ name: "initialRun", value: "true" }],
    queryOptions: { skip, count },
  });

const all = async (): Promise<Opportunity[]> =>
  (await bot.host.deps.store.listOpportunities(bot.host.tenantId, { kind: "all" }, { limit: 200 }))
    .items;

const viewerOf = async (userId: string) => ({
  tenantId: bot.host.tenantId,
  userId,
  role: "seller" as const,
  teamIds: [],
  settings: await bot.host.deps.store.getSettings(bot.host.tenantId),
});

/** A message as Teams sends it with a message action: HTML body, its sender. */
const messagePayload = (html: string, sender = "Carla Ruiz") => ({
  id: "1700000000000",
  body: { contentType: "html", content: html },
  from: { user: { id: "29:carla", displayName: sender, userIdentityType: "aadUser" } },
});

const TAB = "https://localhost:3978";

describe("searchOpportunities over HTTP", () => {
  it("finds a seller's own opportunity by its contact's name, as a card with a preview", async () => {
    const ana = bot.host.users.ana.id;
    const mine = (await all()).find(
      (o) => o.ownerId === ana && o.status === "open" && !isContactHidden(o),
    );
    if (!mine) throw new Error("the demo tenant has no open opportunity of Ana's");

    const found = resultsOf(await search(ana, mine.contact.name));

    expect(found.map(idOf)).toContain(mine.id);
    const card = found.find((a) => idOf(a) === mine.id);
    // Thumbnail text is HTML to Teams: the title is escaped, shown as typed.
    expect(card?.preview.content.title).toBe(
      mine.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    );
    const facts = JSON.stringify(card?.content);
    for (const label of ["Stage", "Value", "Owner", "Next task"]) expect(facts).toContain(label);
    expect(facts).toContain("Ana García");
  });

  it("does not find another seller's opportunity, even by its exact name", async () => {
    const { ana, luis } = bot.host.users;
    const viewer = await viewerOf(ana.id);
    const theirs = (await all()).find(
      (o) => o.ownerId === luis.id && !isContactHidden(o) && !canRead(viewer, o, viewer.settings),
    );
    if (!theirs)
      throw new Error("the demo tenant has no opportunity of Luis's that Ana cannot see");

    const found = resultsOf(await search(ana.id, theirs.contact.name));

    expect(found.map(idOf)).not.toContain(theirs.id);
  });

  it("never finds a hidden client by name, and shows their opportunity redacted", async () => {
    const marta = bot.host.users.marta.id;
    const id = await applyHiddenApplication(bot.host.deps.store, bot.host.tenantId);

    for (const name of ["Zoe Quintana", "Quintana Labs", "zoe@quintana-labs.example"]) {
      expect(resultsOf(await search(marta, name)).map(idOf)).not.toContain(id);
    }
    // The newest of a manager's list: shown, with the client's company out of its title.
    const listed = resultsOf(await initialRun(marta, 0, 5)).find((a) => idOf(a) === id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(listed)).not.toMatch(/Quintana|Zoe/);
  });

  it("pages the asker's newest by skip and count, without repeats or gaps", async () => {
    const marta = bot.host.users.marta.id;
    const first = resultsOf(await initialRun(marta, 0, 5)).map(idOf);
    const second = resultsOf(await initialRun(marta, 5, 5)).map(idOf);
    const both = resultsOf(await initialRun(marta, 0, 10)).map(idOf);

    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    expect([...first, ...second]).toEqual(both);
  });

  it("shows a seller's newest on an empty search, only what they may read", async () => {
    const ana = bot.host.users.ana.id;
    const viewer = await viewerOf(ana);
    const byId = new Map((await all()).map((o) => [o.id, o]));

    const found = resultsOf(await search(ana, "")).map(idOf);

    expect(found.length).toBeGreaterThan(0);
    for (const id of found) {
      const opportunity = byId.get(id);
      expect(opportunity && canRead(viewer, opportunity, viewer.settings)).toBe(true);
    }
  });

  it("answers an unknown command in words, never an error status", async () => {
    const answer = await invoke(bot.host.users.ana.id, "composeExtension/query", {
      commandId: "dropTables",
      parameters: [{ name: "searchText", value: "x" }],
    });

    expect(answer.composeExtension).toEqual({
      type: "message",
      text: "Dealflow has no command \u201cdropTables\u201d.",
    });
  });
});

describe("createFromMessage over HTTP", () => {
  const evil =
    "<p>**URGENT** [Session expired](https://evil.example) &amp; call me</p><p>Carla</p>";

  it("opens a dialog prefilled with the sender and showing the message as typed", async () => {
    const answer = await invoke(bot.host.users.ana.id, "composeExtension/fetchTask", {
      commandId: "createFromMessage",
      commandContext: "message",
      messagePayload: messagePayload(evil),
    });

    expect(answer.task?.type).toBe("continue");
    const value = answer.task?.value as { title: string; card: { content: unknown } };
    expect(value.title).toBe("Create opportunity");
    expect(cardWarnings(value.card.content)).toEqual([]);
    const card = JSON.stringify(value.card.content);
    expect(card).toContain('"id":"contactName","label":"Contact name","value":"Carla Ruiz"');
    expect(card).toContain('"value":"teams-message"');
    // The message's markdown is shown literally: no bold, no link.
    expect(card).toContain(
      JSON.stringify(
        "\\*\\*URGENT\\*\\* \\[Session expired\\](https://evil.example) \\& call me\nCarla",
      ).slice(1, -1),
    );
  });

  it("creates the asker's opportunity with the message as its first note, answered with its card", async () => {
    const ana = bot.host.users.ana.id;
    const answer = await invoke(ana, "composeExtension/submitAction", {
      commandId: "createFromMessage",
      commandContext: "message",
      messagePayload: messagePayload(evil),
      data: { contactName: "Carla Ruiz", company: "Ruiz Interiores", email: "carla@ruiz.example" },
    });

    const [card] = resultsOf(answer);
    if (!card) throw new Error("no card of the created opportunity");
    const id = idOf(card);
    const stored = await bot.host.deps.store.getOpportunity(bot.host.tenantId, id);
    expect(stored).toMatchObject({
      ownerId: ana,
      createdBy: ana,
      source: "teams-message",
      title: "Ruiz Interiores",
      contact: { name: "Carla Ruiz", email: "carla@ruiz.example", company: "Ruiz Interiores" },
    });
    const notes = await bot.host.deps.store.listNotes(bot.host.tenantId, id);
    expect(notes.items).toEqual([
      expect.objectContaining({
        authorId: ana,
        text: "**URGENT** [Session expired](https://evil.example) & call me\nCarla",
      }),
    ]);
    expect(JSON.stringify(card.content)).toContain("Ruiz Interiores");
  });

  it.each([
    { data: { contactName: "  " }, error: "Contact name is required." },
    { data: { contactName: "Eva", email: "eva.example" }, error: "Email is not valid." },
    { data: { contactName: "Eva", phone: "call me" }, error: "Phone is not valid." },
    { data: { contactName: "Eva", source: "carrier-pigeon" }, error: "Source is not valid." },
  ])("refuses $error, showing the form again and writing nothing", async ({ data, error }) => {
    const ana = bot.host.users.ana.id;
    const before = (await all()).length;

    const answer = await invoke(ana, "composeExtension/submitAction", {
      commandId: "createFromMessage",
      messagePayload: messagePayload("<p>Hello</p>"),
      data,
    });

    expect(answer.task?.type).toBe("continue");
    const card = (answer.task?.value as { card?: { content?: unknown } } | undefined)?.card
      ?.content;
    expect(cardWarnings(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(error);
    expect((await all()).length).toBe(before);
  });

  it("answers an unknown action command in words", async () => {
    const answer = await invoke(bot.host.users.ana.id, "composeExtension/fetchTask", {
      commandId: "deleteEverything",
    });

    expect(answer.task).toEqual({
      type: "message",
      value: "Dealflow has no command \u201cdeleteEverything\u201d.",
    });
  });

  it("creates nothing for someone Dealflow does not know", async () => {
    const before = (await all()).length;
    const answer = await invoke(randomUUID(), "composeExtension/submitAction", {
      commandId: "createFromMessage",
      data: { contactName: "Eva" },
    });

    expect(answer.task?.type).toBe("message");
    expect((await all()).length).toBe(before);
  });
});

describe("link unfurling over HTTP", () => {
  const link = (id: string, base = TAB) => `${base}/#/opportunities/${encodeURIComponent(id)}`;
  const unfurl = (userId: string, url: string, options: { tenantId?: string } = {}) =>
    invoke(userId, "composeExtension/queryLink", { url }, options);

  it("shows an opportunity's card to someone who may read it", async () => {
    const ana = bot.host.users.ana.id;
    const mine = (await all()).find((o) => o.ownerId === ana && !isContactHidden(o));
    if (!mine) throw new Error("no opportunity of Ana's");

    const [card, ...rest] = resultsOf(await unfurl(ana, link(mine.id)));

    expect(rest).toEqual([]);
    expect(card && idOf(card)).toBe(mine.id);
  });

  it("shows nothing of another seller's, nor for another tenant, nor on another host", async () => {
    const { ana, luis } = bot.host.users;
    const viewer = await viewerOf(ana.id);
    const theirs = (await all()).find(
      (o) => o.ownerId === luis.id && !canRead(viewer, o, viewer.settings),
    );
    const mine = (await all()).find((o) => o.ownerId === ana.id);
    if (!theirs || !mine) throw new Error("the demo tenant lacks the opportunities needed");

    expect(resultsOf(await unfurl(ana.id, link(theirs.id)))).toEqual([]);
    // Someone of another tenant with a link to a real opportunity of this one.
    expect(
      resultsOf(await unfurl(randomUUID(), link(mine.id), { tenantId: randomUUID() })),
    ).toEqual([]);
    for (const forged of [
      link(mine.id, "https://evil.example"),
      link(mine.id, "https://localhost@evil.example"),
      `${TAB}/#/opportunities/${mine.id}/../../settings`,
      "not a url",
    ]) {
      expect(resultsOf(await unfurl(ana.id, forged))).toEqual([]);
    }
  });

  it("shows nothing private before the app is installed (anonymousQueryLink)", async () => {
    const luis = bot.host.users.luis.id;
    const hidden = (await all()).find((o) => o.ownerId === luis);
    if (!hidden) throw new Error("no opportunity of Luis's");

    const answer = await invoke("anonymous", "composeExtension/anonymousQueryLink", {
      url: link(hidden.id),
    });

    const [card] = resultsOf(answer);
    const shown = JSON.stringify(card);
    expect(shown).toContain("A Dealflow opportunity");
    expect(shown).not.toContain(hidden.title);
    expect(shown).not.toContain(hidden.contact.name);
  });
});

describe("the help card (issue 21 item 5)", () => {
  it.each(["en", "es"] as const)("names the new entry points in %s, as a valid card", (locale) => {
    const card = helpCard({ t: translator(locale), reader: { locale, timeZone: "UTC" } });

    expect(cardWarnings(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(
      locale === "en"
        ? /Search opportunities[\s\S]*Create opportunity/
        : /Busca oportunidades[\s\S]*Crear oportunidad/,
    );
  });
});
