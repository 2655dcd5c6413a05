import type { TaskOutcome } from "@dealflow/contract";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { CompleteTaskDialog } from "./CompleteTaskDialog.js";

const onSubmit = () => vi.fn<(outcome: TaskOutcome | null) => Promise<void>>(async () => {});

describe("Complete a task", () => {
  it("completes with a blank outcome", async () => {
    const submit = onSubmit();
    renderWithSession(
      <CompleteTaskDialog taskTitle="Call" onSubmit={submit} onCancel={() => {}} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(submit).toHaveBeenCalledWith(null);
  });

  it("offers the six outcomes of SPEC §4.3 and sends the one picked", async () => {
    const submit = onSubmit();
    renderWithSession(
      <CompleteTaskDialog taskTitle="Call" onSubmit={submit} onCancel={() => {}} />,
    );
    expect(screen.getAllByRole("radio")).toHaveLength(7);
    await userEvent.click(screen.getByRole("radio", { name: "Promising" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(submit).toHaveBeenCalledWith("promising");
  });
});
