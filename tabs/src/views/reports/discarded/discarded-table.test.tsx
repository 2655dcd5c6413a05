import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithSession } from "../../../test/render-with-session.js";
import { VIRTUALIZE_FROM } from "../../common/virtual-rows.js";
import { discardedContact } from "../report-fixtures.js";
import { DiscardedTable } from "./DiscardedTable.js";

const items = (count: number) =>
  Array.from({ length: count }, (_item, i) =>
    discardedContact(String(i + 1), "no-budget", "referral"),
  );

describe("the discarded contacts table", () => {
  it("renders a short list whole, each contact linking to its opportunity", () => {
    renderWithSession(<DiscardedTable caption="Discarded" items={items(3)} />);
    const table = screen.getByRole("table", { name: "Discarded" });
    expect(
      within(table)
        .getAllByRole("link")
        .map((link) => link.getAttribute("href")),
    ).toEqual(["#/opportunities/1", "#/opportunities/2", "#/opportunities/3"]);
    expect(within(table).getAllByText("Ana")).toHaveLength(3);
  });

  it("renders only the visible rows of a long list, telling screen readers its real size", () => {
    const long = items(VIRTUALIZE_FROM + 400);
    renderWithSession(<DiscardedTable caption="Discarded" items={long} />);
    const table = screen.getByRole("table", { name: "Discarded" });
    // jsdom lays nothing out, so the window may hold no row at all: never the 500.
    expect(within(table).queryAllByRole("link").length).toBeLessThan(100);
    expect(table.getAttribute("aria-rowcount")).toBe(String(long.length + 1));
  });

  it("says a hidden client's placeholder name in Spanish, in the link and its title", () => {
    const hidden = discardedContact("9", "no-budget", "referral");
    hidden.contact = { ...hidden.contact, name: "Hidden client", email: null };
    renderWithSession(<DiscardedTable caption="Descartados" items={[hidden, ...items(1)]} />, {
      locale: "es",
    });
    const table = screen.getByRole("table", { name: "Descartados" });
    const link = within(table).getByRole("link", { name: "Cliente oculto" });
    expect(link.getAttribute("href")).toBe("#/opportunities/9");
    expect(link.getAttribute("title")).toContain("Cliente oculto");
    expect(within(table).queryByText(/Hidden client/)).toBeNull();
    expect(within(table).getByRole("link", { name: "Contact 1" })).toBeTruthy();
  });
});
