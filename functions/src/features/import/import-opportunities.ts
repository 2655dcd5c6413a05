import type { ImportRowError, ImportRowReport } from "@dealflow/contract";
import {
  type Contact,
  createOpportunity,
  leadExternalId,
  type Opportunity,
  type Outcome,
  type UseCaseContext,
  type User,
} from "@dealflow/core";
import { allUsers } from "../../storage/all-users.js";
import type { Store } from "../../storage/store.js";
import type { CsvRow } from "./csv-table.js";
import {
  CONTACT_COLUMNS,
  columnOfContactPath,
  findContactByEmail,
  tagsOf,
} from "./import-contacts.js";
import { rowErrorsOf } from "./import-report.js";
import type { PlannedRow } from "./import-writer.js";

export const OPPORTUNITY_COLUMNS = {
  ...CONTACT_COLUMNS,
  source: ["lead source"],
  campaign: ["utm_campaign"],
  title: ["opportunity", "deal"],
  owner: ["owner email", "owner id", "ownerid", "assigned to"],
  pipeline: ["pipeline id", "pipelineid"],
  externalId: ["external id", "lead id"],
  receivedAt: ["received at", "created", "date"],
} as const;

const EXTERNAL_ID = /^[A-Za-z0-9._:@+-]{1,200}$/;

const FIELD_TO_COLUMN: Record<string, string> = { ownerId: "owner", pipelineId: "pipeline" };
const columnOf = (path: string) => {
  const column = columnOfContactPath(path);
  return FIELD_TO_COLUMN[column] ?? column;
};

const ownerOf = (
  cell: string | undefined,
  users: readonly User[],
  errors: ImportRowError[],
): string | null => {
  if (cell === undefined) return null;
  const wanted = cell.toLowerCase();
  const user = users.find(
    (candidate) => candidate.id === cell || candidate.email?.toLowerCase() === wanted,
  );
  if (user === undefined)
    errors.push({ column: "owner", message: "is not a user of this organisation (id or email)" });
  return user?.id ?? null;
};

/**
 * Validates every row of an opportunities file with the same use case as "+ New"
 * (createOpportunity, as the importing manager), plus what only a whole file can check:
 * owners that exist, external ids repeated in the file or already imported. A row whose
 * email matches a contact (stored, or created by an earlier row) reuses that contact.
 */
export const planOpportunityImport = async (
  rows: readonly CsvRow[],
  ctx: UseCaseContext,
  store: Store,
): Promise<{ reports: ImportRowReport[]; planned: PlannedRow[] }> => {
  const users = await allUsers(store, ctx.tenantId);
  const externalIds = new Map<string, number>();
  const contactsByEmail = new Map<string, Contact>();
  const reports: ImportRowReport[] = [];
  const planned: PlannedRow[] = [];
  for (const row of rows) {
    const { cells } = row;
    const errors: ImportRowError[] = [];
    const ownerId = ownerOf(cells.owner, users, errors);
    const externalId = cells.externalId ?? null;
    if (externalId !== null && !EXTERNAL_ID.test(externalId)) {
      errors.push({
        column: "externalId",
        message: "must be 1–200 letters, digits or . _ : @ + -",
      });
    } else if (externalId !== null) {
      if (externalIds.has(externalId)) {
        errors.push({
          column: "externalId",
          message: `repeats row ${externalIds.get(externalId)}`,
        });
      } else {
        externalIds.set(externalId, row.row);
        // The previous system's lead ids share web forms' namespace, never a marketplace's.
        const imported = await store.findOpportunityByExternalId(
          ctx.tenantId,
          leadExternalId(externalId),
        );
        if (imported)
          errors.push({
            column: "externalId",
            message: `was already imported (opportunity ${imported.id})`,
          });
      }
    }
    const email = cells.email?.toLowerCase();
    const known =
      email === undefined
        ? null
        : (contactsByEmail.get(email) ?? (await findContactByEmail(store, ctx.tenantId, email)));
    let outcome: Outcome<Opportunity> | null = null;
    try {
      outcome = createOpportunity(
        {
          contact: known ?? {
            name: cells.name ?? "",
            email: cells.email ?? null,
            phone: cells.phone ?? null,
            company: cells.company ?? null,
            linkedinUrl: cells.linkedinUrl ?? null,
          },
          source: cells.source ?? "",
          campaign: cells.campaign ?? null,
          title: cells.title ?? null,
          ownerId,
          pipelineId: cells.pipeline ?? null,
          receivedAt: cells.receivedAt ?? null,
          tags: tagsOf(cells.tags),
          externalId: externalId === null ? null : leadExternalId(externalId),
          origin: "manual",
        },
        ctx,
      );
    } catch (error) {
      errors.push(...rowErrorsOf(error, columnOf));
    }
    if (outcome === null || errors.length > 0) {
      reports.push({ row: row.row, status: "error", preview: null, errors });
      continue;
    }
    const opportunity = outcome.value;
    const createdContact = outcome.changes.find((change) => change.entity === "contact")?.after as
      | Contact
      | undefined;
    if (createdContact && email !== undefined) contactsByEmail.set(email, createdContact);
    planned.push({ changeSet: outcome });
    reports.push({
      row: row.row,
      status: "ok",
      preview: {
        title: opportunity.title,
        contact: opportunity.contact.name,
        email: opportunity.contact.email,
        reusesContact: createdContact === undefined,
        source: opportunity.source,
        campaign: opportunity.campaign,
        ownerId: opportunity.ownerId,
        pipelineId: opportunity.pipelineId,
        stage: opportunity.stage,
        receivedAt: opportunity.receivedAt,
        externalId,
      },
      errors: [],
    });
  }
  return { reports, planned };
};
