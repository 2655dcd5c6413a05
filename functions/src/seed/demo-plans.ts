import type { FirstContactChoice, TaskKind, TaskOutcome } from "@dealflow/core";
import type { DEMO_USERS } from "./demo-tenant.js";

type DemoUserKey = keyof typeof DEMO_USERS;

/** The story of one demo opportunity, told relative to the moment of seeding. */
export type DemoPlan = {
  client: number;
  owner: Exclude<DemoUserKey, "marta"> | null;
  source: string;
  campaign: string | null;
  receivedHoursAgo: number;
  value?: number;
  tags?: string[];
  firstContact?: FirstContactChoice;
  firstContactAfterHours?: number;
  stage?: string;
  notes?: string[];
  /** Index of an earlier plan whose Contact joins this one as a participant. */
  participantOf?: number;
  followers?: DemoUserKey[];
  tasks?: {
    kind: TaskKind;
    title: string;
    dueInHours: number;
    completeWith?: TaskOutcome | null;
  }[];
};

const SOURCES = ["web-form", "referral", "phone-call", "marketplace", "manual", "import"];
const CAMPAIGNS = ["spring-ads", "linkedin-q1", null, "partner-referrals"];
const owner = (i: number): "ana" | "luis" => (i % 2 === 0 ? "ana" : "luis");
const source = (i: number) => SOURCES[i % SOURCES.length] ?? "manual";
const campaign = (i: number) => CAMPAIGNS[i % CAMPAIGNS.length] ?? null;
const followers = (i: number): DemoUserKey[] =>
  [i % 4 === 0 ? "marta" : null, i % 5 === 1 ? (owner(i) === "ana" ? "luis" : "ana") : null].filter(
    (user): user is DemoUserKey => user !== null,
  );

const base = (i: number, receivedHoursAgo: number): DemoPlan => ({
  client: i,
  owner: owner(i),
  source: source(i),
  campaign: campaign(i),
  receivedHoursAgo,
  value: 1_500 + ((i * 1_750) % 18_000),
  followers: followers(i),
});

/**
 * 42 opportunities: 10 waiting for first contact (fresh, amber past 15 min, red past 4 h,
 * one unassigned), 6 in second contact, 8 at proposal, 5 in negotiation, 4 won, 3 lost
 * and 6 discarded; tasks overdue, due today and later; classifications from completed tasks.
 */
export const demoPlans = (): DemoPlan[] => {
  const plans: DemoPlan[] = [];
  [0.1, 0.3, 0.5, 1, 2, 5, 8, 26, 50, 75].forEach((hours, i) => {
    plans.push({ ...base(i, hours), ...(i === 9 ? { owner: null, followers: [] } : {}) });
  });
  const secondContact: [number, 24 | 48 | 72][] = [
    [26, 24],
    [20, 24],
    [10, 48],
    [60, 72],
    [80, 48],
    [3, 72],
  ];
  secondContact.forEach(([hours, delayHours], k) => {
    const i = 10 + k;
    plans.push({
      ...base(i, hours),
      // One lead made from a Teams message (the message extension's Create opportunity).
      ...(k === 1 ? { source: "teams-message" } : {}),
      firstContact: { action: "second-contact", delayHours },
      notes: k % 2 === 0 ? ["Called twice, voicemail. Try the mobile in the afternoon."] : [],
    });
  });
  [100, 76, 70, 50, 30, 20, 150, 10].forEach((hours, k) => {
    const i = 16 + k;
    plans.push({
      ...base(i, hours),
      firstContact: {
        action: "ready-for-proposal",
        needs: "New website with online booking",
        budget: `${8 + k} k€`,
        timing: "Before the summer",
        notes: "Decision together with the finance director.",
      },
      firstContactAfterHours: 2,
      ...(k % 3 === 0 ? { participantOf: k } : {}),
    });
  });
  const outcomes: (TaskOutcome | null)[] = [
    "promising",
    "likely",
    "not-sure-yet",
    "potential-consultant",
    "undecided",
  ];
  outcomes.forEach((outcome, k) => {
    const i = 24 + k;
    plans.push({
      ...base(i, 200 + k * 24),
      firstContact: { action: "ready-for-proposal", needs: "Maintenance contract" },
      stage: "negotiation",
      tags: ["priority"],
      tasks: [
        {
          kind: "call",
          title: "Go through the proposal",
          dueInHours: -30 - k,
          completeWith: outcome,
        },
        { kind: "meeting", title: "Negotiation meeting", dueInHours: k === 0 ? -5 : 2 + k * 20 },
      ],
    });
  });
  for (let k = 0; k < 4; k++) {
    const i = 29 + k;
    plans.push({
      ...base(i, 400 + k * 30),
      firstContact: { action: "ready-for-proposal" },
      stage: "won",
    });
  }
  for (let k = 0; k < 3; k++) {
    const i = 33 + k;
    plans.push({
      ...base(i, 300 + k * 40),
      firstContact: { action: "ready-for-proposal" },
      stage: "lost",
      notes: ["Chose a cheaper offer."],
    });
  }
  const discards: FirstContactChoice[] = [
    { action: "discard", reason: "spam" },
    { action: "discard", reason: "no-budget" },
    { action: "discard", reason: "duplicate" },
    { action: "discard", reason: "not-target-profile" },
    { action: "discard", reason: "chose-competitor" },
    { action: "discard", reason: "other", text: "Wants a one-off logo only." },
  ];
  discards.forEach((firstContact, k) => {
    const i = 36 + k;
    plans.push({ ...base(i, 30 + k * 50), firstContact, firstContactAfterHours: 1 });
  });
  return plans;
};
