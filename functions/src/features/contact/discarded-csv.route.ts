import { DomainError } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { allUsers } from "../../storage/all-users.js";
import { csvDocument } from "./csv.js";
import {
  assertManager,
  discardedFilters,
  presentDiscarded,
  readDiscarded,
} from "./discarded-query.js";

/** An export bigger than this is refused: narrow the period instead. */
export const MAX_EXPORT_ROWS = 10_000;

const HEADER = [
  "discardedAt",
  "contactName",
  "email",
  "phone",
  "company",
  "title",
  "source",
  "campaign",
  "reason",
  "reasonText",
  "ownerId",
  "ownerName",
];

export const discardedCsvRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "exportDiscardedContacts",
    method: "GET",
    route: "contacts/discarded.csv",
    summary: "Managers: the discarded contacts list as CSV (same filters), hidden clients redacted",
    tag: "Reports",
    query: z.object(discardedFilters),
    responses: {
      200: { description: "RFC 4180 CSV with a header row", contentType: "text/csv" },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      await assertManager(deps, principal);
      const { tenantId } = principal;
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await readDiscarded(deps, tenantId, query, { cursor, limit: 200 });
        items.push(...page.items.map(presentDiscarded));
        cursor = page.nextCursor ?? undefined;
        if (items.length > MAX_EXPORT_ROWS) {
          throw new DomainError("validation", "The export is too big.", [
            {
              path: "from",
              message: `selects more than ${MAX_EXPORT_ROWS} rows; narrow the period`,
            },
          ]);
        }
      } while (cursor !== undefined);
      const users = await allUsers(deps.store, tenantId);
      const names = new Map(users.map((user) => [user.id, user.name]));
      const rows = items.map((item) => [
        item.discardedAt,
        item.contact.name,
        item.contact.email,
        item.contact.phone,
        item.contact.company,
        item.title,
        item.source,
        item.campaign,
        item.reason,
        item.reasonText,
        item.ownerId,
        item.ownerId ? (names.get(item.ownerId) ?? "") : "",
      ]);
      return {
        // A BOM so that Excel reads the accents of Spanish names as UTF-8.
        text: `\uFEFF${csvDocument(HEADER, rows)}`,
        contentType: "text/csv; charset=utf-8",
        headers: { "Content-Disposition": 'attachment; filename="discarded-contacts.csv"' },
      };
    },
  });
