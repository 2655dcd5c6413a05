import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/api-error.js";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import { DetailView } from "../DetailView.js";
import { fakeDetailApi, manager, opportunity, renderWithUsers } from "../detail.test-support.js";

const show = (api: Partial<DealflowApi>, me = manager) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api, me });

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((option) => option.textContent);

describe("Followers", () => {
  it("offers the active users who do not follow yet, and adds the one picked", async () => {
    const fake = fakeDetailApi(opportunity({ followers: ["u-ana"] }));
    show(fake.api);
    const followers = await screen.findByRole("region", { name: "Followers" });
    const picker = within(followers).getByRole("combobox", { name: "User to add as follower" });
    // Ana follows already, Marta (signed in) uses Follow, and Olga is no longer active.
    expect(options(picker)).toEqual(["Choose a user", "Luis"]);

    await userEvent.selectOptions(picker, "u-luis");
    await userEvent.click(within(followers).getByRole("button", { name: "Add follower" }));

    await waitFor(() => expect(fake.api.addFollower).toHaveBeenCalledWith("o1", "u-luis", "v1"));
    expect(await within(followers).findByText("Luis")).toBeTruthy();
    expect(screen.getByText("Luis now follows this opportunity.")).toBeTruthy();
  });

  it("removes a follower", async () => {
    const fake = fakeDetailApi(opportunity({ followers: ["u-luis"] }));
    show(fake.api);
    const followers = await screen.findByRole("region", { name: "Followers" });
    await userEvent.click(within(followers).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(within(followers).getByText("None.")).toBeTruthy());
    expect(fake.api.removeFollower).toHaveBeenCalledWith("o1", "u-luis", "v1");
  });

  it("says plainly when the API refuses for lack of permission", async () => {
    const fake = fakeDetailApi(opportunity({ followers: ["u-luis"] }));
    fake.api.removeFollower.mockRejectedValueOnce(
      new ApiError(403, "Forbidden", "Only the owner or a manager removes followers.", []),
    );
    show(fake.api);
    const followers = await screen.findByRole("region", { name: "Followers" });
    await userEvent.click(within(followers).getByRole("button", { name: "Remove" }));
    expect(
      await screen.findByText(
        "Not allowed: only the owner of this opportunity or a manager can do this. (Only the owner or a manager removes followers.)",
      ),
    ).toBeTruthy();
    expect(within(followers).getByText("Luis")).toBeTruthy();
  });

  it("lets a reader only follow or unfollow themselves", async () => {
    const fake = fakeDetailApi(opportunity({ ownerId: "u-luis", followers: ["u-ana", "u-luis"] }));
    show(fake.api, { ...manager, id: "u-ana", name: "Ana", role: "seller" });
    const followers = await screen.findByRole("region", { name: "Followers" });
    expect(within(followers).queryByRole("button", { name: "Remove" })).toBeNull();
    expect(within(followers).queryByRole("combobox")).toBeNull();
    expect(screen.getByRole("button", { name: "Unfollow" })).toBeTruthy();
  });
});
