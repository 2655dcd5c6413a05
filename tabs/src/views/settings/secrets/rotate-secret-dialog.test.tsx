import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/api-error.js";
import { renderWithSession } from "../../../test/render-with-session.js";
import { RotateSecretDialog } from "./RotateSecretDialog.js";

type Made = { secret: string; path: string };

const renderDialog = (rotate: () => Promise<Made>, confirm = false) => {
  const onRotated = vi.fn();
  const onClose = vi.fn();
  renderWithSession(
    <StrictMode>
      <RotateSecretDialog
        name="Website"
        confirm={
          confirm
            ? { title: "Replace the secret of Website?", warning: "It stops.", action: "Replace" }
            : null
        }
        title="Secret of Website"
        once="Copy it now: you will not see it again."
        rotate={rotate}
        onRotated={onRotated}
        onClose={onClose}
        details={(made) => <p>Posts to {made.path}</p>}
      />
    </StrictMode>,
  );
  return { onRotated, onClose };
};

const made = (): Promise<Made> => Promise.resolve({ secret: "s3cr3t", path: "/api/intake/web" });

describe("RotateSecretDialog", () => {
  it("makes one secret at once when nothing is to be asked, and copies it", async () => {
    const user = userEvent.setup();
    const rotate = vi.fn(made);
    const { onRotated } = renderDialog(rotate);
    const dialog = await screen.findByRole("alertdialog", { name: "Secret of Website" });
    expect(rotate).toHaveBeenCalledTimes(1);
    expect(onRotated).toHaveBeenCalledWith({ secret: "s3cr3t", path: "/api/intake/web" });
    expect(within(dialog).getByText("Posts to /api/intake/web")).toBeTruthy();
    expect(within(dialog).getByText(/you will not see it again/)).toBeTruthy();
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith("s3cr3t");
    expect(within(dialog).getByRole("status").textContent).toBe("Copied to the clipboard.");
  });

  it("says so when the clipboard is refused, and leaves the secret to copy by hand", async () => {
    const user = userEvent.setup();
    renderDialog(made);
    const dialog = await screen.findByRole("alertdialog", { name: "Secret of Website" });
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("NotAllowedError"));
    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(within(dialog).getByRole("status").textContent).toBe(
      "Could not copy: select the secret and copy it by hand.",
    );
    expect(within(dialog).getByRole("textbox", { name: "Secret" })).toHaveProperty(
      "value",
      "s3cr3t",
    );
  });

  it("cannot be closed while the secret is being made, says why it failed and tries again", async () => {
    const user = userEvent.setup();
    let refuse: (reason: unknown) => void = () => {};
    const rotate = vi
      .fn<() => Promise<Made>>()
      .mockImplementationOnce(() => new Promise((_resolve, reject) => (refuse = reject)))
      .mockImplementationOnce(made);
    const { onClose } = renderDialog(rotate);
    const dialog = await screen.findByRole("alertdialog", {
      name: "Creating a secret for Website",
    });
    await user.keyboard("{Escape}");
    expect(onClose).not.toHaveBeenCalled();
    refuse(new ApiError(503, "Service Unavailable", "Storage is unavailable", []));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(
      "Storage is unavailable",
    );
    await user.click(within(dialog).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("alertdialog", { name: "Secret of Website" })).toBeTruthy();
    expect(rotate).toHaveBeenCalledTimes(2);
  });

  it("stays visible to assistive technology while open, focus on its least destructive choice", async () => {
    renderDialog(made, true);
    const dialog = await screen.findByRole("alertdialog", {
      name: "Replace the secret of Website?",
    });
    // Tabster re-applies aria-hidden to everything outside the active modal 250 ms after the
    // DOM changes: a dialog it does not take for the active one would be hidden by then.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.getByRole("alertdialog", { name: "Replace the secret of Website?" })).toBe(
      dialog,
    );
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
  });

  it("asks first when a secret may be in use, and makes none when cancelled", async () => {
    const user = userEvent.setup();
    const rotate = vi.fn(made);
    const { onClose } = renderDialog(rotate, true);
    const dialog = await screen.findByRole("alertdialog", {
      name: "Replace the secret of Website?",
    });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalled();
    expect(rotate).not.toHaveBeenCalled();
  });
});
