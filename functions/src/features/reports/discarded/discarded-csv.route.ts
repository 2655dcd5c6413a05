import { discardedFiltersQuery } from "@dealflow/contract";
import type { RouteDeps } from "../../../api/api-context.js";
import { defineApiRoute } from "../../../api/api-route.js";
import { viewerOf } from "../../../identity/principal.js";
import { exportDiscarded } from "../reports.service.js";
import { csvDocument } from "./csv.js";

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
    query: discardedFiltersQuery,
    responses: {
      200: { description: "RFC 4180 CSV with a header row", contentType: "text/csv" },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      const { items, ownerNames: names } = await exportDiscarded(deps, viewerOf(principal), query);
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
