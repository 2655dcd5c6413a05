import { randomUUID } from "node:crypto";
import type { NotificationIntent } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { arrangeForms, postLead } from "../features/intake/intake.test-support.js";
import { subjectReads } from "../notifications/recipients.js";
import { ownerMail } from "./mail-catalog.js";
import { createOutboxMailer } from "./outbox-mailer.js";
import { ownerMailChannel } from "./owner-mail.channel.js";

let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García", email: "ana@example.test" });
/** What the consumer hands a channel: the reads this delivery of `notification` shares. */
const ctx = (notification: NotificationIntent) => ({
  now: new Date(),
  log: () => {},
  reads: subjectReads(harness.deps.store, notification),
});

const createdNotificationOf = async (opportunityId: string): Promise<NotificationIntent> => {
  const activities = await harness.deps.store.listActivities(tenant, opportunityId);
  const created = activities.items.find((activity) => activity.type === "created");
  const notification = await harness.deps.store.getNotification(tenant, `activity:${created?.id}`);
  if (notification === null) throw new Error("no outbox row for the created activity");
  return notification;
};

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [manager, ana]) await harness.call(user, "GET", "/api/settings");
});
afterAll(() => harness?.close());

describe("the owner mail channel", () => {
  it("mails the owner of an intake lead once, however often the notification is delivered", async () => {
    const [form] = await arrangeForms(harness, manager, [
      { routing: "owner", ownerId: ana.userId },
    ]);
    if (!form) throw new Error("no form");
    const answer = await postLead(harness, form, {
      name: "Carla Ruiz",
      email: "carla@example.com",
    });
    const notification = await createdNotificationOf(
      (answer.body as { opportunityId: string }).opportunityId,
    );
    const channel = ownerMailChannel({
      store: harness.deps.store,
      mailer: createOutboxMailer(harness.deps.store.mailOutbox, () => new Date()),
    });

    await channel.deliver(notification, ctx(notification));
    await channel.deliver(notification, ctx(notification));

    const mails = await harness.deps.store.mailOutbox.listMails(tenant);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "ana@example.test", subject: "New lead: Carla Ruiz" });
    expect(mails[0]?.text).toContain("carla@example.com");
  });

  it("mails the new owner when a manager hands an opportunity over", async () => {
    const luis = newTestUser(tenant, { name: "Luis Romero", email: "luis@example.test" });
    await harness.call(luis, "GET", "/api/settings");
    const [form] = await arrangeForms(harness, manager, [
      { routing: "owner", ownerId: ana.userId },
    ]);
    if (!form) throw new Error("no form");
    const lead = await postLead(harness, form, { name: "Handed Over" });
    const id = (lead.body as { opportunityId: string }).opportunityId;
    const moved = await harness.call(manager, "PUT", `/api/opportunities/${id}/owner`, {
      body: { ownerId: luis.userId },
    });
    expect(moved.status).toBe(200);
    const activities = await harness.deps.store.listActivities(tenant, id);
    const changed = activities.items.find((activity) => activity.type === "owner-changed");
    const notification = await harness.deps.store.getNotification(
      tenant,
      `activity:${changed?.id}`,
    );
    if (notification === null) throw new Error("no outbox row for the owner change");
    const sent: { to: string; subject: string }[] = [];
    const channel = ownerMailChannel({
      store: harness.deps.store,
      mailer: { send: async (mail) => void sent.push(mail) },
    });

    await channel.deliver(notification, ctx(notification));

    expect(sent).toEqual([
      expect.objectContaining({ to: "luis@example.test", subject: "You now own: Handed Over" }),
    ]);
  });

  it("does not mail a seller about an opportunity they created for themselves", async () => {
    const sent: unknown[] = [];
    const channel = ownerMailChannel({
      store: harness.deps.store,
      mailer: { send: async (m) => void sent.push(m) },
    });
    const [form] = await arrangeForms(harness, manager, [
      { routing: "owner", ownerId: ana.userId },
    ]);
    if (!form) throw new Error("no form");
    const answer = await postLead(harness, form, { name: "Self made" });
    const notification = await createdNotificationOf(
      (answer.body as { opportunityId: string }).opportunityId,
    );
    const own = { ...notification, actorId: ana.userId };
    await channel.deliver(own, ctx(own));
    expect(sent).toEqual([]);
  });

  it("writes Spanish mail for a Spanish-speaking owner", () => {
    const mail = ownerMail(
      "new-owner",
      {
        title: "Ruiz SL",
        contactName: "Carla",
        email: null,
        phone: null,
        company: null,
        source: "web-form",
        campaign: null,
      },
      "es",
    );
    expect(mail.subject).toBe("Ahora eres responsable de: Ruiz SL");
    expect(mail.text).toContain("Contacto: Carla");
  });
});

describe("GET /api/dev/outbox", () => {
  it("does not exist outside dev mode", async () => {
    expect((await harness.call(null, "GET", "/api/dev/outbox")).status).toBe(404);
  });

  it("lists the outbox's mails in dev mode", async () => {
    const dev = await startApiHarness({ env: { AUTH_MODE: "dev" } });
    try {
      const devTenant = randomUUID();
      await createOutboxMailer(dev.deps.store.mailOutbox, () => new Date()).send({
        tenantId: devTenant,
        to: "luis@example.test",
        subject: "Hello",
        text: "Hi",
        idempotencyKey: "k1",
      });
      const answer = await dev.call(null, "GET", `/api/dev/outbox?tenantId=${devTenant}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ mails: [{ to: "luis@example.test", subject: "Hello" }] });
    } finally {
      await dev.close();
    }
  });
});
