import type { Task } from "@dealflow/core";
import { key, keyPart, timeKey } from "../keys.js";
import { encodeRecord, type StoredRow } from "./stored-row.js";

export const taskKey = (id: string) => key("task", keyPart(id));

export const taskPrefixes = {
  /** Open tasks of an owner by due time: the agenda (overdue, today, upcoming) is one range. */
  ownerDue: (ownerId: string) => key("tdue", keyPart(ownerId), ""),
  opportunity: (opportunityId: string) => key("topp", keyPart(opportunityId), ""),
  /** Open tasks of a contact: lets a classification replace its earlier follow-up. */
  contactOpen: (contactId: string) => key("tcon", keyPart(contactId), ""),
};

export const taskRows = (task: Task): StoredRow[] => {
  const id = keyPart(task.id);
  const data = encodeRecord(task);
  const due = timeKey(task.dueAt);
  const rows: StoredRow[] = [{ rowKey: taskKey(id), role: "main", kind: "task", data }];
  const projection = (rowKey: string): StoredRow => ({
    rowKey,
    role: "projection",
    kind: "task",
    data,
  });
  if (task.status === "open") {
    rows.push(projection(taskPrefixes.ownerDue(task.ownerId) + key(due, id)));
    if (task.contactId) rows.push(projection(taskPrefixes.contactOpen(task.contactId) + id));
  }
  if (task.opportunityId)
    rows.push(projection(taskPrefixes.opportunity(task.opportunityId) + key(due, id)));
  return rows;
};
