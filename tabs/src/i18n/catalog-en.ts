import type { Message } from "@dealflow/core/i18n";
import { agendaMessages } from "../views/agenda/agenda-messages.js";
import { commonMessages } from "../views/common/common-messages.js";
import { configMessages } from "../views/config/config-messages.js";
import { contactsMessages } from "../views/contact/contacts-messages.js";
import { detailMessages } from "../views/detail/detail-messages.js";
import { firstContactMessages } from "../views/first-contact/first-contact-messages.js";
import { marketplaceMessages } from "../views/marketplace/marketplace-messages.js";
import { offersMessages } from "../views/offers/offers-messages.js";
import { opportunitiesMessages } from "../views/opportunities/opportunities-messages.js";
import { pipelineMessages } from "../views/pipeline/pipeline-messages.js";
import { reportsMessages } from "../views/reports/reports-messages.js";
import { settingsMessages } from "../views/settings/settings-messages.js";

/** The shell's and the first views' strings; later features keep theirs in `*-messages.ts`. */
export const baseEn = {
  "app.title": "Dealflow",
  "app.loading": "Loading…",
  "app.localMode": "Local mode",
  "app.localModeDetail": "Signed in with a demo user, outside Microsoft Teams.",
  "app.signOut": "Sign out",
  "app.error": "Something went wrong",
  "app.retry": "Retry",
  "signIn.title": "Sign in to Dealflow",
  "signIn.intro": "Pick a demo user. This page only exists in local development.",
  "signIn.role.seller": "Seller",
  "signIn.role.manager": "Manager",
  "nav.label": "Views",
  "nav.agenda": "Agenda",
  "nav.firstContact": "First contact",
  "nav.secondContact": "Second contact",
  "nav.mine": "My opportunities",
  "nav.following": "Following",
  "nav.pipeline": "Pipeline",
  "nav.reports": "Reports",
  "nav.settings": "Settings",
  "view.comingSoon": "This view is not available yet.",
  "action.newOpportunity": "New opportunity",
  "action.readyForProposal": "Ready for proposal",
  "action.secondContact": "Second contact",
  "action.discard": "Discard",
  "action.details": "Details",
  "action.complete": "Complete",
  "action.save": "Save",
  "action.cancel": "Cancel",
  "action.close": "Close",
  "queue.empty": "Nothing is waiting here.",
  "queue.loadingMore": "Loading more…",
  "queue.truncated": "Showing the newest {count}. Pick an owner to narrow the list.",
  "queue.caption": {
    one: "{view}: {count} opportunity",
    other: "{view}: {count} opportunities, newest first",
  },
  "column.waiting": "Waiting",
  "column.contact": "Contact",
  "column.company": "Company",
  "column.email": "Email",
  "column.phone": "Phone",
  "column.source": "Source",
  "column.campaign": "Campaign",
  "column.owner": "Owner",
  "column.actions": "Actions",
  "column.stage": "Stage",
  "elapsed.target": "past the target",
  "elapsed.escalation": "past escalation",
  "field.needs": "Needs",
  "field.budget": "Budget",
  "field.timing": "Timing",
  "field.notes": "Notes",
  "field.reason": "Reason",
  "field.otherReason": "Describe the reason",
  "field.delay": "Try again in",
  "field.contactName": "Contact name",
  "field.email": "Email",
  "field.phone": "Phone",
  "field.company": "Company",
  "field.source": "Source",
  "field.campaign": "Campaign",
  "field.owner": "Owner",
  "field.nextTaskKind": "Next task",
  "field.nextTaskDue": "Next task due",
  "field.noNextTask": "No next task",
  "field.required": "Required",
  "field.outcome": "How did it go?",
  "field.noOutcome": "Leave blank",
  "delay.hours": "{hours} h",
  "delay.usual": "{hours} h (your team's usual)",
  "details.title": "{name}",
  "details.fields": "Opportunity",
  "details.notes": "Notes",
  "details.noNotes": "No notes yet.",
  "details.title.field": "Title",
  "details.stage": "Stage",
  "details.received": "Received",
  "details.preferredChannel": "Preferred channel",
  "details.linkedin": "LinkedIn",
  "details.value": "Value",
  "details.tags": "Tags",
  "details.noteBy": "{author}, {time}",
  "form.readyForProposal.title": "Ready for proposal: {name}",
  "form.secondContact.title": "Second contact: {name}",
  "form.discard.title": "Discard: {name}",
  "form.newOpportunity.title": "New opportunity",
  "form.complete.title": "Complete: {title}",
  "form.saved": "Saved.",
  "conflict.changed":
    "Someone else changed this opportunity meanwhile ({fields}). It has been reloaded: check it and try again.",
  "conflict.gone": "This opportunity is no longer available.",
  "changed.stage": "stage",
  "changed.status": "status",
  "changed.ownerId": "owner",
  "changed.source": "source",
  "changed.campaign": "campaign",
  "changed.title": "title",
  "changed.value": "value",
  "changed.tags": "tags",
  "changed.contact": "contact",
  "agenda.overdue": "Overdue",
  "agenda.today": "Today",
  "agenda.upcoming": "Upcoming",
  "agenda.empty": "No tasks.",
  "agenda.due": "Due {time}",
  "agenda.owner": "Tasks of",
  "outcome.potential-consultant": "Potential consultant",
  "outcome.promising": "Promising",
  "outcome.likely": "Likely",
  "outcome.undecided": "Undecided",
  "outcome.not-sure-yet": "Not sure yet",
  "outcome.not-interested": "Not interested",
  "taskKind.first-contact": "First contact",
  "taskKind.second-contact": "Second contact",
  "taskKind.send-proposal": "Send proposal",
  "taskKind.follow-up": "Follow-up",
  "taskKind.call": "Call",
  "taskKind.email": "Email",
  "taskKind.meeting": "Meeting",
  "taskKind.other": "Other",
  "owner.me": "Me",
  "owner.filter": "Owner",
  "owner.all": "All owners",
  "action.follow": "Follow",
  "action.unfollow": "Unfollow",
  "action.back": "Back",
  "action.addNote": "Add note",
  "action.composeEmail": "Compose email",
  "detail.contact": "Contact",
  "detail.participants": "Other participants",
  "detail.followers": "Followers",
  "detail.none": "None.",
  "detail.timeline": "Timeline",
  "detail.noActivity": "No activity yet.",
  "detail.newNote": "New note",
  "detail.prefers": "Prefers {channel}",
  "detail.open": "Open opportunity of {name}",
  "detail.system": "Dealflow",
  "detail.tasks": "Tasks",
  "detail.tasksInAgenda": "Open tasks are in the Agenda of their owner.",
  "channel.email": "email",
  "channel.phone": "phone",
  "channel.teams-meeting": "a Teams meeting",
  "channel.other": "another channel",
} as const;

type FeatureKeys =
  | keyof typeof agendaMessages.en
  | keyof typeof commonMessages.en
  | keyof typeof configMessages.en
  | keyof typeof contactsMessages.en
  | keyof typeof detailMessages.en
  | keyof typeof firstContactMessages.en
  | keyof typeof marketplaceMessages.en
  | keyof typeof offersMessages.en
  | keyof typeof opportunitiesMessages.en
  | keyof typeof pipelineMessages.en
  | keyof typeof reportsMessages.en
  | keyof typeof settingsMessages.en;

export type MessageKey = keyof typeof baseEn | FeatureKeys;
export type Catalog = Record<MessageKey, Message>;

/** English: the base strings and every feature's (`views/<feature>/<feature>-messages.ts`). */
export const catalogEn: Catalog = {
  ...baseEn,
  ...agendaMessages.en,
  ...commonMessages.en,
  ...configMessages.en,
  ...contactsMessages.en,
  ...detailMessages.en,
  ...firstContactMessages.en,
  ...marketplaceMessages.en,
  ...offersMessages.en,
  ...opportunitiesMessages.en,
  ...pipelineMessages.en,
  ...reportsMessages.en,
  ...settingsMessages.en,
};
