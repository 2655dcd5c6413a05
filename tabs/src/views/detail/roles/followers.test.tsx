import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiClient } from "../../../api/api-client.js";
import { ApiError, toApiError } from "../../../api/api-error.js";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import {
  CONSENT_REQUIRED_TYPE,
  createDetailApi,
  type PersonMatch,
} from "../../../api/detail-api.js";
import { DetailView } from "../DetailView.js";
import {
  fakeDetailApi,
  manager,
  opportunity,
  renderWithUsers,
  toastSaying,
  typeAtOnce,
} from "../detail.test-support.js";

const CONSENT_URL = "https://login.microsoftonline.com/t1/adminconsent?client_id=app";
const carla: PersonMatch = { id: "oid-carla", name: "Carla Gil", email: "carla@contoso.test" };

/** The detail's fake API with a directory search answering `search` (none by default). */
const withPeople = (
  start = opportunity(),
  search = async (_q: string): Promise<PersonMatch[]> => [],
) => {
  const fake = fakeDetailApi(start);
  return { ...fake, api: { ...fake.api, searchPeople: vi.fn(search) } };
};

const show = (api: Partial<DealflowApi>, me = manager) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api, me });

const followersRegion = () => screen.findByRole("region", { name: "Followers" });
const picker = (region: HTMLElement) =>
  within(region).getByRole("combobox", { name: /User to add as follower/ });
/** The picker's own list (Fluent renders it apart from the combobox). */
const listOf = (combobox: HTMLElement) => {
  const list = document.getElementById(combobox.getAttribute("aria-controls") ?? "");
  if (list === null) throw new Error("the picker's list is not open");
  return within(list);
};
const optionNames = (combobox: HTMLElement) =>
  listOf(combobox)
    .getAllByRole("option")
    .map((option) => option.textContent);

afterEach(() => vi.restoreAllMocks());

describe("Followers", () => {
  it("suggests the active users who do not follow yet first, and adds the one picked", async () => {
    const fake = withPeople(opportunity({ followers: ["u-ana"] }));
    show(fake.api);
    const followers = await followersRegion();
    await userEvent.click(picker(followers));
    // Ana follows already, Marta (signed in) uses Follow, and Olga is no longer active.
    expect(optionNames(picker(followers))).toEqual(["Luis"]);
    expect(listOf(picker(followers)).getByRole("group", { name: "Dealflow users" })).toBeTruthy();

    await userEvent.click(listOf(picker(followers)).getByRole("option", { name: "Luis" }));
    await userEvent.click(within(followers).getByRole("button", { name: "Add follower" }));

    await waitFor(() => expect(fake.api.addFollower).toHaveBeenCalledWith("o1", "u-luis", "v1"));
    expect(await within(followers).findByText("Luis")).toBeTruthy();
    expect(await toastSaying("Luis now follows this opportunity.")).toBeTruthy();
  });

  it("searches the organisation once per pause in typing, after the tenant's users", async () => {
    const directory = [carla, { id: "u-luis", name: "Luis", email: null }];
    const fake = withPeople(opportunity(), async (q) =>
      directory.filter((person) => person.name.toLowerCase().startsWith(q)),
    );
    show(fake.api);
    const followers = await followersRegion();
    await typeAtOnce(picker(followers), "lu");
    await waitFor(() => expect(fake.api.searchPeople).toHaveBeenCalledWith("lu"));
    // Luis is a Dealflow user already: listed once, among them, not again as a stranger.
    expect(await within(followers).findByText(/People found: 1\./)).toBeTruthy();
    expect(optionNames(picker(followers))).toEqual(["Luis"]);

    await userEvent.clear(picker(followers));
    await typeAtOnce(picker(followers), "car");
    const option = await screen.findByRole("option", { name: /Carla Gil/ });
    expect(fake.api.searchPeople).toHaveBeenCalledTimes(2);
    expect(fake.api.searchPeople).toHaveBeenLastCalledWith("car");
    expect(optionNames(picker(followers))).toEqual(["Carla Gil — carla@contoso.test"]);
    expect(
      listOf(picker(followers)).getByRole("group", { name: "Your organisation" }),
    ).toBeTruthy();
    // Nothing is added by picking alone: a stranger needs the explicit button.
    await userEvent.click(option);
    expect(fake.api.addFollower).not.toHaveBeenCalled();
    await userEvent.click(within(followers).getByRole("button", { name: "Add follower" }));

    await waitFor(() =>
      expect(fake.api.addFollower).toHaveBeenCalledWith(
        "o1",
        "oid-carla",
        "v1",
        expect.objectContaining({ name: "Carla Gil", email: "carla@contoso.test" }),
      ),
    );
    expect(await within(followers).findByRole("listitem")).toHaveProperty(
      "textContent",
      expect.stringContaining("Carla Gil"),
    );
    expect(await toastSaying("Carla Gil now follows this opportunity.")).toBeTruthy();
  });

  it("explains missing consent from the 403 itself and opens its admin-consent page, still offering the tenant's users", async () => {
    // The API's own refusal, through the real directory search of the detail API.
    const get = vi.fn(async (_path: string) => {
      throw toApiError(
        403,
        {
          type: CONSENT_REQUIRED_TYPE,
          title: "Consent required",
          status: 403,
          adminConsentUrl: CONSENT_URL,
        },
        "Forbidden",
      );
    });
    const client: ApiClient = { request: vi.fn(), download: vi.fn(), get: get as ApiClient["get"] };
    const fake = withPeople(opportunity(), createDetailApi(client).searchPeople);
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    show(fake.api);
    const followers = await followersRegion();
    await typeAtOnce(picker(followers), "lu");

    expect(
      await within(followers).findByText(
        /Your organisation has not yet allowed Dealflow to search the directory/,
      ),
    ).toBeTruthy();
    expect(within(followers).queryByText(/Consent required|403/)).toBeNull();
    expect(optionNames(picker(followers))).toEqual(["Luis"]);
    await userEvent.click(
      within(followers).getByRole("button", { name: "Open the administrator's consent page" }),
    );
    expect(open).toHaveBeenCalledWith(CONSENT_URL, "_blank", "noopener,noreferrer");
    expect(get.mock.calls.map(([path]) => path)).toEqual(["/api/people?q=lu"]);
  });

  it("says why a search failed otherwise", async () => {
    const fake = withPeople(opportunity(), async () => {
      throw new ApiError(503, "Service unavailable", "Microsoft 365 is not answering.", []);
    });
    show(fake.api);
    await typeAtOnce(picker(await followersRegion()), "car");
    expect(await screen.findByText("Microsoft 365 is not answering.")).toBeTruthy();
  });

  it("removes a follower", async () => {
    const fake = withPeople(opportunity({ followers: ["u-luis"] }));
    show(fake.api);
    const followers = await followersRegion();
    await userEvent.click(within(followers).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(within(followers).getByText("None.")).toBeTruthy());
    expect(fake.api.removeFollower).toHaveBeenCalledWith("o1", "u-luis", "v1");
  });

  it("says plainly when the API refuses for lack of permission", async () => {
    const fake = withPeople(opportunity({ followers: ["u-luis"] }));
    fake.api.removeFollower.mockRejectedValueOnce(
      new ApiError(403, "Forbidden", "Only the owner or a manager removes followers.", []),
    );
    show(fake.api);
    const followers = await followersRegion();
    await userEvent.click(within(followers).getByRole("button", { name: "Remove" }));
    expect(
      await screen.findByText(
        "Not allowed: only the owner of this opportunity or a manager can do this. (Only the owner or a manager removes followers.)",
      ),
    ).toBeTruthy();
    expect(within(followers).getByText("Luis")).toBeTruthy();
  });

  it("lets a reader only follow or unfollow themselves", async () => {
    // As the server answers it to Ana, a seller who follows Luis's opportunity: not hers to edit.
    const luis = {
      ownerId: "u-luis",
      followers: ["u-ana", "u-luis"],
      permissions: { edit: false },
    };
    const fake = withPeople(opportunity(luis));
    show(fake.api, { ...manager, id: "u-ana", name: "Ana", role: "seller" });
    const followers = await followersRegion();
    expect(within(followers).queryByRole("button", { name: "Remove" })).toBeNull();
    expect(within(followers).queryByRole("combobox")).toBeNull();
    expect(screen.getByRole("button", { name: "Unfollow" })).toBeTruthy();
  });
});
