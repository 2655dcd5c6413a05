import type { Activity } from "../activity/activity.types.js";
import type { Contact, ContactSnapshot } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { Task } from "../task/task.types.js";

/** Shown instead of a hidden client's name; a constant so the i18n catalog can key on it. */
export const HIDDEN_CONTACT_NAME = "Hidden client";

/**
 * SPEC §4.4: until the client accepts (or 48 h pass) the team must not learn who they are;
 * after a decline (`withheld`) never.
 */
export const isContactHidden = (opportunity: Pick<Opportunity, "marketplace">): boolean => {
  const visibility = opportunity.marketplace?.visibility;
  return visibility === "hidden" || visibility === "withheld";
};

/** Keeps only the id (ours, a ULID: it names no one), so roles can still be referenced. */
export const redactContactSnapshot = (snapshot: ContactSnapshot): ContactSnapshot => ({
  id: snapshot.id,
  name: HIDDEN_CONTACT_NAME,
  email: null,
  phone: null,
  company: null,
  linkedinUrl: null,
  preferredChannel: null,
});

/** The full contact record of a hidden client: identity removed, our own bookkeeping kept. */
export const redactContact = (contact: Contact): Contact => ({
  ...contact,
  ...redactContactSnapshot(contact),
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Free text written by us about a hidden client (a title defaulted to their company or
 * name, "First contact: Zoe Quintana") with their name, each word of it, company and email
 * replaced. Erring on the safe side: a word of the name elsewhere in the text goes too.
 */
export const redactHiddenText = (
  text: string,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): string => {
  if (!isContactHidden(opportunity)) return text;
  const secrets = [opportunity.contact, ...opportunity.participants]
    .flatMap((c) => [c.name, c.company ?? "", c.email ?? "", ...c.name.split(/\s+/)])
    .map((secret) => secret.trim())
    .filter((secret) => secret.length >= 3 && secret !== HIDDEN_CONTACT_NAME)
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return text;
  const pattern = new RegExp(secrets.map(escapeRegExp).join("|"), "giu");
  // Adjacent matches ("Zoe Quintana" → two words) collapse into one placeholder.
  return text
    .replace(pattern, HIDDEN_CONTACT_NAME)
    .replace(
      new RegExp(`${HIDDEN_CONTACT_NAME}(\\s+${HIDDEN_CONTACT_NAME})+`, "g"),
      HIDDEN_CONTACT_NAME,
    );
};

/**
 * The opportunity as anyone at the team may see it: for everyone, managers included, the
 * client's identity and contact data are removed while hidden or withheld. Never mutates.
 */
export const redactHiddenContact = (opportunity: Opportunity): Opportunity => {
  if (!isContactHidden(opportunity) || opportunity.marketplace === null) return opportunity;
  return {
    ...opportunity,
    title: redactHiddenText(opportunity.title, opportunity),
    contact: redactContactSnapshot(opportunity.contact),
    participants: opportunity.participants.map(redactContactSnapshot),
    sourceEmail: null,
    marketplace: {
      ...opportunity.marketplace,
      // The client wrote the brief: it may sign it with their name or company.
      brief:
        opportunity.marketplace.brief === null
          ? null
          : redactHiddenText(opportunity.marketplace.brief, opportunity),
      // A meeting link identifies the client as surely as their email does.
      meetingUrl: null,
    },
  };
};

/**
 * Timeline lines as anyone at the team may see them while the client is hidden: a
 * participant's name goes like the participant, and our own texts that may repeat the
 * client's identity (task titles such as "Call: <name>", note excerpts) are redacted.
 */
export const redactHiddenActivity = (
  activity: Activity,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): Activity => {
  if (!isContactHidden(opportunity)) return activity;
  switch (activity.type) {
    case "participant-added":
    case "participant-removed":
      return { ...activity, name: HIDDEN_CONTACT_NAME };
    case "note-added":
      return { ...activity, excerpt: redactHiddenText(activity.excerpt, opportunity) };
    case "task-created":
    case "task-completed":
    case "task-cancelled":
      return { ...activity, title: redactHiddenText(activity.title, opportunity) };
    default:
      return activity;
  }
};

/**
 * A task as anyone may see it while its opportunity hides the client: our own title may
 * repeat the client's name ("Call: <name>", typed or written before default titles left it out).
 */
export const redactHiddenTask = <T extends Pick<Task, "title">>(
  task: T,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants"> | null,
): T =>
  opportunity === null || !isContactHidden(opportunity)
    ? task
    : { ...task, title: redactHiddenText(task.title, opportunity) };
