import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/api-error.js";
import type { RoutingTarget } from "../../../api/routing-api.js";
import type {
  NewRoutingTarget,
  RoutingTargetInput,
  TargetReview,
} from "../../../api/settings-api.js";
import { renderSettings } from "../settings-fixture.js";

const nordic: RoutingTarget = {
  id: "t-nordic",
  name: "Nordic Studio",
  type: "agency",
  level: "gold",
  country: "ES",
  primaryLanguage: "es",
  secondaryLanguages: ["en"],
  services: ["shopify", "seo"],
  active: true,
  rating: 4.5,
  reviewCount: 12,
  completedProjects: 30,
  userId: "u-luis",
};

const written = (id: string, input: Partial<RoutingTargetInput>, etag: string) => ({
  data: { ...nordic, rating: 0, reviewCount: 0, completedProjects: 0, ...input, id },
  etag,
});

const catalogApi = (targets: RoutingTarget[] = [nordic]) => ({
  routingCatalog: vi.fn(async () => targets),
  createRoutingTarget: vi.fn(async (input: NewRoutingTarget) => written("t-new", input, 'W/"n1"')),
  updateRoutingTarget: vi.fn(
    async (id: string, input: RoutingTargetInput, _ifMatch: string | null) =>
      written(id, input, 'W/"u1"'),
  ),
  deactivateRoutingTarget: vi.fn(async (id: string, _ifMatch: string | null) =>
    written(id, { ...nordic, active: false }, 'W/"d1"'),
  ),
  targetReviews: vi.fn(async (_targetId: string, _cursor: string | null) => ({
    items: [] as TargetReview[],
    nextCursor: null as string | null,
  })),
});

const openTargets = async () => {
  await userEvent.click(await screen.findByRole("tab", { name: "Routing targets" }));
  return screen.getByRole("tabpanel");
};

const rowOf = async (panel: HTMLElement, name: string) =>
  (await within(panel).findByRole("cell", { name })).closest("tr") as HTMLElement;

describe("Settings › Routing targets", () => {
  it("lists each target with its languages, rating, projects and linked user", async () => {
    renderSettings(catalogApi());
    const panel = await openTargets();
    const row = await rowOf(panel, "Nordic Studio");
    const cells = within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 10)).toEqual([
      "Nordic Studio",
      "Agency",
      "Gold",
      "ES",
      "es (primary), en",
      "shopify, seo",
      "Active",
      "4.5 of 5 · 12 reviews",
      "30",
      "Luis",
    ]);
    // No settings Save bar: targets are written one by one.
    expect(screen.queryByText("No unsaved changes.")).toBeNull();
  });

  it("adds a target linked to a user, sending the fields typed", async () => {
    const api = catalogApi([]);
    renderSettings(api);
    const panel = await openTargets();
    expect(await within(panel).findByText("No routing targets yet.")).toBeTruthy();
    await userEvent.click(within(panel).getByRole("button", { name: "Add routing target" }));
    const dialog = await screen.findByRole("dialog", { name: "Add routing target" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: /^Name/ }), "Ana García");
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: "Type" }),
      "internal",
    );
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Primary language/ }), "es");
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: /Other languages/ }),
      "en, fr, en, ES",
    );
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Services/ }), "seo, ads");
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: "Linked user" }),
      "u-ana",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(api.createRoutingTarget).toHaveBeenCalledWith({
      name: "Ana García",
      type: "internal",
      level: "none",
      country: null,
      primaryLanguage: "es",
      secondaryLanguages: ["en", "fr"],
      services: ["seo", "ads"],
      userId: "u-ana",
      active: true,
    });
    expect(await within(panel).findByText("Ana García added.")).toBeTruthy();
    expect(await rowOf(panel, "Ana García")).toBeTruthy();
  });

  it("edits a target with the version it wrote (If-Match), keeping the reviews' numbers", async () => {
    const api = catalogApi();
    renderSettings(api);
    const panel = await openTargets();
    await userEvent.click(await within(panel).findByRole("button", { name: "Edit Nordic Studio" }));
    const dialog = await screen.findByRole("dialog", {
      name: "Edit routing target Nordic Studio",
    });
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: "Level" }),
      "platinum",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(panel).findByText("Nordic Studio saved.")).toBeTruthy();
    // Read from the list: no version known yet, the server checks against what it just read.
    expect(api.updateRoutingTarget).toHaveBeenCalledWith(
      "t-nordic",
      {
        name: "Nordic Studio",
        type: "agency",
        level: "platinum",
        country: "ES",
        primaryLanguage: "es",
        secondaryLanguages: ["en"],
        services: ["shopify", "seo"],
        userId: "u-luis",
        active: true,
        rating: 4.5,
        reviewCount: 12,
        completedProjects: 30,
      },
      null,
    );
    // The next write names the version the edit answered.
    await userEvent.click(
      await within(panel).findByRole("button", { name: "Deactivate Nordic Studio" }),
    );
    expect(api.deactivateRoutingTarget).toHaveBeenCalledWith("t-nordic", 'W/"u1"');
  });

  it("reloads the list when someone else changed the target meanwhile (412)", async () => {
    const api = catalogApi();
    api.updateRoutingTarget.mockRejectedValueOnce(
      new ApiError(412, "Precondition Failed", null, []),
    );
    renderSettings(api);
    const panel = await openTargets();
    await userEvent.click(await within(panel).findByRole("button", { name: "Edit Nordic Studio" }));
    const dialog = await screen.findByRole("dialog", { name: /Edit routing target/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(
      await within(panel).findByText(/Someone else changed Nordic Studio meanwhile/),
    ).toBeTruthy();
    expect(api.routingCatalog).toHaveBeenCalledTimes(2);
  });

  it("shows the server's validation errors on their fields and keeps the dialog open", async () => {
    const api = catalogApi();
    api.updateRoutingTarget.mockRejectedValueOnce(
      new ApiError(400, "Bad Request", "Invalid request", [
        { path: "services.1", message: "must be at most 100 characters" },
        { path: "userId", message: "is not an active user of this tenant" },
      ]),
    );
    renderSettings(api);
    const panel = await openTargets();
    await userEvent.click(await within(panel).findByRole("button", { name: "Edit Nordic Studio" }));
    const dialog = await screen.findByRole("dialog", { name: /Edit routing target/ });
    const primary = within(dialog).getByRole("textbox", { name: /Primary language/ });
    await userEvent.clear(primary);
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(within(dialog).getByText("Required")).toBeTruthy();
    expect(api.updateRoutingTarget).not.toHaveBeenCalled();
    await userEvent.type(primary, "es");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("must be at most 100 characters")).toBeTruthy();
    expect(within(dialog).getByText("is not an active user of this tenant")).toBeTruthy();
    expect(
      within(dialog)
        .getByRole("textbox", { name: /Services/ })
        .getAttribute("aria-invalid"),
    ).toBe("true");
  });

  it("deactivates a target, then reactivates it", async () => {
    const api = catalogApi();
    renderSettings(api);
    const panel = await openTargets();
    await userEvent.click(
      await within(panel).findByRole("button", { name: "Deactivate Nordic Studio" }),
    );
    expect(api.deactivateRoutingTarget).toHaveBeenCalledWith("t-nordic", null);
    expect(await within(panel).findByText(/Nordic Studio deactivated/)).toBeTruthy();
    expect(within(await rowOf(panel, "Nordic Studio")).getByText("Inactive")).toBeTruthy();
    await userEvent.click(within(panel).getByRole("button", { name: "Reactivate Nordic Studio" }));
    expect(api.updateRoutingTarget).toHaveBeenCalledWith(
      "t-nordic",
      expect.objectContaining({ active: true, rating: 4.5 }),
      'W/"d1"',
    );
    expect(await within(panel).findByText("Nordic Studio receives offers again.")).toBeTruthy();
  });

  it("lists a target's reviews with stars in words, a page at a time", async () => {
    const api = catalogApi();
    const review = (id: string, stars: number, text: string | null): TargetReview => ({
      id,
      opportunityId: `o-${id}`,
      opportunityTitle: id === "r3" ? null : `Shop ${id}`,
      targetId: "t-nordic",
      stars,
      text,
      createdAt: "2026-11-02T10:00:00Z",
    });
    api.targetReviews
      .mockResolvedValueOnce({ items: [review("r1", 4, "Quick and clear.")], nextCursor: "c2" })
      .mockResolvedValueOnce({ items: [review("r3", 1, null)], nextCursor: null });
    renderSettings(api);
    const panel = await openTargets();
    await userEvent.click(
      await within(panel).findByRole("button", { name: "Reviews of Nordic Studio" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Reviews of Nordic Studio" });
    expect(api.targetReviews).toHaveBeenCalledWith("t-nordic", null);
    expect(await within(dialog).findByText("4 of 5 stars")).toBeTruthy();
    expect(within(dialog).getByText("Quick and clear.")).toBeTruthy();
    expect(within(dialog).getByRole("link", { name: "Shop r1" }).getAttribute("href")).toBe(
      "#/opportunities/o-r1",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Show more reviews" }));
    expect(api.targetReviews).toHaveBeenLastCalledWith("t-nordic", "c2");
    expect(await within(dialog).findByText("1 of 5 stars")).toBeTruthy();
    expect(within(dialog).getByText("No comment.")).toBeTruthy();
    expect(within(dialog).getByRole("link", { name: "Opportunity o-r3" })).toBeTruthy();
    expect(within(dialog).queryByRole("button", { name: "Show more reviews" })).toBeNull();
  });
});
