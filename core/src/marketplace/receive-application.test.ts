import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  codeOf,
  contextFor,
  manager,
  NOW,
  pathsOf,
  seller,
  settingsWith,
  written,
} from "../shared/builders.test-support.js";
import { redactHiddenContact } from "../visibility/redact-hidden-contact.js";
import {
  application,
  CLIENT,
  hoursAfterNow,
  SETTINGS,
  systemAt,
} from "./marketplace.test-support.js";
import { receiveApplication } from "./receive-application.js";

const receive = (overrides = {}, ctx = systemAt(0)) =>
  receiveApplication(application(overrides), ctx);

describe("receiveApplication", () => {
  it("creates an open opportunity whose client is hidden", () => {
    const { value } = receive();

    expect(value.marketplace).toMatchObject({
      connectorKey: "sortlist",
      visibility: "hidden",
      appliedAt: NOW.toISOString(),
      brief: "We need a new website with online booking.",
      fee: { amount: 50, currency: "EUR" },
      refund: "none",
      revealedAt: null,
    });
    expect(value).toMatchObject({ status: "open", source: "marketplace", campaign: "Sortlist" });
  });

  it("keeps the client's data for the reveal, in a new contact record", () => {
    const outcome = receive();

    const [contact] = written(outcome, "contact");
    expect(contact).toMatchObject(CLIENT);
    expect(outcome.value.contact.id).toBe(contact?.id);
  });

  it("marks the client's contact as belonging to the application", () => {
    const result = receive();

    const [contact] = written(result, "contact");
    expect(contact?.clientOf).toBe(result.value.id);
  });

  it("lets nothing of the client through redaction while hidden", () => {
    const json = JSON.stringify(redactHiddenContact(receive().value));

    for (const secret of [
      CLIENT.name,
      CLIENT.email,
      CLIENT.phone,
      CLIENT.company,
      CLIENT.linkedinUrl,
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it("schedules the client reminder 24 h and the reveal 48 h after the application", () => {
    const { schedule, value } = receive();

    expect(schedule.map(({ kind, dueAt, expect: e }) => ({ kind, dueAt, expect: e }))).toEqual([
      {
        kind: "marketplace-reminder",
        dueAt: hoursAfterNow(24).toISOString(),
        expect: NOW.toISOString(),
      },
      {
        kind: "marketplace-reveal",
        dueAt: hoursAfterNow(48).toISOString(),
        expect: NOW.toISOString(),
      },
    ]);
    expect(value.deadlines.map((ref) => ref.id)).toEqual(schedule.map((deadline) => deadline.id));
  });

  it("counts the marks with the marketplace's own durations, from the application time", () => {
    const settings = settingsWith({
      marketplaces: [
        { key: "sortlist", name: "Sortlist", reminderMinutes: 60, revealMinutes: 120 },
      ],
    });
    const appliedAt = new Date(NOW.getTime() - 30 * 60_000);

    const { schedule } = receive({ appliedAt }, contextFor(null, { settings }));

    expect(schedule.map((deadline) => deadline.dueAt)).toEqual([
      new Date(appliedAt.getTime() + 60 * 60_000).toISOString(),
      new Date(appliedAt.getTime() + 120 * 60_000).toISOString(),
    ]);
  });

  it("never counts the marks from an application time in the future", () => {
    const { value } = receive({ appliedAt: "2026-03-05T09:00:00Z" });

    expect(value.marketplace?.appliedAt).toBe(NOW.toISOString());
  });

  it("runs no first-contact clock while nobody can reach the client", () => {
    const { schedule, value } = receive();

    expect(schedule.some((deadline) => deadline.kind.startsWith("first-contact"))).toBe(false);
    expect(value.firstContact.state).toBe("awaiting");
  });

  it.each([
    {
      case: "the pipeline its settings name",
      pipelineId: "sortlist-leads",
      pipelines: undefined,
      expected: "sortlist-leads",
    },
    {
      case: "a pipeline named after the marketplace",
      pipelineId: null,
      pipelines: [
        { id: "sales", name: "Sales", stages: SETTINGS.pipelines[0]?.stages ?? [] },
        { id: "leads", name: "sortlist", stages: SETTINGS.pipelines[0]?.stages ?? [] },
      ],
      expected: "leads",
    },
    {
      case: "the first pipeline otherwise",
      pipelineId: null,
      pipelines: undefined,
      expected: "sales",
    },
  ])("lands in $case", ({ pipelineId, pipelines, expected }) => {
    const settings = settingsWith({
      marketplaces: [{ key: "sortlist", name: "Sortlist", pipelineId }],
      pipelines: pipelines ?? SETTINGS.pipelines,
    });

    const { value } = receive({}, contextFor(null, { settings }));

    expect(value).toMatchObject({ pipelineId: expected, stage: "new" });
  });

  it.each([
    { title: "Booking site", brief: "Anything", expected: "Booking site" },
    {
      title: null,
      brief: "\n  Booking site for a clinic\nMore details",
      expected: "Booking site for a clinic",
    },
    { title: null, brief: null, expected: "Sortlist" },
  ])("titles it $expected, never with the client's name", ({ title, brief, expected }) => {
    expect(receive({ title, brief }).value.title).toBe(expected);
  });

  it("writes the created line, which announces it", () => {
    const lines = activitiesOf(receive());

    expect(lines).toMatchObject([
      { type: "created", source: "marketplace", campaign: "Sortlist", actorId: null },
    ]);
  });

  it("remembers the marketplace's application id for replays", () => {
    expect(receive().value.externalId).toBe("marketplace:sortlist:app-7781");
  });

  it("leaves the opportunity unassigned when the connector names no seller", () => {
    expect(receive({ ownerId: null }).value.ownerId).toBeNull();
  });

  it("refuses a marketplace that is not configured, naming connectorKey", () => {
    expect(pathsOf(() => receive({ connectorKey: "upwork" }))).toEqual(["connectorKey"]);
  });

  it("names every bad field at once and writes nothing", () => {
    const paths = pathsOf(() =>
      receive({
        applicationId: " ",
        client: { name: "", email: "not-an-email" },
        meetingAt: "tomorrow",
        meetingUrl: "ftp://example.com",
        fee: { amount: -1, currency: "EUR" },
      }),
    );

    expect(paths.sort()).toEqual(
      [
        "applicationId",
        "client.email",
        "client.name",
        "fee.amount",
        "meetingAt",
        "meetingUrl",
      ].sort(),
    );
  });

  it("is recorded by hand by a manager, not by a seller", () => {
    const byManager = contextFor(manager(), { settings: SETTINGS });
    const bySeller = contextFor(seller(), { settings: SETTINGS });

    expect(receive({}, byManager).value.createdBy).toBe("manager-1");
    expect(codeOf(() => receive({}, bySeller))).toBe("forbidden");
  });
});
