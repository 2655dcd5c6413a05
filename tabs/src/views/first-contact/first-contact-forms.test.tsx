import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { FirstContactAction } from "../../api/first-contact-action.js";
import { renderWithSession, testSettings } from "../../test/render-with-session.js";
import { DiscardDialog } from "./DiscardDialog.js";
import { ReadyForProposalDialog } from "./ReadyForProposalDialog.js";
import { SecondContactDialog } from "./SecondContactDialog.js";

const submitted = () => vi.fn<(action: FirstContactAction) => Promise<void>>(async () => {});

describe("first-contact forms", () => {
  it("sends what was learned when ready for proposal, blanks as null", async () => {
    const onSubmit = submitted();
    renderWithSession(
      <ReadyForProposalDialog contactName="Lucía" onSubmit={onSubmit} onCancel={() => {}} />,
    );
    await userEvent.type(screen.getByRole("textbox", { name: "Needs" }), "A new website");
    await userEvent.type(screen.getByRole("textbox", { name: "Budget" }), "5000 EUR");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledWith({
      action: "ready-for-proposal",
      needs: "A new website",
      budget: "5000 EUR",
      timing: null,
      notes: null,
    });
  });

  it("schedules the second contact after 24 h unless 48 h or 72 h is picked", async () => {
    const onSubmit = submitted();
    renderWithSession(
      <SecondContactDialog contactName="Lucía" onSubmit={onSubmit} onCancel={() => {}} />,
    );
    expect(screen.getByRole("radio", { name: "24 h (your team's usual)" })).toHaveProperty(
      "checked",
      true,
    );
    await userEvent.click(screen.getByRole("radio", { name: "48 h" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledWith({ action: "second-contact", delayHours: 48 });
  });

  it("offers the team's configured delay first and picked, the usual ones a click away", async () => {
    const onSubmit = submitted();
    const durations = { ...testSettings.durations, secondContactDelayMinutes: 36 * 60 };
    renderWithSession(
      <SecondContactDialog contactName="Lucía" onSubmit={onSubmit} onCancel={() => {}} />,
      { settings: { ...testSettings, durations } },
    );
    const radios = screen.getAllByRole("radio").map((radio) => radio.getAttribute("value"));
    expect(radios).toEqual(["36", "24", "48", "72"]);
    expect(screen.getByRole("radio", { name: "36 h (your team's usual)" })).toHaveProperty(
      "checked",
      true,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledWith({ action: "second-contact", delayHours: 36 });
  });

  it("refuses to discard without a reason", async () => {
    const onSubmit = submitted();
    renderWithSession(
      <DiscardDialog
        contactName="Lucía"
        reasons={testSettings.discardReasons}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Required")).toBeTruthy();
  });

  it("asks for a text when the reason is other", async () => {
    const onSubmit = submitted();
    renderWithSession(
      <DiscardDialog
        contactName="Lucía"
        reasons={testSettings.discardReasons}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole("radio", { name: "Other" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(screen.getByRole("textbox", { name: /Describe the reason/ }), "Moved");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledWith({ action: "discard", reason: "other", notes: "Moved" });
  });

  it("shows the failing field paths of a problem+json answer", async () => {
    const { ApiError } = await import("../../api/api-error.js");
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, "Invalid request", "The request is not valid", [
        { path: "needs", message: "Too long" },
      ]);
    });
    renderWithSession(
      <ReadyForProposalDialog contactName="Lucía" onSubmit={onSubmit} onCancel={() => {}} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toContain("needs: Too long");
  });
});
