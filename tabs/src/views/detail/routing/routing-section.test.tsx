import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/api-error.js";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import type { Offer, RoutingTarget } from "../../../api/routing-api.js";
import { renderWithSession, seller } from "../../../test/render-with-session.js";
import { marketplaceOpportunity } from "../../marketplace/marketplace.test-support.js";
import { NOW, offer } from "../../offers/offers.test-support.js";
import { RoutingSection } from "./RoutingSection.js";

const manager = { ...seller, id: "u-marta", name: "Marta", role: "manager" as const };
const opportunity: Opportunity = {
  ...marketplaceOpportunity({}, "o-1"),
  title: "Web shop for Navarro Abogados",
  marketplace: null,
};

const target = (id: string, name: string, over: Partial<RoutingTarget> = {}): RoutingTarget => ({
  id,
  name,
  type: "agency",
  level: "gold",
  country: "ES",
  primaryLanguage: "es",
  secondaryLanguages: [],
  services: ["web"],
  active: true,
  rating: 4.5,
  reviewCount: 3,
  completedProjects: 7,
  userId: `u-${id}`,
  ...over,
});

/** The routing API of one opportunity whose offers are `stored` (the server's list). */
const routingApi = (stored: Offer[]) => {
  let offers = stored;
  const api = {
    opportunityOffers: vi.fn(async () => offers),
    activeRoutingTargets: vi.fn(async () => [
      target("t-ana", "Ana Partners"),
      target("t-luis", "Luis Studio", { type: "freelancer", level: "silver" }),
    ]),
    routeOpportunity: vi.fn(async (_id: string, request: { mode: string; targetId?: string }) => {
      const sent = offer({
        id: `of-${offers.length + 1}`,
        mode: request.mode === "manual" ? "manual" : "automatic",
        targetId: request.targetId ?? "t-ana",
        targetName: request.targetId === "t-luis" ? "Luis Studio" : "Ana Partners",
      });
      offers = [sent, ...offers];
      return [sent];
    }),
  } satisfies Partial<DealflowApi>;
  return api;
};

const show = (api: Partial<DealflowApi>, onRouted = vi.fn(async () => {})) => {
  renderWithSession(<RoutingSection opportunity={opportunity} onRouted={onRouted} />, {
    api,
    me: manager,
  });
  return onRouted;
};

const region = () => screen.findByRole("region", { name: "Routing" });
const offerList = () => screen.findByRole("list", { name: "Offers of this opportunity" });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the detail's Routing section", () => {
  it("lists the opportunity's offers: target, status in words, the pending one's countdown", async () => {
    const declined = offer({
      id: "of-old",
      targetName: "Luis Studio",
      mode: "automatic",
      status: "declined",
      answeredAt: "2026-03-01T10:00:00.000Z",
    });
    show(routingApi([offer(), declined]));
    const items = within(await offerList()).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Ana PartnersPending · ManualExpires in 3d (5 Mar 2026, 09:00)",
      "Luis StudioDeclined (1 Mar 2026, 10:00) · Automatic",
    ]);
  });

  it("routes automatically, says how many offers went out and shows them", async () => {
    const api = routingApi([]);
    const onRouted = show(api);
    const section = await region();
    expect(
      await within(section).findByText("No offer has been sent for this opportunity."),
    ).toBeTruthy();
    await userEvent.click(within(section).getByRole("button", { name: "Route automatically" }));
    await waitFor(() =>
      expect(api.routeOpportunity).toHaveBeenCalledWith("o-1", { mode: "automatic" }),
    );
    expect(await within(section).findByText("Offers sent: 1.")).toBeTruthy();
    expect(within(await offerList()).getByText("Ana Partners")).toBeTruthy();
    expect(onRouted).toHaveBeenCalled();
  });

  it("routes to the one target picked in the dialog", async () => {
    const api = routingApi([]);
    show(api);
    await userEvent.click(within(await region()).getByRole("button", { name: "Route to…" }));
    const dialog = await screen.findByRole("dialog", {
      name: "Route Web shop for Navarro Abogados to one target",
    });
    const picker = await within(dialog).findByRole("combobox", { name: /Target/ });
    // Waits: on a busy runner the options' accessible names are computed after the picker shows.
    expect(
      await within(picker).findByRole("option", { name: "Luis Studio (freelancer, silver)" }),
    ).toBeTruthy();
    await userEvent.selectOptions(picker, "t-luis");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(api.routeOpportunity).toHaveBeenCalledWith("o-1", {
        mode: "manual",
        targetId: "t-luis",
      }),
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(within(await offerList()).getByRole("listitem").textContent).toContain("Luis Studio");
  });

  it("asks for a target before sending, and shows the API's refusal with its field", async () => {
    const api = routingApi([]);
    api.routeOpportunity.mockRejectedValueOnce(
      new ApiError(400, "Bad Request", "The request is invalid.", [
        { path: "targetId", message: "is not an active target with a user" },
      ]),
    );
    show(api);
    await userEvent.click(within(await region()).getByRole("button", { name: "Route to…" }));
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByRole("combobox", { name: /Target/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("Required")).toBeTruthy();
    expect(api.routeOpportunity).not.toHaveBeenCalled();

    await userEvent.selectOptions(within(dialog).getByRole("combobox"), "t-ana");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert.textContent).toContain("targetId: is not an active target with a user");
  });

  it("reads the offers from GET /api/opportunities/{id}/offers, newest first", async () => {
    const older = offer({
      id: "of-old",
      targetName: "Luis Studio",
      sentAt: "2026-03-01T09:00:00.000Z",
    });
    const api = routingApi([older, offer()]);
    show(api);
    const items = within(await offerList()).getAllByRole("listitem");
    expect(items.map((item) => item.getAttribute("data-offer-id"))).toEqual(["of-1", "of-old"]);
    expect(api.opportunityOffers).toHaveBeenCalledWith("o-1");
  });

  it("says why the offers cannot be read, and still shows the ones it sends", async () => {
    const api = routingApi([]);
    api.opportunityOffers.mockRejectedValue(
      new ApiError(503, "Service unavailable", "Storage is busy.", []),
    );
    show(api);
    const section = await region();
    expect((await within(section).findByRole("alert")).textContent).toContain("Storage is busy.");
    expect(within(section).queryByText(/earlier offers/)).toBeNull();
    await userEvent.click(within(section).getByRole("button", { name: "Route automatically" }));
    expect(within(await offerList()).getByText("Ana Partners")).toBeTruthy();
  });

  it("routes nothing once the opportunity is closed", async () => {
    renderWithSession(
      <RoutingSection opportunity={{ ...opportunity, status: "won" }} onRouted={async () => {}} />,
      { api: routingApi([]), me: manager },
    );
    const section = await region();
    expect(within(section).getByText("Closed opportunities are not routed.")).toBeTruthy();
    const automatic = within(section).getByRole("button", { name: "Route automatically" });
    expect(automatic.hasAttribute("disabled")).toBe(true);
  });
});
