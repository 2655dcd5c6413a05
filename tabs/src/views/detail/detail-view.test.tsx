import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { DetailView } from "./DetailView.js";
import { fakeDetailApi, opportunity, renderWithUsers, toastSaying } from "./detail.test-support.js";

const show = (api: Partial<DealflowApi>) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api });

describe("the opportunity detail", () => {
  it("says why it could not be read, with Retry, and shows the opportunity once Retry reads it", async () => {
    const fake = fakeDetailApi(opportunity());
    const read = fake.api.opportunity;
    const opportunityRead = vi
      .fn<typeof read>()
      .mockRejectedValueOnce(new ApiError(503, "Service Unavailable", "Storage is busy.", []))
      .mockImplementation(read);
    show({ ...fake.api, opportunity: opportunityRead });

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Storage is busy.");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Navarro Abogados" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("heads the page with the title, the stage and the owner", async () => {
    show(fakeDetailApi(opportunity({ stage: "proposal" })).api);

    const heading = await screen.findByRole("heading", { level: 1 });
    const header = heading.closest("header");
    expect(heading.textContent).toBe("Navarro Abogados");
    expect(header?.textContent).toContain("proposal");
    expect(header?.textContent).toContain("Owner: Ana");
  });

  it("follows with one click and takes it back from the toast's Undo", async () => {
    let current: Opportunity = opportunity({ ownerId: "u-luis", followers: [] });
    const fake = fakeDetailApi(current);
    const follow = vi.fn(async (_id: string, on: boolean, _etag: string | null) => {
      current = { ...current, followers: on ? ["u-ana"] : [] };
      return { data: current, etag: "v2" };
    });
    show({ ...fake.api, opportunity: vi.fn(async () => ({ data: current, etag: "v2" })), follow });

    await userEvent.click(await screen.findByRole("button", { name: "Follow" }));
    const toast = await toastSaying("You follow this opportunity.");
    expect(await screen.findByRole("button", { name: "Unfollow" })).toBeTruthy();
    await userEvent.click(within(toast).getByRole("button", { name: "Undo" }));

    await waitFor(() => expect(follow).toHaveBeenLastCalledWith("o1", false, null));
    expect(await screen.findByRole("button", { name: "Follow" })).toBeTruthy();
  });
});
