import { describe, expect, it } from "vitest";
import type { Activity } from "../activity/activity.types.js";
import type { ContactVisibility, Opportunity } from "../opportunity/opportunity.types.js";
import {
  buildContact,
  buildContactSnapshot,
  buildOpportunity,
  NOW,
  TENANT,
} from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { iso } from "../shared/time.js";
import {
  HIDDEN_CONTACT_NAME,
  isContactHidden,
  redactContact,
  redactHiddenActivity,
  redactHiddenContact,
} from "./redact-hidden-contact.js";

const client = buildContactSnapshot({
  id: "contact-client",
  name: "Zoe Quintana",
  email: "zoe.quintana@quintana-labs.example",
  phone: "+34 611 222 333",
  company: "Quintana Labs",
  linkedinUrl: "https://www.linkedin.com/in/zoe-quintana",
  preferredChannel: "teams-meeting",
});

const adviser = buildContactSnapshot({
  id: "contact-adviser",
  name: "Pedro Ximénez",
  email: "pedro@ximenez-advisers.example",
  phone: "+34 699 888 777",
  company: "Ximénez Advisers",
  linkedinUrl: "https://www.linkedin.com/in/pedro-ximenez",
  preferredChannel: "phone",
});

const MEETING_URL = "https://teams.microsoft.com/l/meetup-join/zoe-quintana-secret";

const marketplaceOpportunity = (visibility: ContactVisibility): Opportunity =>
  buildOpportunity({
    source: "marketplace",
    contact: client,
    participants: [adviser],
    marketplace: buildMarketplaceApplication({
      visibility,
      meetingAt: iso(NOW),
      meetingUrl: MEETING_URL,
    }),
  });

const redactedSnapshot = (id: string) => ({
  id,
  name: HIDDEN_CONTACT_NAME,
  email: null,
  phone: null,
  company: null,
  linkedinUrl: null,
  preferredChannel: null,
});

const hiddenStates = ["hidden", "withheld"] as const;

describe("isContactHidden", () => {
  it.each([
    { visibility: "hidden", hidden: true },
    { visibility: "withheld", hidden: true },
    { visibility: "revealed", hidden: false },
  ] as const)("is $hidden while the client is $visibility", ({ visibility, hidden }) => {
    expect(isContactHidden(marketplaceOpportunity(visibility))).toBe(hidden);
  });

  it("is false for an opportunity that did not come from a marketplace", () => {
    expect(isContactHidden(buildOpportunity({ marketplace: null }))).toBe(false);
  });
});

describe("redactHiddenContact", () => {
  it.each(hiddenStates)("removes the client's identity and contact data while %s", (state) => {
    const redacted = redactHiddenContact(marketplaceOpportunity(state));

    expect(redacted.contact).toEqual(redactedSnapshot("contact-client"));
  });

  it.each(hiddenStates)("redacts the other participants the same way while %s", (state) => {
    const redacted = redactHiddenContact(marketplaceOpportunity(state));

    expect(redacted.participants).toEqual([redactedSnapshot("contact-adviser")]);
  });

  it.each(hiddenStates)("removes the meeting link but keeps the brief while %s", (state) => {
    const opportunity = marketplaceOpportunity(state);

    const redacted = redactHiddenContact(opportunity);

    expect(redacted.marketplace).toEqual({ ...opportunity.marketplace, meetingUrl: null });
  });

  it.each(hiddenStates)("leaks none of the hidden values in its JSON while %s", (state) => {
    const json = JSON.stringify(redactHiddenContact(marketplaceOpportunity(state)));

    const secrets = [client, adviser].flatMap((person) => [
      person.name,
      person.email,
      person.phone,
      person.company,
      person.linkedinUrl,
    ]);
    for (const secret of [...secrets, MEETING_URL, "Quintana", "Ximénez"]) {
      expect(json).not.toContain(secret);
    }
    // Channel values ("phone", "email") are also key names, so look for a set value instead.
    expect(json).not.toMatch(/"preferredChannel":"/);
  });

  it.each([
    { title: "Quintana Labs", shown: "Hidden client" },
    { title: "Zoe Quintana", shown: "Hidden client" },
    { title: "Website for zoe.quintana@quintana-labs.example", shown: "Website for Hidden client" },
    { title: "A new website", shown: "A new website" },
  ])("shows the title $title as $shown while hidden", ({ title, shown }) => {
    const opportunity = { ...marketplaceOpportunity("hidden"), title };

    expect(redactHiddenContact(opportunity).title).toBe(shown);
  });

  it.each(hiddenStates)(
    "removes the client's name and company from the brief while %s",
    (state) => {
      const opportunity = marketplaceOpportunity(state);
      const signed = {
        ...opportunity,
        marketplace: {
          ...buildMarketplaceApplication({ visibility: state }),
          brief:
            "Booking site for Quintana Labs. Contact Zoe at zoe.quintana@quintana-labs.example",
        },
      };

      expect(redactHiddenContact(signed).marketplace?.brief).toBe(
        "Booking site for Hidden client. Contact Hidden client at Hidden client",
      );
    },
  );

  it.each([
    { brief: "Call me on +34 611 222 333", shown: "Call me on Hidden client" },
    { brief: "Call me on 611-222-333 after 5", shown: "Call me on Hidden client after 5" },
    { brief: "Mobile (611) 222333", shown: "Mobile (Hidden client" },
    { brief: "Write to zoe.quintana", shown: "Write to Hidden client" },
    { brief: "See https://www.linkedin.com/in/zoe-quintana", shown: "See Hidden client" },
    { brief: `Join ${MEETING_URL} at 10`, shown: "Join Hidden client at 10" },
    { brief: "Budget 12,000 EUR for 2026", shown: "Budget 12,000 EUR for 2026" },
  ])("takes the phone, email and links out of a brief: $brief", ({ brief, shown }) => {
    const opportunity = marketplaceOpportunity("hidden");
    const signed = {
      ...opportunity,
      marketplace: { ...buildMarketplaceApplication({ meetingUrl: MEETING_URL }), brief },
    };

    expect(redactHiddenContact(signed).marketplace?.brief).toBe(shown);
  });

  it("returns a revealed opportunity unchanged", () => {
    const opportunity = marketplaceOpportunity("revealed");

    expect(redactHiddenContact(opportunity)).toBe(opportunity);
  });

  it("returns an opportunity that did not come from a marketplace unchanged", () => {
    const opportunity = buildOpportunity({ contact: client, participants: [adviser] });

    expect(redactHiddenContact(opportunity)).toBe(opportunity);
  });

  it("does not mutate its input", () => {
    const opportunity = marketplaceOpportunity("hidden");
    const copy = structuredClone(opportunity);

    redactHiddenContact(opportunity);

    expect(opportunity).toEqual(copy);
  });

  it("keeps everything that is not the client's identity", () => {
    const opportunity = marketplaceOpportunity("hidden");

    expect(redactHiddenContact(opportunity)).toEqual({
      ...opportunity,
      contact: redactedSnapshot("contact-client"),
      participants: [redactedSnapshot("contact-adviser")],
      marketplace: { ...opportunity.marketplace, meetingUrl: null },
      // The address the marketplace gave is the client's as much as the Contact's is.
      sourceEmail: null,
    });
  });
});

describe("redactContact", () => {
  const record = buildContact({ ...client, classification: "promising", tags: ["promising"] });

  it("removes identity and contact data but keeps the record's bookkeeping", () => {
    expect(redactContact(record)).toEqual({ ...record, ...redactedSnapshot("contact-client") });
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(record);

    redactContact(record);

    expect(record).toEqual(copy);
  });
});

describe("redactHiddenActivity", () => {
  const participantAdded: Activity = {
    tenantId: TENANT,
    id: "activity-0001",
    opportunityId: "opp-0001",
    at: iso(NOW),
    actorId: "user-owner",
    type: "participant-added",
    contactId: "contact-adviser",
    name: adviser.name,
  };

  it.each(hiddenStates)("hides a participant's name in the timeline while %s", (state) => {
    const redacted = redactHiddenActivity(participantAdded, marketplaceOpportunity(state));

    expect(redacted).toEqual({ ...participantAdded, name: HIDDEN_CONTACT_NAME });
  });

  it("shows a participant's name once revealed", () => {
    const redacted = redactHiddenActivity(participantAdded, marketplaceOpportunity("revealed"));

    expect(redacted).toBe(participantAdded);
  });

  const line = { tenantId: TENANT, id: "activity-0002", opportunityId: "opp-0001", at: iso(NOW) };
  it.each<Activity>([
    {
      ...line,
      actorId: null,
      type: "task-created",
      taskId: "task-1",
      kind: "call",
      title: `Call: ${client.name}`,
      dueAt: iso(NOW),
    },
    {
      ...line,
      actorId: "user-owner",
      type: "task-completed",
      taskId: "task-1",
      title: `Call: ${client.name}`,
      outcome: null,
    },
    {
      ...line,
      actorId: null,
      type: "task-cancelled",
      taskId: "task-1",
      title: `Email ${adviser.name}`,
    },
    {
      ...line,
      actorId: "user-owner",
      type: "note-added",
      noteId: "note-1",
      excerpt: `Spoke with Zoe about the brief`,
    },
  ])("redacts our own $type text that repeats the client's or a participant's name", (activity) => {
    const redacted = JSON.stringify(
      redactHiddenActivity(activity, marketplaceOpportunity("hidden")),
    );

    expect(redacted).not.toMatch(/Zoe|Quintana|Pedro|Ximénez/);
    expect(redacted).toContain(HIDDEN_CONTACT_NAME);
  });
});
