import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildContact,
  buildOpportunity,
  codeOf,
  contextFor,
  manager,
  pathsOf,
  seller,
  settingsWith,
} from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { type CreateTaskInput, createTask } from "./create-task.js";

const create = (overrides: Partial<CreateTaskInput> = {}, ctx = contextFor(seller())) =>
  createTask(
    { opportunity: buildOpportunity(), kind: "call", dueAt: "2026-03-02T15:00:00Z", ...overrides },
    ctx,
  );

describe("createTask", () => {
  it("creates an open task for the opportunity's owner about its contact", () => {
    const result = create();

    expect(result.value).toMatchObject({
      kind: "call",
      title: "Call: Ana López",
      ownerId: "seller-1",
      dueAt: "2026-03-02T15:00:00.000Z",
      opportunityId: "opp-1",
      contactId: "contact-ana",
      status: "open",
      origin: "manual",
      createdBy: "seller-1",
    });
    expect(result.changes[0]).toEqual({ entity: "task", before: null, after: result.value });
  });

  it.each(["hidden", "withheld"] as const)(
    "never puts a %s marketplace client's name in the default title",
    (visibility) => {
      const opportunity = buildOpportunity({
        marketplace: buildMarketplaceApplication({ visibility }),
      });

      expect(create({ opportunity }).value.title).toBe("Call");
    },
  );

  it("reminds 1 hour before and at the due time, remembered on the task", () => {
    const result = create();

    expect(result.schedule.map((d) => [d.kind, d.dueAt])).toEqual([
      ["task-due-soon", "2026-03-02T14:00:00.000Z"],
      ["task-due", "2026-03-02T15:00:00.000Z"],
    ]);
    expect(result.value.deadlines.map((ref) => ref.id)).toEqual(result.schedule.map((d) => d.id));
  });

  it("gives a task created already past due only its due reminder", () => {
    const result = create({ dueAt: "2026-03-02T08:00:00Z" });

    expect(result.schedule.map((d) => [d.kind, d.dueAt])).toEqual([
      ["task-due", "2026-03-02T08:00:00.000Z"],
    ]);
  });

  it("puts a line on the opportunity's timeline", () => {
    expect(activitiesOf(create())).toEqual([
      expect.objectContaining({
        type: "task-created",
        kind: "call",
        dueAt: "2026-03-02T15:00:00.000Z",
      }),
    ]);
  });

  it("titles tasks in the tenant's language", () => {
    const settings = settingsWith({ locale: "es" });

    expect(create({ kind: "send-proposal" }, contextFor(seller(), { settings })).value.title).toBe(
      "Enviar propuesta: Ana López",
    );
  });

  it("creates a personal task with no opportunity and no timeline", () => {
    const result = create({ opportunity: null, title: "Prepare the quarterly review" });

    expect(result.value).toMatchObject({
      opportunityId: null,
      contactId: null,
      ownerId: "seller-1",
    });
    expect(activitiesOf(result)).toEqual([]);
  });

  it("can be about another participant of the opportunity", () => {
    const luis = buildContact({ id: "contact-luis", name: "Luis" });
    const opportunity = buildOpportunity({
      participants: [{ ...buildOpportunity().contact, id: "contact-luis", name: "Luis" }],
    });

    expect(create({ opportunity, contact: luis }).value.contactId).toBe("contact-luis");
  });

  it("refuses a contact with no role in the opportunity", () => {
    expect(pathsOf(() => create({ contact: buildContact({ id: "contact-zoe" }) }))).toEqual([
      "contact",
    ]);
  });

  it.each([
    { field: "kind", input: { kind: "nap" as "call" } },
    { field: "dueAt", input: { dueAt: "next Tuesday" } },
    { field: "title", input: { title: "t".repeat(201) } },
  ])("refuses an invalid $field, naming it", ({ field, input }) => {
    expect(pathsOf(() => create(input))).toEqual([field]);
  });

  it("lets a manager give a task to a seller but not a seller to a colleague", () => {
    expect(create({ ownerId: "seller-2" }, contextFor(manager())).value.ownerId).toBe("seller-2");
    expect(codeOf(() => create({ ownerId: "seller-2" }))).toBe("forbidden");
  });

  it("refuses a follower and hides the opportunity from other sellers", () => {
    const followed = buildOpportunity({ followers: ["seller-2"] });

    expect(codeOf(() => create({ opportunity: followed }, contextFor(seller("seller-2"))))).toBe(
      "forbidden",
    );
    expect(codeOf(() => create({}, contextFor(seller("seller-3"))))).toBe("not-found");
  });

  it("needs an owner when the system creates a task on an unassigned opportunity", () => {
    const unassigned = buildOpportunity({ ownerId: null });

    expect(pathsOf(() => create({ opportunity: unassigned }, contextFor(null)))).toEqual([
      "ownerId",
    ]);
  });
});
