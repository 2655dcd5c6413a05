import type { TaskCompletion } from "@dealflow/contract";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { CompleteTaskDialog } from "./CompleteTaskDialog.js";

const onSubmit = () => vi.fn<(completion: TaskCompletion) => Promise<void>>(async () => {});

describe("Complete a task", () => {
  it("completes with a blank outcome", async () => {
    const submit = onSubmit();
    renderWithSession(
      <CompleteTaskDialog taskTitle="Call" onSubmit={submit} onCancel={() => {}} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(submit).toHaveBeenCalledWith({ outcome: null });
  });

  it("offers the six outcomes of SPEC §4.3 and sends the one picked", async () => {
    const submit = onSubmit();
    renderWithSession(
      <CompleteTaskDialog taskTitle="Call" onSubmit={submit} onCancel={() => {}} />,
    );
    expect(screen.getAllByRole("radio")).toHaveLength(7);
    await userEvent.click(screen.getByRole("radio", { name: "Promising" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(submit).toHaveBeenCalledWith({ outcome: "promising" });
  });

  it("keeps what happened as a note and sets the person's own next task", async () => {
    const submit = onSubmit();
    renderWithSession(
      <CompleteTaskDialog taskTitle="Call" onSubmit={submit} onCancel={() => {}} />,
    );
    await userEvent.click(screen.getByRole("radio", { name: "Promising" }));
    await userEvent.type(
      screen.getByRole("textbox", { name: "What happened (optional)" }),
      "Wants a quote by Friday",
    );
    await userEvent.click(
      screen.getByRole("checkbox", { name: "Set my own next task instead of the usual follow-up" }),
    );
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Next task" }), "email");
    // Save without a due date names what is missing and sends nothing.
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Required")).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    const due = screen.getByLabelText(/Next task due/);
    await userEvent.type(due, "2030-05-06T10:30");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(submit).toHaveBeenCalledWith({
      outcome: "promising",
      note: "Wants a quote by Friday",
      nextTask: { kind: "email", dueAt: new Date("2030-05-06T10:30").toISOString() },
    });
  });

  it("offers no note for a task outside any opportunity", () => {
    renderWithSession(
      <CompleteTaskDialog
        taskTitle="Call"
        canNote={false}
        onSubmit={onSubmit()}
        onCancel={() => {}}
      />,
    );
    expect(screen.queryByRole("textbox", { name: "What happened (optional)" })).toBeNull();
  });
});
