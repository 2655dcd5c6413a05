import { randomUUID } from "node:crypto";
import type { ImportReport } from "@dealflow/contract";
import { leadExternalId } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { readAllPages } from "../../storage/paging.js";

let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const seller = newTestUser(tenant, { email: "ana@example.test" });

const post = (what: string, csv: string, query = "", user = manager) =>
  harness.call(user, "POST", `/api/import/${what}${query}`, {
    rawBody: csv,
    headers: { "Content-Type": "text/csv" },
  });
const countOf = async (kind: "opportunities" | "contacts") =>
  kind === "opportunities"
    ? (await harness.deps.store.listOpportunities(tenant, { kind: "all" }, { limit: 200 })).items
        .length
    : (await harness.deps.store.searchContacts(tenant, "imp", 200)).length;

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [manager, seller]) await harness.call(user, "GET", "/api/settings");
});
afterAll(() => harness?.close());

describe("POST /api/import/opportunities", () => {
  const good = [
    "Name,E-mail,Company,Source,Campaign,Owner,External ID,Notes column",
    `Imp Uno,uno@example.com,Uno SA,referral,fair-2026,ana@example.test,crm-1,ignored`,
    `Imp Dos,dos@example.com,,phone-call,,,crm-2,`,
  ].join("\n");

  it("previews a dry run row by row and writes nothing", async () => {
    const answer = await post("opportunities", good, "?dryRun=true");
    expect(answer.status).toBe(200);
    const report = answer.body as ImportReport;
    expect(report).toMatchObject({ dryRun: true, total: 2, valid: 2, invalid: 0, created: 0 });
    expect(report.ignoredColumns).toEqual(["Notes column"]);
    expect(report.rows[0]).toMatchObject({
      row: 2,
      status: "ok",
      preview: {
        title: "Uno SA",
        source: "referral",
        campaign: "fair-2026",
        ownerId: seller.userId,
        stage: "new",
      },
    });
    expect(await countOf("opportunities")).toBe(0);
  });

  it("refuses a file with one bad row whole, naming row and column, and writes nothing", async () => {
    const bad = `${good}\nImp Tres,not-an-email,,nonsense-source,,,crm-3,`;
    const answer = await post("opportunities", bad);
    expect(answer.status).toBe(400);
    const paths = (answer.body as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toEqual(["rows.4.email", "rows.4.source"]);
    expect(await countOf("opportunities")).toBe(0);
  });

  it("imports a valid file whole, then refuses the same external ids again", async () => {
    const answer = await post("opportunities", good);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ dryRun: false, created: 2 });
    expect(await countOf("opportunities")).toBe(2);
    const imported = await harness.deps.store.findOpportunityByExternalId(
      tenant,
      leadExternalId("crm-1"),
    );
    expect(imported).toMatchObject({
      ownerId: seller.userId,
      contact: { email: "uno@example.com" },
    });

    const again = await post("opportunities", good, "?dryRun=true");
    expect((again.body as ImportReport).rows[0]?.errors).toEqual([
      { column: "externalId", message: expect.stringContaining("already imported") },
    ]);
  });

  it("is for managers only", async () => {
    expect((await post("opportunities", good, "?dryRun=true", seller)).status).toBe(403);
  });
});

describe("POST /api/import/contacts", () => {
  it("reports duplicates within the file by the row they repeat", async () => {
    const csv = "name,email\nImp Ana,imp-ana@example.com\nImp Ana Again,IMP-ANA@example.com\n";
    const answer = await post("contacts", csv, "?dryRun=true");
    expect((answer.body as ImportReport).rows[1]).toMatchObject({
      row: 3,
      status: "error",
      errors: [{ column: "email", message: "repeats row 2" }],
    });
  });

  it("imports contacts and refuses a file without the name column or a broken quote", async () => {
    const answer = await post(
      "contacts",
      "name,email,tags\nImp Eva,imp-eva@example.com,vip;2026\n",
    );
    expect(answer.status).toBe(201);
    const [eva] = await harness.deps.store.searchContacts(tenant, "imp-eva");
    expect(eva).toMatchObject({ name: "Imp Eva", tags: ["vip", "2026"] });
    expect((await post("contacts", "email\nx@example.com\n")).body).toMatchObject({
      errors: [{ path: "columns.name" }],
    });
    expect((await post("contacts", 'name\n"unclosed\n')).status).toBe(400);
  });

  it("refuses a file over 1,000 rows", async () => {
    const csv = `name\n${Array.from({ length: 1_001 }, (_, index) => `Person ${index}`).join("\n")}`;
    const answer = await post("contacts", csv, "?dryRun=true");
    expect(answer.status).toBe(400);
  });
});

describe("an import while others read", () => {
  it("never shows part of a 300-row import to a reader polling the lists meanwhile", async () => {
    const other = randomUUID();
    const boss = newTestUser(other, { manager: true });
    await harness.call(boss, "GET", "/api/settings");
    const csv = [
      "Name,Source,External ID",
      ...Array.from({ length: 300 }, (_, index) => `Poll Person ${index},referral,poll-${index}`),
    ].join("\n");
    // Each read is one page (one answer): it must hold all of the import it covers, or none.
    const stored = async () =>
      (await harness.deps.store.listOpportunities(other, { kind: "all" }, { limit: 200 })).items
        .length;
    const searched = async () =>
      (await harness.deps.store.searchContacts(other, "poll person", 200)).length;
    const everything = async () =>
      (
        await readAllPages((page) =>
          harness.deps.store.listOpportunities(other, { kind: "all" }, page),
        )
      ).length;
    const firstPage = async () => {
      const answer = await harness.call(boss, "GET", "/api/opportunities?view=first-contact");
      return (answer.body as { items: unknown[] }).items.length;
    };

    let running = true;
    const importing = post("opportunities", csv, "", boss).finally(() => {
      running = false;
    });
    const seen: { stored: number; search: number; page: number; running: boolean }[] = [];
    while (running) {
      const [count, search, page] = await Promise.all([stored(), searched(), firstPage()]);
      seen.push({ stored: count, search, page, running });
    }
    const answer = await importing;

    expect(answer.status).toBe(201);
    expect(seen.filter((poll) => poll.stored !== 0 && poll.stored !== 200)).toEqual([]);
    expect(seen.filter((poll) => poll.search !== 0 && poll.search !== 200)).toEqual([]);
    expect(seen.filter((poll) => poll.page !== 0 && poll.page !== 50)).toEqual([]);
    // The reader did read while the import ran, and saw nothing of it then.
    expect(seen.filter((poll) => poll.running && poll.stored === 0).length).toBeGreaterThan(2);
    expect([await stored(), await searched(), await firstPage(), await everything()]).toEqual([
      200, 200, 50, 300,
    ]);
  });
});
