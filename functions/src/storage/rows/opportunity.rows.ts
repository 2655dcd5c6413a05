import { MAX_EXTERNAL_ID_LENGTH, type Opportunity } from "@dealflow/core";
import { key, keyPart, newestFirstKey, timeKey } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { encodeRecord, type StoredRow } from "./stored-row.js";

export const opportunityKey = (id: string) => rowKeyOf("opportunity", keyPart(id));

/** The list views an opportunity appears in, each as a RowKey prefix of the tenant table. */
export const opportunityPrefixes = {
  all: () => rowKeyOf("allOpportunities"),
  firstContact: () => rowKeyOf("firstContactQueue"),
  secondContact: () => rowKeyOf("secondContactQueue"),
  /** A seller's own queues: with `owner` visibility they must not read the tenant's. */
  ownerFirstContact: (ownerId: string) => rowKeyOf("ownerFirstContactQueue", keyPart(ownerId), ""),
  ownerSecondContact: (ownerId: string) =>
    rowKeyOf("ownerSecondContactQueue", keyPart(ownerId), ""),
  owner: (ownerId: string, closed: boolean) =>
    rowKeyOf("ownerOpportunities", keyPart(ownerId), closed ? "c" : "o", ""),
  stage: (pipelineId: string, stage: string) =>
    rowKeyOf("stageColumn", keyPart(pipelineId), keyPart(stage), ""),
  /** One owner's column of the board, for sellers who see only their own. */
  ownerStage: (ownerId: string, pipelineId: string, stage: string) =>
    rowKeyOf("ownerStageColumn", keyPart(ownerId), keyPart(pipelineId), keyPart(stage), ""),
  discarded: () => rowKeyOf("discarded"),
  follower: (userId: string) => rowKeyOf("followed", keyPart(userId), ""),
  contact: (contactId: string) => rowKeyOf("contactOpportunities", keyPart(contactId), ""),
  /** Namespaced by sender (core external-id.ts), so one sender's id never finds another's. */
  externalId: (externalId: string) =>
    rowKeyOf("externalId", keyPart(externalId, "externalId", MAX_EXTERNAL_ID_LENGTH)),
};

export const opportunityRows = (opportunity: Opportunity): StoredRow[] => {
  const id = keyPart(opportunity.id);
  const data = encodeRecord(opportunity);
  const newest = newestFirstKey(opportunity.receivedAt);
  const main = opportunityKey(id);
  const open = opportunity.status === "open";
  const projection = (rowKey: string): StoredRow => ({
    rowKey,
    role: "projection",
    kind: "opportunity",
    data,
  });
  const pointer = (rowKey: string): StoredRow => ({
    rowKey,
    role: "pointer",
    kind: "opportunity",
    ref: main,
  });
  const p = opportunityPrefixes;

  const rows: StoredRow[] = [
    { rowKey: main, role: "main", kind: "opportunity", data },
    projection(p.all() + key(newest, id)),
  ];
  if (opportunity.ownerId) {
    rows.push(projection(p.owner(opportunity.ownerId, !open) + key(newest, id)));
  }
  if (opportunity.status !== "discarded") {
    rows.push(projection(p.stage(opportunity.pipelineId, opportunity.stage) + key(newest, id)));
    if (opportunity.ownerId) {
      const column = p.ownerStage(opportunity.ownerId, opportunity.pipelineId, opportunity.stage);
      rows.push(projection(column + key(newest, id)));
    }
  }
  const owner = opportunity.ownerId;
  if (open && opportunity.firstContact.state === "awaiting") {
    rows.push(projection(p.firstContact() + key(newest, id)));
    if (owner) rows.push(projection(p.ownerFirstContact(owner) + key(newest, id)));
  }
  if (open && opportunity.firstContact.state === "second-contact") {
    const due = timeKey(opportunity.firstContact.secondContactDueAt ?? opportunity.receivedAt);
    rows.push(projection(p.secondContact() + key(due, id)));
    if (owner) rows.push(projection(p.ownerSecondContact(owner) + key(due, id)));
  }
  if (opportunity.status === "discarded") {
    rows.push(
      projection(
        p.discarded() + key(newestFirstKey(opportunity.discard?.at ?? opportunity.updatedAt), id),
      ),
    );
  }
  for (const userId of opportunity.followers)
    rows.push(pointer(p.follower(userId) + key(newest, id)));
  for (const contact of [opportunity.contact, ...opportunity.participants]) {
    rows.push(pointer(p.contact(contact.id) + key(newest, id)));
  }
  if (opportunity.externalId) {
    rows.push({
      rowKey: p.externalId(opportunity.externalId),
      role: "unique",
      kind: "opportunity",
      ref: main,
    });
  }
  return rows;
};
