import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import { DetailView } from "../DetailView.js";
import {
  fakeDetailApi,
  opportunity,
  renderWithUsers,
  toastSaying,
} from "../detail.test-support.js";
import { parseAmount } from "./opportunity-form.js";

const show = (api: Partial<DealflowApi>) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api });

const openEdit = async () => {
  await userEvent.click(await screen.findByRole("button", { name: "Edit" }));
  return screen.findByRole("dialog", { name: "Edit opportunity" });
};

const replace = async (field: HTMLElement, text: string) => {
  await userEvent.clear(field);
  if (text !== "") await userEvent.type(field, text);
};

describe("Edit the opportunity", () => {
  it("saves the title, value, source and tags it changed, with the version it read", async () => {
    const fake = fakeDetailApi(opportunity({ title: "Web redesign", value: null, tags: [] }));
    show(fake.api);
    const dialog = await openEdit();
    await replace(within(dialog).getByRole("textbox", { name: "Title" }), "Web redesign 2027");
    await replace(within(dialog).getByRole("textbox", { name: "Value" }), "12.500,50");
    await replace(within(dialog).getByRole("textbox", { name: "Currency" }), "usd");
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: "Source" }),
      "referral",
    );
    await replace(within(dialog).getByRole("textbox", { name: /^Tags/ }), "VIP, retail");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() =>
      expect(fake.api.editOpportunity).toHaveBeenCalledWith(
        "o1",
        {
          title: "Web redesign 2027",
          value: { amount: 12500.5, currency: "USD" },
          source: "referral",
          tags: ["VIP", "retail"],
        },
        "v1",
      ),
    );
    expect(await toastSaying("Saved")).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Web redesign 2027" })).toBeTruthy();
  });

  it("sends nothing when nothing changed, and refuses an amount it cannot read", async () => {
    const fake = fakeDetailApi(opportunity());
    show(fake.api);
    let dialog = await openEdit();
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    dialog = await openEdit();
    await replace(within(dialog).getByRole("textbox", { name: "Value" }), "a lot");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText(/Enter an amount/)).toBeTruthy();
    expect(fake.api.editOpportunity).not.toHaveBeenCalled();
  });

  it("on a stale version keeps the user's edit on the current one, names what changed, and saves again", async () => {
    const fake = fakeDetailApi(opportunity({ title: "Web redesign", campaign: null }));
    show(fake.api);
    const dialog = await openEdit();
    await replace(within(dialog).getByRole("textbox", { name: "Title" }), "Mine");
    fake.changeBehindTheScenes({ campaign: "Spring fair" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    expect(
      await within(dialog).findByText(/Someone else saved this opportunity meanwhile \(campaign\)/),
    ).toBeTruthy();
    expect((within(dialog).getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe(
      "Mine",
    );
    expect(
      (within(dialog).getByRole("textbox", { name: "Campaign" }) as HTMLInputElement).value,
    ).toBe("Spring fair");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(fake.api.editOpportunity).toHaveBeenLastCalledWith("o1", { title: "Mine" }, "v2"),
    );
  });

  it("is offered only to who may edit", async () => {
    show(fakeDetailApi(opportunity({ permissions: { edit: false } })).api);
    await screen.findByRole("heading", { name: /./, level: 1 });
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
  });

  it.each([
    ["12500", 12500],
    ["12.500", 12500],
    ["12,500.75", 12500.75],
    ["12.500,5", 12500.5],
    ["1 200", 1200],
    ["-5", null],
    ["12e3", null],
  ])("reads the amount %s as %s", (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });
});
