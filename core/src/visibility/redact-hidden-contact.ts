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

// A phone written with any separators: "+34 600 111 222", "600-111-222", "(600) 111222".
const PHONE_SEPARATORS = "[\\s().\\-/]{0,3}";
const MIN_PHONE_DIGITS = 6;

/** The phone's digits with any separators between them, with and without a country code. */
const phonePatterns = (phone: string | null): string[] => {
  const digits = phone?.replace(/\D/g, "") ?? "";
  if (digits.length < MIN_PHONE_DIGITS) return [];
  // The national number (the last 9 digits) is how a client writes it without the prefix.
  const forms = new Set([digits, digits.slice(-9)]);
  return [...forms]
    .filter((form) => form.length >= MIN_PHONE_DIGITS)
    .map((form) => `\\+?${[...form].join(PHONE_SEPARATORS)}`);
};

type HiddenSource = Pick<Opportunity, "marketplace" | "contact" | "participants">;

/** Everything that names the client: name (each word), company, email and its local part. */
const literalSecrets = (opportunity: HiddenSource): string[] =>
  [opportunity.contact, ...opportunity.participants]
    .flatMap((c) => [
      c.name,
      c.company ?? "",
      c.email ?? "",
      c.email?.split("@")[0] ?? "",
      c.linkedinUrl ?? "",
      ...c.name.split(/\s+/),
    ])
    .concat(opportunity.marketplace?.meetingUrl ?? "")
    .map((secret) => secret.trim())
    .filter((secret) => secret.length >= 3 && secret !== HIDDEN_CONTACT_NAME);

/**
 * Free text about a hidden client (a title defaulted to their company or name, a brief they
 * signed, "First contact: Zoe Quintana") with every way it could name them replaced: each word
 * of the name, company, email and its local part, LinkedIn and meeting links, the phone in any
 * spelling. Erring on the safe side: a word of the name elsewhere in the text goes too.
 */
export const redactHiddenText = (text: string, opportunity: HiddenSource): string => {
  if (!isContactHidden(opportunity)) return text;
  const patterns = [
    ...literalSecrets(opportunity)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp),
    ...[opportunity.contact, ...opportunity.participants].flatMap((c) => phonePatterns(c.phone)),
  ];
  if (patterns.length === 0) return text;
  // Longest first, so a URL or an email goes whole before a word of it would.
  const pattern = new RegExp(patterns.join("|"), "giu");
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
