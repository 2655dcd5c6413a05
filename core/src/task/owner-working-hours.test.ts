import { describe, expect, it } from "vitest";
import {
  buildTask,
  buildViewer,
  contextFor,
  settingsWith,
} from "../shared/builders.test-support.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { newTask } from "./new-task.js";
import { rescheduleTask } from "./reschedule-task.js";

// Issue 20 item 10: the due-soon reminder keeps to the working hours (09:00–18:00, Mon–Fri)
// of the task owner's own zone, not the tenant's (Madrid here). NOW is Monday 2026-03-02
// 09:00 UTC (the builders' NOW); each task is due Tuesday 09:30 on the owner's wall clock, so the reminder an hour
// before (08:30) comes at the start of their working day, 09:00 there.
const settings = settingsWith({ timeZone: "Europe/Madrid" });
const OWNER = "seller-1";

type Row = {
  who: string;
  dueAt: string;
  ctx: UseCaseContext;
  dueSoon: string | null;
};

const ownerActing = (timeZone: string | null) =>
  contextFor(buildViewer({ userId: OWNER, timeZone }), { settings });
const managerActing = (timeZones: Record<string, string | null>) => ({
  ...contextFor(buildViewer({ userId: "manager-1", role: "manager", timeZone: "Asia/Tokyo" }), {
    settings,
  }),
  timeZones,
});

const rows: Row[] = [
  {
    who: "an owner in Mexico City: at 09:00 there",
    dueAt: "2026-03-03T15:30:00.000Z",
    ctx: ownerActing("America/Mexico_City"),
    dueSoon: "2026-03-03T15:00:00.000Z",
  },
  {
    who: "an owner in Tokyo: at 09:00 there, though it is night in Madrid",
    dueAt: "2026-03-03T00:30:00.000Z",
    ctx: ownerActing("Asia/Tokyo"),
    dueSoon: "2026-03-03T00:00:00.000Z",
  },
  {
    who: "an owner with no zone of their own: at 09:00 in the tenant's Madrid",
    dueAt: "2026-03-03T08:30:00.000Z",
    ctx: ownerActing(null),
    dueSoon: "2026-03-03T08:00:00.000Z",
  },
  {
    who: "an owner in Mexico City given the task by a manager in Tokyo: at 09:00 in Mexico",
    dueAt: "2026-03-03T15:30:00.000Z",
    ctx: managerActing({ [OWNER]: "America/Mexico_City" }),
    dueSoon: "2026-03-03T15:00:00.000Z",
  },
  {
    who: "an owner whose zone the caller did not read: on the tenant's clock, not the manager's",
    dueAt: "2026-03-03T00:30:00.000Z",
    ctx: managerActing({}),
    dueSoon: null,
  },
];

const dueSoonOf = (schedule: readonly { kind: string; dueAt: string }[]) =>
  schedule.find((deadline) => deadline.kind === "task-due-soon")?.dueAt ?? null;

describe("the due-soon reminder in the task owner's working hours", () => {
  it.each(rows)("for a new task, comes for $who", ({ dueAt, ctx, dueSoon }) => {
    const created = newTask(
      {
        kind: "call",
        dueAt: new Date(dueAt),
        ownerId: OWNER,
        opportunityId: null,
        contactId: null,
        contactName: null,
        origin: "manual",
      },
      ctx,
    );
    expect(dueSoonOf(created.schedule)).toBe(dueSoon);
  });

  it.each(rows)("for a rescheduled task, comes for $who", ({ dueAt, ctx, dueSoon }) => {
    const task = buildTask({
      ownerId: OWNER,
      dueAt: "2026-03-10T12:00:00.000Z",
      opportunityId: null,
    });
    const moved = rescheduleTask({ task, opportunity: null, dueAt }, ctx);
    expect(dueSoonOf(moved.schedule)).toBe(dueSoon);
  });
});
