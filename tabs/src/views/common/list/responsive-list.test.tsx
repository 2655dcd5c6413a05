import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../../test/render-with-session.js";
import { type ListColumn, ResponsiveList } from "./ResponsiveList.js";

type Lead = { id: string; name: string; email: string };

const leads = (count: number): Lead[] =>
  Array.from({ length: count }, (_lead, index) => ({
    id: `l-${index}`,
    name: `Lead ${index}`,
    email: `lead${index}@example.test`,
  }));

const COLUMNS: ListColumn<Lead>[] = [
  { id: "name", header: "Name", priority: 1, minWidth: 200, render: (lead) => lead.name },
  { id: "email", header: "Email", priority: 2, minWidth: 400, render: (lead) => lead.email },
];

/**
 * jsdom has no layout: here every element's box is `width` wide and a card's height tall (the
 * list reads its bounding box, the virtualizer measures each card's offset height), and the
 * scroll box shows 800 px (the virtualizer reads its client size).
 */
const atWidth = (width: number) => {
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
    width,
    height: 100,
    top: 0,
    left: 0,
    right: width,
    bottom: 100,
  } as DOMRect);
  vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(width);
  vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(100);
};

const show = (items: Lead[]) =>
  renderWithSession(
    <ResponsiveList
      caption="Leads"
      items={items}
      itemKey={(lead) => lead.id}
      columns={COLUMNS}
      rowHeight={48}
      renderCard={(lead) => <article aria-label={lead.name}>{lead.name}</article>}
      cardHeight={100}
    />,
  );

afterEach(() => vi.restoreAllMocks());

describe("a responsive list", () => {
  it("is a table with every column that fits a laptop's width", () => {
    atWidth(1000);
    show(leads(3));

    const table = screen.getByRole("table", { name: "Leads" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Name", "Email"]);
  });

  it("drops the lower-priority column when the width no longer fits it", () => {
    atWidth(580);
    show(leads(3));

    const table = screen.getByRole("table", { name: "Leads" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Name"]);
    expect(screen.queryByText("lead0@example.test")).toBeNull();
  });

  it("shows one card per item on a phone, in a list named like the table", () => {
    atWidth(366);
    show(leads(3));

    expect(screen.queryByRole("table")).toBeNull();
    const list = screen.getByRole("list", { name: "Leads" });
    expect(within(list).getAllByRole("article")).toHaveLength(3);
  });

  it("keeps a phone's 1,000 cards virtual: a few in the DOM, each saying its place", async () => {
    atWidth(366);
    show(leads(1_000));

    const list = screen.getByRole("list", { name: "Leads" });
    // The virtualizer lays the cards out once it has measured its scroll box.
    const items = await within(list).findAllByRole("listitem");
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(100);
    expect(items[0]?.getAttribute("aria-setsize")).toBe("1000");
    expect(items[0]?.getAttribute("aria-posinset")).toBe("1");
  });
});
