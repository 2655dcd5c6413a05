import { randomUUID } from "node:crypto";
import { formatDateTime, localDate } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { createTask } from "../functions/src/features/task/index.js";
import { runSweep } from "../functions/src/sla/sla-sweep.js";
import { eventually, postActivity, teamsActivity } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";

// Issue 20: each person's language and time zone come from their Teams. An activity carries
// `locale` and (messages, invokes) a `clientInfo` entity with the client's IANA zone; the bot
// records them on the sender's own record, and later proactive cards and "tomorrow" follow.

const bot = useBotTestbed({ validateCards: true, minCards: 2 });

const MEXICO = "America/Mexico_City";
const clientInfo = (timezone: string) => [
  { type: "clientInfo", locale: "es-ES", country: "MX", platform: "Web", timezone },
];

const store = () => bot.host.deps.store;
const tenant = () => bot.host.tenantId;
const preferencesOf = async (userId: string) => {
  const user = await store().getUser(tenant(), userId);
  return { locale: user?.locale, timeZone: user?.timeZone };
};

/** A raw Teams activity of the demo tenant from `userId`, to edit into an attack. */
const rawActivity = (userId: string) =>
  teamsActivity({
    serviceUrl: bot.connector.url,
    tenantId: tenant(),
    userId,
    text: "help",
    locale: "es-ES",
    entities: clientInfo("Asia/Tokyo"),
  });

describe("a person's Teams language and time zone", () => {
  it("records them from an activity, so a later reminder is in Spanish, in their zone, and snoozes to their tomorrow", async () => {
    const luis = bot.host.users.luis.id;
    expect(await preferencesOf(luis)).toEqual({ locale: "en", timeZone: null });

    const answer = await bot.post(luis, {
      text: "help",
      locale: "es-ES",
      entities: clientInfo(MEXICO),
    });

    expect(answer.status).toBe(200);
    expect(await preferencesOf(luis)).toEqual({ locale: "es", timeZone: MEXICO });

    // A task of Luis's created already past due: the sweep fires its one reminder, which the
    // host delivers from its queue to his personal chat (the real delivery path).
    const title = `Llamar a Pedro ${randomUUID().slice(0, 8)}`;
    const dueAt = new Date(Date.now() - 60_000);
    const viewer = { tenantId: tenant(), userId: luis, role: "seller" as const, teamIds: [] };
    const { task } = await createTask({ store: store(), clock: () => new Date() }, viewer, {
      opportunityId: null,
      kind: "call",
      title,
      dueAt,
      ownerId: null,
    });
    await runSweep({
      store: store(),
      publish: async () => {},
      clock: () => new Date(),
      leaseSeconds: 120,
    });
    const reminder = await eventually(() => {
      const call = bot.connector
        .callsTo(`a:personal-${luis}`)
        .find(
          (candidate) =>
            candidate.method === "POST" && JSON.stringify(candidate.body).includes(title),
        );
      return call ? JSON.stringify(call.body) : null;
    }, 60_000);
    expect(reminder).toContain(`Recordatorio: ${title}`);
    expect(reminder).toContain(
      `Vence ahora (${formatDateTime(dueAt.toISOString(), "es", MEXICO)})`,
    );
    expect(reminder).not.toContain("Reminder:");

    // Snooze → tomorrow from the card: 09:00 of the next day in Mexico City (UTC-6 all year),
    // not in the tenant's Madrid.
    const pressedAt = new Date();
    const snoozed = await bot.post(luis, {
      type: "invoke",
      name: "adaptiveCard/action",
      locale: "es-ES",
      value: {
        action: {
          type: "Action.Execute",
          verb: "task.snooze",
          data: {
            verb: "task.snooze",
            card: "task-reminder",
            taskId: task.id,
            when: "due",
            until: "tomorrow",
          },
        },
        trigger: "manual",
      },
    });
    expect(snoozed.status).toBe(200);
    expect(JSON.stringify(snoozed.body)).toContain("Pospuesta hasta");
    const tomorrow = localDate(new Date(pressedAt.getTime() + 86_400_000), MEXICO);
    const stored = await store().getTask(tenant(), task.id);
    expect(stored?.dueAt).toBe(new Date(`${tomorrow}T15:00:00.000Z`).toISOString());
  });

  it("does not change anybody's record from an activity of another tenant naming them", async () => {
    const ana = bot.host.users.ana.id;
    const before = await preferencesOf(ana);
    const activity = rawActivity(ana);
    const otherTenant = randomUUID();
    activity.channelData.tenant.id = otherTenant;
    activity.conversation.tenantId = otherTenant;

    await postActivity(bot.host, activity);

    expect(await preferencesOf(ana)).toEqual(before);
    expect(await store().getUser(otherTenant, ana)).toBeNull();
  });

  it("does not change anybody's record from a forged sender", async () => {
    const ana = bot.host.users.ana.id;
    const before = await preferencesOf(ana);
    // Ana's Teams id without her Entra object id: the sender is the object id, so nobody.
    const noObjectId = rawActivity(ana);
    noObjectId.from = { id: `29:${ana}`, name: "Ana García" } as typeof noObjectId.from;
    // Her tenant in channelData but another in the conversation: inconsistent, so nobody.
    const mixedTenants = rawActivity(ana);
    mixedTenants.conversation.tenantId = randomUUID();

    for (const activity of [noObjectId, mixedTenants]) await postActivity(bot.host, activity);

    expect(await preferencesOf(ana)).toEqual(before);
  });

  it.each(["Mars/Olympus_Mons", "+01:00", "../../etc/passwd"])(
    "ignores the invalid time zone %s and keeps the one recorded",
    async (timezone) => {
      const marta = bot.host.users.marta.id;
      await bot.post(marta, { text: "help", entities: clientInfo("Europe/Madrid") });
      expect((await preferencesOf(marta)).timeZone).toBe("Europe/Madrid");

      await bot.post(marta, { text: "help", entities: clientInfo(timezone) });

      expect((await preferencesOf(marta)).timeZone).toBe("Europe/Madrid");
    },
  );
});
