import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { Settings } from "../settings/settings.js";
import {
  buildOpportunity,
  buildTask,
  contextFor,
  seller,
} from "../shared/builders.test-support.js";
import type { Task } from "../task/task.types.js";
import type { Viewer } from "../user/user.types.js";
import type { FirstContactChoice } from "./first-contact-choice.js";
import { type RecordFirstContactInput, recordFirstContact } from "./record-first-contact.js";

/** Records a first-contact choice, by the owner unless an actor is named (`null`: the system). */
export const record = (
  choice: FirstContactChoice,
  options: {
    opportunity?: Opportunity;
    openTasks?: Task[];
    actor?: Viewer | null;
    settings?: Settings;
  } = {},
) => {
  const input: RecordFirstContactInput = {
    opportunity: options.opportunity ?? buildOpportunity(),
    openTasks: options.openTasks ?? [],
    ...choice,
  };
  const actor = options.actor === undefined ? seller() : options.actor;
  return recordFirstContact(input, contextFor(actor, { settings: options.settings }));
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
