import type { Contact } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { DEFAULT_STAGES } from "../pipeline/pipeline.types.js";
import type { Settings } from "../settings/settings.js";
import { contextFor, NOW, settingsWith, written } from "../shared/builders.test-support.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Deadline } from "../sla/deadline.types.js";
import type { Viewer } from "../user/user.types.js";
import type { ApplicationSubmitted } from "./marketplace.types.js";
import { receiveApplication } from "./receive-application.js";

export const CLIENT = {
  name: "Zoe Quintana",
  email: "zoe@quintana-labs.example",
  phone: "+34 611 222 333",
  company: "Quintana Labs",
  linkedinUrl: "https://www.linkedin.com/in/zoe-quintana",
  preferredChannel: "teams-meeting" as const,
};

/** One marketplace with the SPEC's default marks (24 h, 48 h), and a pipeline of its own. */
export const SETTINGS: Settings = settingsWith({
  marketplaces: [{ key: "sortlist", name: "Sortlist", pipelineId: "sortlist-leads" }],
  pipelines: [
    { id: "sales", name: "Sales", stages: [...DEFAULT_STAGES] },
    { id: "sortlist-leads", name: "Sortlist leads", stages: [...DEFAULT_STAGES] },
  ],
});

export const hoursAfterNow = (hours: number): Date => new Date(NOW.getTime() + hours * 3_600_000);

/** The connector's webhook (the system) acting `hours` after the application. */
export const systemAt = (hours: number, settings: Settings = SETTINGS): UseCaseContext =>
  contextFor(null, { now: hoursAfterNow(hours), settings });

export const actorAt = (actor: Viewer, hours: number): UseCaseContext =>
  contextFor(actor, { now: hoursAfterNow(hours), settings: SETTINGS });

export const application = (
  overrides: Partial<ApplicationSubmitted> = {},
): ApplicationSubmitted => ({
  connectorKey: "sortlist",
  applicationId: "app-7781",
  title: "Website for a dental clinic",
  brief: "We need a new website with online booking.",
  client: CLIENT,
  fee: { amount: 50, currency: "EUR" },
  ownerId: "seller-1",
  ...overrides,
});

/** An application received at NOW, as stored: the opportunity and the client's contact record. */
export const received = (
  overrides: Partial<ApplicationSubmitted> = {},
): { opportunity: Opportunity; contact: Contact } => {
  const outcome = receiveApplication(application(overrides), systemAt(0));
  const [contact] = written(outcome, "contact");
  if (contact === undefined) throw new Error("The application wrote no contact.");
  return { opportunity: { ...outcome.value, version: "etag-opp-1" }, contact };
};

/** The stored clock of `kind` as the SLA engine hands it to its handler when it fires. */
export const deadlineOf = (
  opportunity: Opportunity,
  kind: "marketplace-reminder" | "marketplace-reveal",
): Deadline => {
  const ref = opportunity.deadlines.find((candidate) => candidate.kind === kind);
  if (ref === undefined) throw new Error(`The opportunity holds no ${kind} clock.`);
  return {
    id: ref.id,
    tenantId: opportunity.tenantId,
    kind,
    subjectId: opportunity.id,
    dueAt: ref.dueAt,
    expect: opportunity.marketplace?.appliedAt ?? null,
  };
};
