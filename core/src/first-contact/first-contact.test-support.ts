import type { Opportunity } from "../opportunity/opportunity.types.js";
import {
  buildOpportunity,
  buildTask,
  contextFor,
  seller,
} from "../shared/builders.test-support.js";
import type { Task } from "../task/task.types.js";
import type { FirstContactChoice } from "./first-contact-choice.js";
import { type RecordFirstContactInput, recordFirstContact } from "./record-first-contact.js";

export const record = (
  choice: FirstContactChoice,
  options: {
    opportunity?: Opportunity;
    openTasks?: Task[];
    ctx?: ReturnType<typeof contextFor>;
  } = {},
) => {
  const input: RecordFirstContactInput = {
    opportunity: options.opportunity ?? buildOpportunity(),
    openTasks: options.openTasks ?? [],
    ...choice,
  };
  return recordFirstContact(input, options.ctx ?? contextFor(seller()));
};

export const inSecondContact = (): Opportunity =>
  buildOpportunity({
    stage: "second-contact",
    deadlines: [],
    firstContact: {
      state: "second-contact",
      recordedAt: "2026-03-01T09:00:00.000Z",
      action: "second-contact",
      secondContactDueAt: "2026-03-02T09:00:00.000Z",
    },
  });

export const secondContactTask = buildTask({
  id: "task-second",
  kind: "second-contact",
  origin: "second-contact",
  dueAt: "2026-03-02T09:00:00.000Z",
});
