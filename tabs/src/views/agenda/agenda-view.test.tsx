import type { Page, Task, TaskRange } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { AgendaView } from "./AgendaView.js";

const call: Task = {
  id: "t-1",
  kind: "call",
  title: "Call Lucía",
  ownerId: "u-ana",
  dueAt: "2026-03-02T09:00:00.000Z",
  status: "open",
  outcome: null,
  origin: "manual",
  opportunityId: "o-lucia",
  contactId: "c-lucia",
  createdAt: "2026-03-01T09:00:00.000Z",
  createdBy: "u-ana",
  completedAt: null,
  opportunity: {
    id: "o-lucia",
    title: "Hotel Miramar",
    stage: "new",
    status: "open",
    contactName: "Lucía Fernández",
  },
  permissions: { change: true },
};

const agendaApi = (overdue: Task[]) => {
  let open = overdue;
  return {
    tasks: vi.fn(
      async (range: TaskRange): Promise<Page<Task>> => ({
        items: range === "overdue" ? open : [],
        nextCursor: null,
      }),
    ),
    completeTask: vi.fn(async (id: string) => {
      open = open.filter((task) => task.id !== id);
      return { task: { ...call, status: "done" as const }, followUp: null };
    }),
  };
};

describe("the agenda", { timeout: 20_000 }, () => {
  it("says the agenda is clear, and where work comes from, when there is no task", async () => {
    renderWithSession(<AgendaView />, { api: agendaApi([]) });

    expect(await screen.findByText("Your agenda is clear.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to First contact" })).toBeTruthy();
  });

  it("links a task to its opportunity and toasts once it is completed", async () => {
    const user = userEvent.setup();
    const api = agendaApi([call]);
    renderWithSession(<AgendaView />, { api });
    const item = (await screen.findByText("Call Lucía")).closest("li") as HTMLElement;
    expect(within(item).getByRole("link", { name: "Hotel Miramar" }).getAttribute("href")).toBe(
      "#/opportunities/o-lucia",
    );

    await user.click(within(item).getByRole("button", { name: "Complete" }));
    await user.click(await screen.findByRole("button", { name: "Save" }));

    await waitFor(() => expect(api.completeTask).toHaveBeenCalledWith("t-1", { outcome: null }));
    await waitFor(() =>
      expect(document.querySelector(".fui-Toast")?.textContent).toContain("Completed: Call Lucía"),
    );
    expect(await screen.findByText("Your agenda is clear.")).toBeTruthy();
  });

  it("loads the next page of a range past the first, below what is shown", async () => {
    const user = userEvent.setup();
    const numbered = (n: number): Task => ({ ...call, id: `t-${n}`, title: `Call ${n}` });
    const tasks = vi.fn(
      async (range: TaskRange, _owner?: string, cursor?: string): Promise<Page<Task>> => {
        if (range !== "overdue") return { items: [], nextCursor: null };
        return cursor === "page-2"
          ? { items: [numbered(3)], nextCursor: null }
          : { items: [numbered(1), numbered(2)], nextCursor: "page-2" };
      },
    );
    renderWithSession(<AgendaView />, { api: { tasks } });
    expect(await screen.findByRole("heading", { name: "Overdue (2+)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Show more tasks" }));

    expect(await screen.findByText("Call 3")).toBeTruthy();
    expect(tasks).toHaveBeenLastCalledWith("overdue", undefined, "page-2");
    expect(screen.getByRole("heading", { name: "Overdue (3)" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Show more tasks" })).toBeNull();
    const overdue = screen.getByRole("list", { name: "Overdue (3)" });
    expect(
      within(overdue)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining("Call 1"),
      expect.stringContaining("Call 2"),
      expect.stringContaining("Call 3"),
    ]);
  });
});
