import type { ApiHarness, TestUser } from "../../../../tests/support/api-harness.js";
import { odataString } from "../../storage/keys.js";
import type { OpportunityResponse } from "./opportunity.schema.js";

export const asOpportunity = (body: unknown) => body as OpportunityResponse;
export const asPage = (body: unknown) =>
  body as { items: OpportunityResponse[]; nextCursor: string | null };
export const asProblem = (body: unknown) =>
  body as { status: number; title: string; errors?: { path: string; message: string }[] };

/** Signs the user in once, as the tab would, so the tenant and the user are provisioned. */
export const signIn = async (harness: ApiHarness, ...users: TestUser[]): Promise<void> => {
  for (const user of users) {
    const answer = await harness.call(user, "GET", "/api/opportunities?view=mine");
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.text}`);
  }
};

/** Every row of a tenant with its ETag: equal snapshots mean nothing was written. */
export const tenantSnapshot = async (
  harness: ApiHarness,
  tenantId: string,
): Promise<Map<string, string>> => {
  const rows = new Map<string, string>();
  const entities = harness.storage
    .table("tenantData")
    .listEntities({ queryOptions: { filter: `PartitionKey eq ${odataString(tenantId)}` } });
  for await (const row of entities) rows.set(String(row.rowKey), String(row.etag));
  return rows;
};
