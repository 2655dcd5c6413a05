import type { Task } from "@dealflow/core";
import { key, keyPart, timeKey } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { encodeRecord, type StoredRow } from "./stored-row.js";

export const taskKey = (id: string) => rowKeyOf("task", keyPart(id));

export const taskPrefixes = {
  /** Open tasks of an owner by due time: the agenda (overdue, today, upcoming) is one range. */
  ownerDue: (ownerId: string) => rowKeyOf("ownerTasksByDue", keyPart(ownerId), ""),
  opportunity: (opportunityId: string) => rowKeyOf("opportunityTasks", keyPart(opportunityId), ""),
  /** Open tasks of a contact: lets a classification replace its earlier follow-up. */
  contactOpen: (contactId: string) => rowKeyOf("contactOpenTasks", keyPart(contactId), ""),
};

export const taskRows = (task: Task): StoredRow[] => {
  const id = keyPart(task.id);
  const data = encodeRecord(task);
  const due = timeKey(task.dueAt);
  const rows: StoredRow[] = [{ rowKey: taskKey(id), role: "main", kind: "task", data }];
  // The agenda is read often and wants the records; the per-opportunity and per-contact
  // lists are short and feed use cases, which need each task's version: pointers.
  const pointer = (rowKey: string): StoredRow => ({
    rowKey,
    role: "pointer",
    kind: "task",
    ref: taskKey(id),
  });
  if (task.status === "open") {
    rows.push({
      rowKey: taskPrefixes.ownerDue(task.ownerId) + key(due, id),
      role: "projection",
      kind: "task",
      data,
    });
    if (task.contactId) rows.push(pointer(taskPrefixes.contactOpen(task.contactId) + id));
  }
  if (task.opportunityId) {
    rows.push(pointer(taskPrefixes.opportunity(task.opportunityId) + key(due, id)));
  }
  return rows;
};
