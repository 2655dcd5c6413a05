import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildContact,
  changesOf,
  codeOf,
  contextFor,
  createdTasks,
  manager,
  NOW,
  pathsOf,
  seller,
  settingsWith,
  TENANT,
  written,
} from "../shared/builders.test-support.js";
import { type CreateOpportunityInput, createOpportunity } from "./create-opportunity.js";

const newLead = (overrides: Partial<CreateOpportunityInput> = {}): CreateOpportunityInput => ({
  contact: { name: "  Bruno Díaz ", email: "bruno@example.com", company: "Díaz & Co" },
  source: "referral",
  ownerId: "seller-1",
  origin: "manual",
  ...overrides,
});

describe("createOpportunity", () => {
  it("creates a new contact and an open opportunity waiting for first contact in the new stage", () => {
    const result = createOpportunity(newLead(), contextFor(seller()));

    const [contact] = written(result, "contact");
    expect(contact).toMatchObject({
      name: "Bruno Díaz",
      email: "bruno@example.com",
      tenantId: TENANT,
    });
    expect(result.value).toMatchObject({
      pipelineId: "sales",
      stage: "new",
      status: "open",
      ownerId: "seller-1",
      createdBy: "seller-1",
      source: "referral",
      title: "Díaz & Co",
      receivedAt: NOW.toISOString(),
      firstContact: { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null },
      contact: { id: contact?.id, name: "Bruno Díaz", company: "Díaz & Co" },
    });
    expect(changesOf(result, "opportunity")).toEqual([
      { entity: "opportunity", before: null, after: result.value },
    ]);
  });

  it("records a created activity with the source and campaign", () => {
    const result = createOpportunity(newLead({ campaign: "spring-ads" }), contextFor(seller()));

    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "created",
        source: "referral",
        campaign: "spring-ads",
        opportunityId: result.value.id,
        actorId: "seller-1",
      }),
    ]);
  });

  it("schedules the first-contact target at 15 minutes and the escalation at 4 hours, remembered on the opportunity", () => {
    const result = createOpportunity(newLead(), contextFor(seller()));

    expect(result.schedule.map((d) => [d.kind, d.dueAt])).toEqual([
      ["first-contact-target", "2026-03-02T09:15:00.000Z"],
      ["first-contact-escalation", "2026-03-02T13:00:00.000Z"],
    ]);
    expect(result.value.deadlines.map((ref) => ref.id)).toEqual(result.schedule.map((d) => d.id));
  });

  it("counts the first-contact clocks from the reception time the intake reports", () => {
    const input = newLead({ origin: "intake", ownerId: null, receivedAt: "2026-03-02T08:00:00Z" });

    const result = createOpportunity(input, contextFor(null));

    expect(result.value.receivedAt).toBe("2026-03-02T08:00:00.000Z");
    expect(result.schedule[0]?.dueAt).toBe("2026-03-02T08:15:00.000Z");
  });

  it("never dates a reception in the future, so a fast sender clock cannot delay the reminders", () => {
    const result = createOpportunity(
      newLead({ receivedAt: "2026-03-02T10:00:00Z" }),
      contextFor(seller()),
    );

    expect(result.value.receivedAt).toBe(NOW.toISOString());
  });

  it("uses an existing contact as is, without writing it again", () => {
    const existing = buildContact();

    const result = createOpportunity(newLead({ contact: existing }), contextFor(seller()));

    expect(changesOf(result, "contact")).toEqual([]);
    expect(result.value.contact).toEqual({
      id: existing.id,
      name: existing.name,
      email: existing.email,
      phone: existing.phone,
      company: existing.company,
      linkedinUrl: existing.linkedinUrl,
      preferredChannel: existing.preferredChannel,
    });
  });

  it("titles the opportunity after the contact's name when there is no company", () => {
    const result = createOpportunity(
      newLead({ contact: { name: "Bruno Díaz" } }),
      contextFor(seller()),
    );

    expect(result.value.title).toBe("Bruno Díaz");
  });

  it("does not invent a task when no next task is given", () => {
    const result = createOpportunity(newLead(), contextFor(seller()));

    expect(createdTasks(result)).toEqual([]);
  });

  it("creates the next task for the owner with its reminders and a timeline line", () => {
    const input = newLead({ nextTask: { kind: "call", dueAt: "2026-03-03T10:00:00Z" } });

    const result = createOpportunity(input, contextFor(seller()));

    const [task] = createdTasks(result);
    expect(task).toMatchObject({
      kind: "call",
      title: "Call: Bruno Díaz",
      ownerId: "seller-1",
      opportunityId: result.value.id,
      contactId: result.value.contact.id,
      origin: "manual",
      dueAt: "2026-03-03T10:00:00.000Z",
    });
    expect(result.schedule.filter((d) => d.subjectId === task?.id).map((d) => d.kind)).toEqual([
      "task-due-soon",
      "task-due",
    ]);
    expect(activitiesOf(result).map((a) => a.type)).toEqual(["created", "task-created"]);
  });

  it("lets a manager create an opportunity for a seller, in another pipeline", () => {
    const settings = settingsWith({
      pipelines: [
        {
          id: "sales",
          name: "Sales",
          stages: [
            { id: "new", name: "New", role: "new" },
            { id: "won", name: "Won", role: "won" },
            { id: "lost", name: "Lost", role: "lost" },
          ],
        },
        {
          id: "partners",
          name: "Partners",
          stages: [
            { id: "incoming", name: "Incoming", role: "new" },
            { id: "won", name: "Won", role: "won" },
            { id: "lost", name: "Lost", role: "lost" },
          ],
        },
      ],
    });

    const result = createOpportunity(
      newLead({ ownerId: "seller-2", pipelineId: "partners" }),
      contextFor(manager(), { settings }),
    );

    expect(result.value).toMatchObject({
      ownerId: "seller-2",
      pipelineId: "partners",
      stage: "incoming",
    });
  });

  it("keeps a first note by the creator, with its timeline line, in the same outcome", () => {
    const result = createOpportunity(
      newLead({ note: "  Can we talk about **the** offer?  " }),
      contextFor(seller()),
    );

    expect(written(result, "note")).toEqual([
      expect.objectContaining({
        opportunityId: result.value.id,
        authorId: "seller-1",
        text: "Can we talk about **the** offer?",
      }),
    ]);
    expect(activitiesOf(result).map((activity) => activity.type)).toEqual([
      "created",
      "note-added",
    ]);
  });

  it("writes no note for a blank one", () => {
    expect(
      written(createOpportunity(newLead({ note: "  " }), contextFor(seller())), "note"),
    ).toEqual([]);
  });

  it("refuses a seller creating an opportunity for someone else", () => {
    expect(
      codeOf(() => createOpportunity(newLead({ ownerId: "seller-2" }), contextFor(seller()))),
    ).toBe("forbidden");
  });

  it("refuses a next task on an unassigned intake opportunity, naming the field", () => {
    const input = newLead({
      ownerId: null,
      origin: "intake",
      nextTask: { kind: "call", dueAt: "2026-03-03T10:00:00Z" },
    });

    expect(pathsOf(() => createOpportunity(input, contextFor(null)))).toEqual(["nextTask"]);
  });

  it.each([
    { field: "contact.name", input: newLead({ contact: { name: "   " } }) },
    {
      field: "contact.email",
      input: newLead({ contact: { name: "Bruno", email: "bruno.example.com" } }),
    },
    {
      field: "contact.linkedinUrl",
      input: newLead({ contact: { name: "Bruno", linkedinUrl: "javascript:alert(1)" } }),
    },
    { field: "contact.phone", input: newLead({ contact: { name: "Bruno", phone: "call me" } }) },
    { field: "contact.name", input: newLead({ contact: { name: "x".repeat(201) } }) },
    { field: "source", input: newLead({ source: "carrier-pigeon" }) },
    { field: "pipelineId", input: newLead({ pipelineId: "nope" }) },
    { field: "receivedAt", input: newLead({ receivedAt: "yesterday" }) },
    { field: "value.currency", input: newLead({ value: { amount: 100, currency: "euro" } }) },
    { field: "value.amount", input: newLead({ value: { amount: -1, currency: "EUR" } }) },
    {
      field: "nextTask.dueAt",
      input: newLead({ nextTask: { kind: "call", dueAt: "2026-03-03 10:00" } }),
    },
    { field: "title", input: newLead({ title: "t".repeat(201) }) },
    { field: "note", input: newLead({ note: "n".repeat(10_001) }) },
  ])("refuses an invalid $field, naming it", ({ field, input }) => {
    expect(pathsOf(() => createOpportunity(input, contextFor(seller())))).toEqual([field]);
  });

  it("names every invalid field at once", () => {
    const input = newLead({ contact: { name: "", email: "nope" }, source: "" });

    expect(pathsOf(() => createOpportunity(input, contextFor(seller())))).toEqual([
      "contact.name",
      "contact.email",
      "source",
    ]);
  });

  it("keeps tags trimmed, lower-case and unique", () => {
    const result = createOpportunity(
      newLead({ tags: [" VIP", "vip", "Fast-Track "] }),
      contextFor(seller()),
    );

    expect(result.value.tags).toEqual(["vip", "fast-track"]);
  });

  it("refuses an existing contact of another tenant as if it did not exist", () => {
    const foreign = buildContact({ tenantId: "tenant-b" });

    expect(
      codeOf(() => createOpportunity(newLead({ contact: foreign }), contextFor(seller()))),
    ).toBe("not-found");
  });
});
