import type { NewOpportunity } from "@dealflow/contract";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { manager, renderWithUsers } from "../detail/detail.test-support.js";
import { NewOpportunityDialog } from "./NewOpportunityDialog.js";

describe("New opportunity", () => {
  it("requires the contact name and the source", async () => {
    const onSubmit = vi.fn<(input: NewOpportunity) => Promise<void>>(async () => {});
    renderWithSession(<NewOpportunityDialog onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText("Required")).toHaveLength(2);
  });

  it("creates the opportunity with its next task; a seller is not offered an owner", async () => {
    const onSubmit = vi.fn<(input: NewOpportunity) => Promise<void>>(async () => {});
    renderWithSession(<NewOpportunityDialog onSubmit={onSubmit} onCancel={() => {}} />);
    expect(screen.queryByRole("combobox", { name: "Owner" })).toBeNull();
    await userEvent.type(screen.getByRole("textbox", { name: /Contact name/ }), "Eva Ruiz");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Source/ }), "referral");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Next task" }), "call");
    const due = screen.getByLabelText(/Next task due/);
    await userEvent.type(due, "2026-05-04T10:30");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledWith({
      contact: { name: "Eva Ruiz" },
      source: "referral",
      nextTask: { kind: "call", dueAt: new Date("2026-05-04T10:30").toISOString() },
    });
  });

  it("offers a manager the tenant's active users as owners", async () => {
    const onSubmit = vi.fn<(input: NewOpportunity) => Promise<void>>(async () => {});
    renderWithUsers(<NewOpportunityDialog onSubmit={onSubmit} onCancel={() => {}} />, {
      me: manager,
    });
    const owner = screen.getByRole("combobox", { name: "Owner" });
    const names = Array.from((owner as HTMLSelectElement).options, (option) => option.text);
    // Olga no longer works here: nothing new is handed to her.
    expect(names).toEqual(["Ana", "Luis", "Marta"]);
    expect((owner as HTMLSelectElement).value).toBe("u-marta");
    await userEvent.type(screen.getByRole("textbox", { name: /Contact name/ }), "Eva Ruiz");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Source/ }), "referral");
    await userEvent.selectOptions(owner, "u-luis");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledWith({
      contact: { name: "Eva Ruiz" },
      source: "referral",
      ownerId: "u-luis",
    });
  });
});
