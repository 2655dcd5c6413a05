import type { Task } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import { DetailView } from "../DetailView.js";
import {
  fakeDetailApi,
  opportunity,
  renderWithUsers,
  task,
  toastSaying,
} from "../detail.test-support.js";
import { orderTasks } from "./order-tasks.js";

const TASKS: Task[] = [
  task({ id: "late", title: "Send proposal", dueAt: "2026-03-09T10:00:00.000Z" }),
  task({
    id: "old",
    title: "First contact",
    status: "done",
    outcome: "promising",
    dueAt: "2026-03-01T10:00:00.000Z",
    completedAt: "2026-03-01T11:00:00.000Z",
  }),
  task({
    id: "dropped",
    title: "Meeting",
    status: "cancelled",
    dueAt: "2026-03-02T10:00:00.000Z",
    completedAt: "2026-03-02T08:00:00.000Z",
  }),
  task({ id: "soon", title: "Call back", dueAt: "2026-03-03T10:00:00.000Z", ownerId: "u-luis" }),
];

const show = (api: Partial<DealflowApi>) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api });

describe("orderTasks", () => {
  it("puts open tasks first, soonest due first, then closed ones, latest closed first", () => {
    const { open, closed } = orderTasks(TASKS);
    expect(open.map((t) => t.id)).toEqual(["soon", "late"]);
    expect(closed.map((t) => t.id)).toEqual(["dropped", "old"]);
  });
});

describe("the detail's tasks", () => {
  it("lists what is to do, then what is over, with owner and outcome in words", async () => {
    show(fakeDetailApi(opportunity(), { tasks: TASKS }).api);
    const toDo = await screen.findByRole("list", { name: "To do" });
    const rows = within(toDo).getAllByRole("listitem");
    expect(rows.map((row) => row.querySelector("[id^=task-]")?.textContent)).toEqual([
      "Call back",
      "Send proposal",
    ]);
    expect(within(rows[0] as HTMLElement).getByText(/Owner: Luis/)).toBeTruthy();
    const over = screen.getByRole("list", { name: "Done and cancelled" });
    expect(within(over).getByText("Cancelled")).toBeTruthy();
    expect(within(over).getByText("Done: Promising")).toBeTruthy();
    expect(within(over).queryByRole("button", { name: "Complete" })).toBeNull();
  });

  it("offers Complete only on the tasks the server says the user may change", async () => {
    // As the server answers a follower: Luis's task is not theirs to complete; their own is.
    const tasks = [
      task({ id: "theirs", title: "Call back", ownerId: "u-luis", permissions: { change: false } }),
      task({ id: "own", title: "Send proposal", dueAt: "2026-03-04T10:00:00.000Z" }),
    ];
    show(fakeDetailApi(opportunity({ permissions: { edit: false } }), { tasks }).api);
    const toDo = await screen.findByRole("list", { name: "To do" });
    const [theirs, own] = within(toDo).getAllByRole("listitem") as HTMLElement[];
    expect(within(theirs as HTMLElement).queryByRole("button", { name: "Complete" })).toBeNull();
    expect(within(own as HTMLElement).getByRole("button", { name: "Complete" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add task" })).toBeNull();
  });

  it("completes a task with the outcome picked, then reloads", async () => {
    const fake = fakeDetailApi(opportunity(), { tasks: [TASKS[0] as Task] });
    const completeTask = vi.fn(async () => ({}) as never);
    show({ ...fake.api, completeTask });
    const toDo = await screen.findByRole("list", { name: "To do" });
    await userEvent.click(within(toDo).getByRole("button", { name: "Complete" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("radio", { name: "Likely" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(completeTask).toHaveBeenCalledWith("late", { outcome: "likely" }));
    expect(await toastSaying("Task completed: Send proposal")).toBeTruthy();
    expect(fake.api.opportunityTasks).toHaveBeenCalledTimes(2);
  });

  it("adds a task: kind and due time are required; a seller's task is their own", async () => {
    const fake = fakeDetailApi(opportunity());
    const createTask = vi.fn(async () => task({ id: "new", title: "Call: Jorge Navarro" }));
    show({ ...fake.api, createTask });
    await userEvent.click(await screen.findByRole("button", { name: "Add task" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).queryByRole("combobox", { name: "Owner" })).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(within(dialog).getAllByText("Required")).toHaveLength(2);
    expect(createTask).not.toHaveBeenCalled();

    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: /Kind/ }), "call");
    await userEvent.type(within(dialog).getByLabelText(/Due/), "2026-03-04T10:30");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(createTask).toHaveBeenCalledWith({
        opportunityId: "o1",
        kind: "call",
        dueAt: new Date("2026-03-04T10:30").toISOString(),
      }),
    );
    expect(await toastSaying("Task added: Call: Jorge Navarro")).toBeTruthy();
  });
});
