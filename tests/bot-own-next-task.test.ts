import { randomUUID } from "node:crypto";
import type { Task } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { changeOwner } from "../functions/src/features/opportunity/index.js";
import { createTask } from "../functions/src/features/task/index.js";
import { postActivity, teamsActivity } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";
import { cardWarnings } from "./support/parse-card.js";
import { pressDone, refreshReminder, reminderInvoke } from "./support/press-done.js";

// Issue 20 item 8: the reminder card's Done takes the person's own next task (title, date,
// time on their wall clock) instead of the outcome's default follow-up, through the same
// completion as POST /api/tasks/{id}/complete. Dates are years ahead: no wall-clock flakiness.

const bot = useBotTestbed({ validateCards: true });

const MEXICO = "America/Mexico_City";
const store = () => bot.host.deps.store;
const tenant = () => bot.host.tenantId;

/** A fresh open task of `userId` on an opportunity they own, due now. */
const openTaskOf = async (userId: string): Promise<Task> => {
  const owned = await store().listOpportunities(tenant(), { kind: "owner", ownerId: userId });
  const opportunity = owned.items.find((item) => item.status === "open");
  if (!opportunity) throw new Error("the demo user owns no open opportunity");
  const viewer = { tenantId: tenant(), userId, role: "seller" as const, teamIds: [] };
  const { task } = await createTask({ store: store(), clock: () => new Date() }, viewer, {
    opportunityId: opportunity.id,
    kind: "call",
    title: `Call ${randomUUID().slice(0, 8)}`,
    dueAt: new Date(),
    ownerId: null,
  });
  return task;
};

const openTaskIds = async (userId: string) =>
  (await store().listOpenTasksByOwner(tenant(), userId, {}, { limit: 500 })).items.map(
    (task) => task.id,
  );

/** The card answered to the invoke, as JSON text, after checking it parses cleanly. */
const answeredCard = (answer: Awaited<ReturnType<typeof pressDone>>) => {
  expect(answer.status).toBe(200);
  const body = answer.body as { statusCode: number; type: string; value: unknown };
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  expect(cardWarnings(body.value)).toEqual([]);
  return JSON.stringify(body.value);
};

describe("the reminder card's own next task", () => {
  it("creates it due at the reader's wall-clock time in their zone, in their language", async () => {
    const luis = bot.host.users.luis.id;
    // Teams tells the bot Luis's language and zone; the bot records them on his record.
    await bot.post(luis, {
      text: "ayuda",
      locale: "es-MX",
      entities: [{ type: "clientInfo", locale: "es-MX", timezone: MEXICO }],
    });
    expect((await store().getUser(tenant(), luis))?.timeZone).toBe(MEXICO);
    const task = await openTaskOf(luis);
    const before = await openTaskIds(luis);

    const card = answeredCard(
      await pressDone(
        bot,
        luis,
        task.id,
        {
          outcome: "promising",
          nextTitle: "Llamar a Pedro por la propuesta",
          nextDate: "2031-03-10",
          nextTime: "09:30",
        },
        { locale: "es-MX" },
      ),
    );

    const created = (
      await store().listOpenTasksByOwner(tenant(), luis, {}, { limit: 500 })
    ).items.filter((item) => !before.includes(item.id));
    // One new task, his own, instead of (not beside) the classification's follow-up.
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      title: "Llamar a Pedro por la propuesta",
      kind: "follow-up",
      origin: "manual",
      dueAt: "2031-03-10T15:30:00.000Z",
      opportunityId: task.opportunityId,
    });
    expect((await store().getTask(tenant(), task.id))?.status).toBe("done");
    expect(card).toContain("Hecha por Luis Romero (Prometedor)");
    expect(card).toContain("Siguiente tarea: Llamar a Pedro por la propuesta");
    expect(card).toContain("9:30");
  });

  it("keeps the outcome's default follow-up when its fields are left empty", async () => {
    const ana = bot.host.users.ana.id;
    const task = await openTaskOf(ana);
    const before = await openTaskIds(ana);
    const pressedAt = Date.now();

    const card = answeredCard(
      await pressDone(bot, ana, task.id, {
        outcome: "promising",
        nextTitle: "",
        nextDate: "",
        nextTime: "",
      }),
    );

    const created = (
      await store().listOpenTasksByOwner(tenant(), ana, {}, { limit: 500 })
    ).items.filter((item) => !before.includes(item.id));
    expect(created.map((item) => [item.kind, item.origin])).toEqual([
      ["follow-up", "classification"],
    ]);
    const settings = await store().getSettings(tenant());
    const days = Date.parse(created[0]?.dueAt ?? "") - pressedAt;
    expect(Math.round(days / 86_400_000)).toBe(
      settings.durations.classificationFollowUpDays.promising,
    );
    expect(card).toContain("Done by Ana García (Promising)");
    expect(card).toContain(`Next task: ${created[0]?.title}`);
  });

  it("still says what comes next when Teams refreshes the done card later", async () => {
    const ana = bot.host.users.ana.id;
    const task = await openTaskOf(ana);
    const before = await openTaskIds(ana);
    answeredCard(
      await pressDone(bot, ana, task.id, {
        outcome: "promising",
        nextTitle: "Send the price list",
        nextDate: "2031-04-02",
        nextTime: "10:00",
      }),
    );
    const created = (await openTaskIds(ana)).filter((id) => !before.includes(id));
    expect(created).toHaveLength(1);

    const refreshed = answeredCard(await refreshReminder(bot, ana, task.id));
    expect(refreshed).toContain("Done by Ana García (Promising)");
    expect(refreshed).toContain("Next task: Send the price list");

    // The same refresh forged by a seller who cannot read the opportunity, and by a user of
    // another tenant naming this task's id: neither learns the task or what comes next.
    const luisSees = answeredCard(await refreshReminder(bot, bot.host.users.luis.id, task.id));
    const otherTenant = answeredCard(
      await postActivity(
        bot.host,
        teamsActivity({
          serviceUrl: bot.connector.url,
          tenantId: randomUUID(),
          userId: ana,
          ...reminderInvoke("refresh", task.id, {}, "automatic"),
        }),
      ),
    );
    for (const card of [luisSees, otherTenant]) {
      expect(card).toContain("That no longer exists, or you cannot see it.");
      expect(card).not.toContain("Send the price list");
      expect(card).not.toContain(task.title);
    }

    // Handed to Luis with its open tasks: Ana's card no longer names a task that is his.
    const marta = bot.host.users.marta;
    await changeOwner(
      { store: store(), clock: () => new Date() },
      { tenantId: tenant(), userId: marta.id, role: marta.role, teamIds: [] },
      task.opportunityId ?? "",
      bot.host.users.luis.id,
    );
    const handedOver = answeredCard(await refreshReminder(bot, ana, task.id));
    expect(handedOver).toContain("Done by Ana García (Promising)");
    expect(handedOver).not.toContain("Send the price list");
  });

  it.each([
    [
      "a date and time without a title",
      { nextDate: "2031-03-10", nextTime: "09:30" },
      "“Next task”",
    ],
    [
      "an impossible date",
      { nextTitle: "Call back", nextDate: "2031-02-30", nextTime: "09:30" },
      "“Next task's date”",
    ],
    [
      "a title without a time",
      { nextTitle: "Call back", nextDate: "2031-03-10" },
      "“Next task's time”",
    ],
  ])("refuses %s, naming the field, and writes nothing", async (_case, fields, named) => {
    const ana = bot.host.users.ana.id;
    const task = await openTaskOf(ana);
    const before = await openTaskIds(ana);
    const notesBefore = await store().listNotes(tenant(), task.opportunityId ?? "");

    const card = answeredCard(
      await pressDone(bot, ana, task.id, { outcome: "promising", note: "Spoke to her", ...fields }),
    );

    expect(card).toContain(`Please check ${named}; nothing was saved.`);
    // The form is still there to mend.
    expect(card).toContain('"id":"nextTitle"');
    expect((await store().getTask(tenant(), task.id))?.status).toBe("open");
    expect(await openTaskIds(ana)).toEqual(before);
    expect(await store().listNotes(tenant(), task.opportunityId ?? "")).toEqual(notesBefore);
  });

  it("refuses another seller pressing Done on someone else's reminder, writing nothing", async () => {
    const { ana, luis } = bot.host.users;
    const task = await openTaskOf(ana.id);
    const [anaBefore, luisBefore] = [await openTaskIds(ana.id), await openTaskIds(luis.id)];

    const card = answeredCard(
      await pressDone(bot, luis.id, task.id, {
        outcome: "promising",
        nextTitle: "Take it over",
        nextDate: "2031-03-10",
        nextTime: "09:30",
      }),
    );

    expect(card).not.toContain("Hecha por");
    expect(card).not.toContain("Done by");
    expect((await store().getTask(tenant(), task.id))?.status).toBe("open");
    expect(await openTaskIds(ana.id)).toEqual(anaBefore);
    expect(await openTaskIds(luis.id)).toEqual(luisBefore);
  });
});
