import { describe, expect, it } from "vitest";
import type { Activity, ActivityDetails } from "../activity/activity.types.js";
import { buildOffer } from "../routing/routing.test-support.js";
import type { OfferStatus } from "../routing/routing.types.js";
import { defaultSettings } from "../settings/settings.js";
import { buildOpportunity, buildTask, NOW, TENANT } from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import type { User } from "../user/user.types.js";
import type { NotificationDetails, NotificationIntent } from "./notification.types.js";
import {
  type Audience,
  audienceGroups,
  expandAudience,
  managersOf,
  type NotificationSubject,
  notificationAudience,
  notificationRecipients,
} from "./recipients.js";

const intent = (
  details: NotificationDetails,
  actorId: string | null = null,
): NotificationIntent => ({
  tenantId: TENANT,
  id: "ntf-1",
  createdAt: NOW.toISOString(),
  opportunityId: "opp-1",
  actorId,
  deliveredAt: null,
  ...details,
});

const activity = (details: ActivityDetails, actorId: string | null = null): Activity => ({
  tenantId: TENANT,
  id: "act-1",
  opportunityId: "opp-1",
  at: NOW.toISOString(),
  actorId,
  ...details,
});

/** The subject of an activity notification: the line and who caused it. */
const activitySubject = (
  details: ActivityDetails,
  actorId: string | null,
  opportunity = buildOpportunity({ followers: ["fol-1", "fol-2"] }),
): NotificationSubject => ({
  notification: intent(
    { type: "activity", activityId: "act-1", activityType: details.type },
    actorId,
  ),
  opportunity,
  activity: activity(details, actorId),
});

const buildUser = (overrides: Partial<User> = {}): User => ({
  tenantId: TENANT,
  id: "user-1",
  name: "User",
  email: null,
  role: "seller",
  locale: "en",
  timeZone: null,
  active: true,
  teamIds: [],
  ...overrides,
});

/** Two managers by role (one has left), one by the settings' fallback list, and a seller. */
const USERS = [
  buildUser({ id: "marta", role: "manager" }),
  buildUser({ id: "gone", role: "manager", active: false }),
  buildUser({ id: "luis", role: "seller" }),
  buildUser({ id: "ana", role: "seller" }),
];
const SETTINGS = { ...defaultSettings(), managerIds: ["luis"] };

/** Channels: one linked to the opportunity's pipeline, one removed, one of another pipeline. */
const CHANNELS = [
  { id: "sales-channel", active: true, pipelineId: "sales" },
  { id: "removed-channel", active: false, pipelineId: "sales" },
  { id: "partners-channel", active: true, pipelineId: "partners" },
  { id: "unlinked-channel", active: true, pipelineId: null },
];
const MEMBERS = { users: USERS, settings: SETTINGS, channels: CHANNELS };

/** Recipients in a form a table can spell: `user:<id>:<card>` and `channel:<id>:<card>`. */
const told = (subject: NotificationSubject): string[] =>
  notificationRecipients(subject, MEMBERS).map((recipient) =>
    recipient.to === "user"
      ? `user:${recipient.userId}:${recipient.card}`
      : `channel:${recipient.channel.id}:${recipient.card}`,
  );

describe("notificationAudience: activities (SPEC §4.6 follower notifications)", () => {
  it.each<[string, NotificationSubject, string[]]>([
    [
      "tells every follower but the person who caused it",
      activitySubject({ type: "note-added", noteId: "n", excerpt: "x" }, "fol-1"),
      ["user:fol-2:follower-update"],
    ],
    [
      "tells nobody who muted the opportunity",
      activitySubject(
        { type: "stage-changed", from: "new", to: "proposal" },
        null,
        buildOpportunity({ followers: ["fol-1", "fol-2"], mutedBy: ["fol-2"] }),
      ),
      ["user:fol-1:follower-update"],
    ],
    [
      "does not tell an owner who does not follow of an ordinary change",
      activitySubject({ type: "stage-changed", from: "new", to: "proposal" }, "fol-1"),
      ["user:fol-2:follower-update"],
    ],
    [
      "tells the new owner of a reassignment with its own card, after the followers",
      activitySubject({ type: "owner-changed", from: "seller-1", to: "ana" }, "marta"),
      ["user:fol-1:follower-update", "user:fol-2:follower-update", "user:ana:owner-changed"],
    ],
    [
      "does not tell someone who took the opportunity themselves",
      activitySubject({ type: "owner-changed", from: "seller-1", to: "ana" }, "ana"),
      ["user:fol-1:follower-update", "user:fol-2:follower-update"],
    ],
    [
      "posts a new lead to its owner and to the channels linked to its pipeline",
      activitySubject(
        { type: "created", source: "web-form", campaign: null },
        null,
        buildOpportunity(),
      ),
      ["user:seller-1:new-opportunity", "channel:sales-channel:new-opportunity"],
    ],
    [
      "gives an owner who already follows a new lead one card, the new lead's",
      activitySubject(
        { type: "created", source: "web-form", campaign: null },
        null,
        buildOpportunity({ followers: ["seller-1", "fol-1"] }),
      ),
      [
        "user:seller-1:new-opportunity",
        "user:fol-1:follower-update",
        "channel:sales-channel:new-opportunity",
      ],
    ],
    [
      "gives a follower who is made owner one card, the reassignment's",
      activitySubject({ type: "owner-changed", from: "seller-1", to: "fol-2" }, "marta"),
      ["user:fol-1:follower-update", "user:fol-2:owner-changed"],
    ],
    [
      "posts a lead its owner created only to the channels",
      activitySubject(
        { type: "created", source: "manual", campaign: null },
        "seller-1",
        buildOpportunity(),
      ),
      ["channel:sales-channel:new-opportunity"],
    ],
    [
      "posts an unassigned lead only to the channels",
      activitySubject(
        { type: "created", source: "web-form", campaign: null },
        null,
        buildOpportunity({ ownerId: null }),
      ),
      ["channel:sales-channel:new-opportunity"],
    ],
    [
      "posts a deal won in the channels of its pipeline (SPEC §4.6 won/lost)",
      activitySubject(
        { type: "stage-changed", from: "negotiation", to: "won" },
        "seller-1",
        buildOpportunity({ stage: "won", status: "won", followers: [] }),
      ),
      ["channel:sales-channel:deal-closed"],
    ],
    [
      "posts a deal lost, with its followers told as before",
      activitySubject(
        { type: "stage-changed", from: "proposal", to: "lost", reason: "Chose a cheaper agency" },
        "seller-1",
        buildOpportunity({ stage: "lost", status: "lost", followers: ["fol-1"] }),
      ),
      ["user:fol-1:follower-update", "channel:sales-channel:deal-closed"],
    ],
    [
      "posts nothing for a close already undone when the card goes out",
      activitySubject(
        { type: "stage-changed", from: "negotiation", to: "won" },
        "seller-1",
        buildOpportunity({ stage: "negotiation", status: "open", followers: [] }),
      ),
      [],
    ],
    [
      "posts nothing for a move between open stages",
      activitySubject(
        { type: "stage-changed", from: "new", to: "proposal" },
        "seller-1",
        buildOpportunity({ stage: "proposal", status: "open", followers: [] }),
      ),
      [],
    ],
  ])("%s", (_, subject, expected) => {
    expect(told(subject)).toEqual(expected);
  });

  const HIDDEN_CLIENT_NEWS: ActivityDetails[] = [
    { type: "contact-revealed", automatic: true },
    { type: "contact-withheld", refund: "eligible", refundReason: null },
    { type: "client-reminded" },
    { type: "client-declined", refund: "not-eligible", refundReason: "meeting held" },
  ];

  it.each(HIDDEN_CLIENT_NEWS)("tells the owner of $type too (SPEC §4.4)", (details) => {
    const opportunity = buildOpportunity({
      followers: ["fol-1"],
      marketplace: buildMarketplaceApplication(),
    });

    expect(told(activitySubject(details, null, opportunity))).toEqual([
      "user:fol-1:follower-update",
      "user:seller-1:follower-update",
    ]);
  });

  it.each<[string, { followers: string[]; mutedBy: string[] }, string | null, string[]]>([
    ["follows", { followers: ["seller-1"], mutedBy: [] }, null, ["user:seller-1:follower-update"]],
    [
      "caused it",
      { followers: ["fol-1"], mutedBy: [] },
      "seller-1",
      ["user:fol-1:follower-update"],
    ],
    // Muting silences the follower cards only; the owner still hears of the client.
    [
      "muted it",
      { followers: ["seller-1"], mutedBy: ["seller-1"] },
      null,
      ["user:seller-1:follower-update"],
    ],
  ])("tells an owner who %s of a reveal at most once", (_, roles, actorId, expected) => {
    const opportunity = buildOpportunity({
      ...roles,
      marketplace: buildMarketplaceApplication({ visibility: "revealed" }),
    });

    expect(
      told(activitySubject({ type: "contact-revealed", automatic: false }, actorId, opportunity)),
    ).toEqual(expected);
  });

  it.each<[string, NotificationSubject]>([
    [
      "the opportunity is gone",
      { ...activitySubject({ type: "client-reminded" }, null), opportunity: null },
    ],
    [
      "the timeline line is gone",
      { ...activitySubject({ type: "client-reminded" }, null), activity: null },
    ],
  ])("tells nobody when %s", (_, subject) => {
    expect(notificationAudience(subject)).toEqual([]);
  });
});

describe("notificationAudience: first contact (SPEC §5)", () => {
  const reminder = intent({ type: "first-contact-reminder", deadlineId: "d-1" });
  const escalation = intent({ type: "first-contact-escalation", deadlineId: "d-2" });

  it.each<[string, NotificationSubject, string[]]>([
    [
      "reminds the owner",
      { notification: reminder, opportunity: buildOpportunity() },
      ["user:seller-1:first-contact-reminder"],
    ],
    [
      "reminds nobody when the lead has no owner",
      { notification: reminder, opportunity: buildOpportunity({ ownerId: null }) },
      [],
    ],
    [
      "escalates to the active managers and the pipeline's channels",
      { notification: escalation, opportunity: buildOpportunity() },
      [
        "user:marta:first-contact-escalation",
        "user:luis:first-contact-escalation",
        "channel:sales-channel:first-contact-escalation",
      ],
    ],
  ])("%s", (_, subject, expected) => {
    expect(told(subject)).toEqual(expected);
  });

  it.each<[string, NotificationSubject["opportunity"]]>([
    [
      "the first contact was recorded",
      buildOpportunity({
        firstContact: {
          state: "done",
          recordedAt: NOW.toISOString(),
          action: "ready-for-proposal",
          secondContactDueAt: null,
        },
      }),
    ],
    [
      "the lead waits for a second contact",
      buildOpportunity({
        firstContact: {
          state: "second-contact",
          recordedAt: NOW.toISOString(),
          action: "second-contact",
          secondContactDueAt: NOW.toISOString(),
        },
      }),
    ],
    ["the lead was discarded", buildOpportunity({ status: "discarded" })],
    ["the opportunity is gone", null],
  ])("tells nobody once %s", (_, opportunity) => {
    expect(notificationAudience({ notification: reminder, opportunity })).toEqual([]);
    expect(notificationAudience({ notification: escalation, opportunity })).toEqual([]);
  });
});

describe("notificationAudience: tasks (SPEC §4.6 task reminders)", () => {
  const task = buildTask({ ownerId: "ana", dueAt: "2026-03-02T12:00:00.000Z" });
  const reminder = intent({
    type: "task-reminder",
    deadlineId: "d-1",
    taskId: task.id,
    when: "due",
    dueAt: "2026-03-02T12:00:00Z",
  });
  const overdue = intent({ type: "task-overdue-escalation", deadlineId: "d-2", taskId: task.id });

  it("reminds the task's owner while it is open and due when the reminder was set", () => {
    expect(told({ notification: reminder, task })).toEqual(["user:ana:task-reminder"]);
  });

  it.each<[string, NotificationSubject["task"]]>([
    ["was done", { ...task, status: "done" }],
    ["was cancelled", { ...task, status: "cancelled" }],
    ["was rescheduled", { ...task, dueAt: "2026-03-03T12:00:00.000Z" }],
    ["is gone", null],
  ])("reminds nobody of a task that %s", (_, changed) => {
    expect(notificationAudience({ notification: reminder, task: changed })).toEqual([]);
  });

  it("escalates an overdue task to the managers", () => {
    expect(told({ notification: overdue, task, taskOpportunity: buildOpportunity() })).toEqual([
      "user:marta:task-overdue",
      "user:luis:task-overdue",
    ]);
  });

  it.each<[string, NotificationSubject]>([
    [
      "is done",
      {
        notification: overdue,
        task: { ...task, status: "done" },
        taskOpportunity: buildOpportunity(),
      },
    ],
    [
      "has no opportunity",
      { notification: overdue, task: { ...task, opportunityId: null }, taskOpportunity: null },
    ],
    ["has lost its opportunity", { notification: overdue, task, taskOpportunity: null }],
  ])("escalates nothing when the task %s", (_, subject) => {
    expect(notificationAudience(subject)).toEqual([]);
  });
});

describe("notificationAudience: digest and routing (SPEC §4.5)", () => {
  it("sends the daily agenda to its user", () => {
    const digest = intent({ type: "daily-digest", userId: "ana", date: "2026-03-02" });

    expect(told({ notification: digest })).toEqual(["user:ana:daily-digest"]);
  });

  const sent = intent({ type: "offer-sent", offerId: "offer-1" });
  const closed = intent({ type: "offer-closed", offerId: "offer-1", status: "expired" });

  it.each<[string, NotificationSubject, string[]]>([
    [
      "sends a pending offer to its user",
      { notification: sent, offer: buildOffer() },
      ["user:user-1:offer"],
    ],
    [
      "sends no card for an offer answered before it went out",
      { notification: sent, offer: buildOffer({ status: "declined" }) },
      [],
    ],
    [
      "updates the card of a closed offer for its user",
      { notification: closed, offer: buildOffer({ status: "expired" }) },
      ["user:user-1:offer"],
    ],
    ["tells nobody of an offer that is gone", { notification: closed, offer: null }, []],
  ])("%s", (_, subject, expected) => {
    expect(told(subject)).toEqual(expected);
  });

  const choose = intent({ type: "choose-another-target", proposedTargetIds: ["target-4"] });
  const round = (...statuses: OfferStatus[]) =>
    statuses.map((status, i) => buildOffer({ id: `offer-${i + 1}`, status }));

  it("asks every manager and the pipeline's channels to choose once every offer failed", () => {
    const subject = {
      notification: choose,
      opportunity: buildOpportunity({ ownerId: null }),
      offers: round("expired", "declined", "withdrawn"),
    };

    expect(told(subject)).toEqual([
      "user:marta:choose-another-target",
      "user:luis:choose-another-target",
      "channel:sales-channel:choose-another-target",
    ]);
  });

  it.each<[string, NotificationSubject]>([
    [
      "an offer is pending again",
      {
        notification: choose,
        opportunity: buildOpportunity(),
        offers: round("expired", "pending"),
      },
    ],
    [
      "a target accepted",
      {
        notification: choose,
        opportunity: buildOpportunity(),
        offers: round("expired", "accepted"),
      },
    ],
    [
      "the opportunity was lost",
      {
        notification: choose,
        opportunity: buildOpportunity({ status: "lost" }),
        offers: round("expired"),
      },
    ],
    ["the opportunity is gone", { notification: choose, opportunity: null, offers: [] }],
  ])("asks nobody once %s", (_, subject) => {
    expect(notificationAudience(subject)).toEqual([]);
  });

  it("sends no card for a review request (the Contact is mailed)", () => {
    const review = intent({ type: "review-request", contactId: "contact-ana", targetId: "t-1" });

    expect(notificationAudience({ notification: review, opportunity: buildOpportunity() })).toEqual(
      [],
    );
  });
});

describe("audience groups", () => {
  it("counts as managers the active users with the role or named in the settings", () => {
    expect(managersOf(USERS, SETTINGS)).toEqual(["marta", "luis"]);
  });

  it("keeps the audience's order when it expands groups", () => {
    const audience: Audience[] = [
      { to: "linked-channels", pipelineId: "partners", card: "new-opportunity" },
      { to: "user", userId: "ana", card: "new-opportunity" },
      { to: "managers", card: "new-opportunity" },
    ];

    expect(
      expandAudience(audience, MEMBERS).map((r) => (r.to === "user" ? r.userId : r.channel.id)),
    ).toEqual(["partners-channel", "ana", "marta", "luis"]);
  });

  it("says which groups must be read before expanding", () => {
    expect(audienceGroups([{ to: "user", userId: "ana", card: "offer" }])).toEqual({
      managers: false,
      channels: false,
    });
    expect(
      audienceGroups([{ to: "linked-channels", pipelineId: "sales", card: "new-opportunity" }]),
    ).toEqual({ managers: false, channels: true });
  });
});
