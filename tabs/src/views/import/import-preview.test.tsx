import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { ImportKind, ImportReport, ImportRowReport } from "../../api/settings-api.js";
import { renderWithSession } from "../../test/render-with-session.js";
import { manager } from "../settings/settings-fixture.js";
import { ImportSection } from "./ImportSection.js";

const BAD = "name,email\nEva Ruiz,eva@example.com\nLeo Gil,not-an-email\n";
const GOOD = "name,email\nEva Ruiz,eva@example.com\nLeo Gil,leo@example.com\n";

const okRow = (row: number, name: string): ImportRowReport => ({
  row,
  status: "ok",
  preview: { name, email: `${name.split(" ")[0]?.toLowerCase()}@example.com`, tags: [] },
  errors: [],
});

const reportOf = (rows: ImportRowReport[], dryRun: boolean): ImportReport => {
  const invalid = rows.filter((row) => row.status === "error").length;
  return {
    dryRun,
    total: rows.length,
    valid: rows.length - invalid,
    invalid,
    created: dryRun ? 0 : rows.length,
    ignoredColumns: [],
    rows,
  };
};

/** The server's answers: row 3 of BAD has a bad email; GOOD is fine. */
const fakeImport = vi.fn(async (_kind: ImportKind, csv: string, dryRun: boolean) =>
  reportOf(
    [
      okRow(2, "Eva Ruiz"),
      csv.includes("not-an-email")
        ? {
            row: 3,
            status: "error" as const,
            preview: null,
            errors: [{ column: "email", message: "must be an email" }],
          }
        : okRow(3, "Leo Gil"),
    ],
    dryRun,
  ),
);

const renderImport = (importCsv = fakeImport) => {
  importCsv.mockClear();
  renderWithSession(<ImportSection />, { api: { importCsv } as Partial<DealflowApi>, me: manager });
  return importCsv;
};

const choose = (text: string, name = "people.csv") =>
  userEvent.upload(screen.getByLabelText("CSV file"), new File([text], name, { type: "text/csv" }));

describe("CSV import", () => {
  it("shows the expected columns of each kind, required ones marked", async () => {
    renderImport();
    const columns = () => screen.getByRole("table", { name: "Expected columns" });
    expect(within(columns()).getByRole("row", { name: /^name Yes/ })).toBeTruthy();
    expect(within(columns()).queryByText("source")).toBeNull();
    await userEvent.click(screen.getByRole("radio", { name: "Opportunities" }));
    expect(within(columns()).getByRole("row", { name: /^source Yes/ })).toBeTruthy();
    expect(within(columns()).getByRole("row", { name: /^owner No/ })).toBeTruthy();
  });

  it("previews row by row and blocks Import while a row has errors", async () => {
    const importCsv = renderImport();
    await choose(BAD);
    const table = await screen.findByRole("table", { name: "Import preview: 2 rows" });
    expect(importCsv).toHaveBeenCalledWith("contacts", BAD, true);
    const bad = within(table).getByRole("row", { name: /^3 Error/ });
    expect(within(bad).getByText("email: must be an email")).toBeTruthy();
    // The server cannot preview a bad row; the file's own cells say which contact it is.
    expect(within(bad).getByText("Leo Gil")).toBeTruthy();
    expect(within(bad).getByText("not-an-email")).toBeTruthy();
    expect(screen.getByText("2 rows: 1 ready, 1 with errors.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import" })).toHaveProperty("disabled", true);
    expect(importCsv).toHaveBeenCalledTimes(1);
  });

  it("imports the fixed file as previewed and says how many were created", async () => {
    const importCsv = renderImport();
    await choose(BAD);
    await screen.findByRole("table", { name: "Import preview: 2 rows" });
    await choose(GOOD);
    await screen.findByText("2 rows: 2 ready, 0 with errors.");
    const run = screen.getByRole("button", { name: "Import" });
    expect(run).toHaveProperty("disabled", false);
    await userEvent.click(run);
    expect(importCsv).toHaveBeenLastCalledWith("contacts", GOOD, false);
    expect(
      (await screen.findByText("Imported 2 contacts from people.csv.")).closest("[role=status]"),
    ).toBeTruthy();
    const progress = screen.getByRole("progressbar");
    expect(progress.getAttribute("aria-valuenow")).toBe("3");
    expect(progress.getAttribute("aria-valuetext")).toBe("Done");
  });

  it("renders only the visible rows of a long preview", async () => {
    const rows = Array.from({ length: 500 }, (_item, index) => okRow(index + 2, `Person ${index}`));
    renderImport(vi.fn(async () => reportOf(rows, true)));
    await choose("name\nPerson 0\n");
    const table = await screen.findByRole("table", { name: "Import preview: 500 rows" });
    expect(table.getAttribute("aria-rowcount")).toBe("501");
    expect(within(table).getAllByRole("row").length).toBeLessThan(100);
  });
});
