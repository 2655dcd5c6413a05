import type { OpportunityListItem as Opportunity, Page } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/api-error.js";
import type { StagePageRequest } from "../../api/pipeline-api.js";
import { PipelineView } from "./PipelineView.js";
import {
  manager,
  opportunityOf,
  renderWithPipelines,
  salesPipeline,
} from "./pipeline.test-support.js";

const lucia = opportunityOf("o-lucia", {
  contactName: "Lucía Fernández",
  value: { amount: 12_000, currency: "EUR" },
});
const jorge = opportunityOf("o-jorge", {
  contactName: "Jorge Navarro",
  ownerId: "u-luis",
  value: { amount: 3_500, currency: "EUR" },
});
const emma = opportunityOf("o-emma", { contactName: "Emma Collins", stage: "proposal" });

/** A board API: the given pages per stage (in order, by cursor), and the detail reads. */
const boardApi = (pages: Record<string, Page<Opportunity>[]>) => {
  const stageOpportunities = vi.fn(async (request: StagePageRequest) => {
    const chain = pages[request.stageId] ?? [];
    const index = request.cursor === null ? 0 : Number(request.cursor);
    return chain[index] ?? { items: [], nextCursor: null };
  });
  // The server's records: a move is what the next read returns.
  const stored = new Map([lucia, jorge, emma].map((o) => [o.id, o]));
  return {
    stageOpportunities,
    opportunity: vi.fn(async (id: string) => ({
      data: stored.get(id) ?? lucia,
      etag: 'W/"1"',
    })),
    changeStage: vi.fn(async (id: string, stage: string) => {
      const moved = { ...(stored.get(id) ?? lucia), stage };
      stored.set(id, moved);
      return { data: moved, etag: 'W/"2"' };
    }),
  };
};

const column = (name: string) => screen.getByRole("region", { name });
/** The newest toast of the shell's toaster. */
const toast = () =>
  waitFor(() => {
    const shown = [...document.querySelectorAll<HTMLElement>(".fui-Toast")].at(-1);
    if (!shown) throw new Error("no toast");
    return shown;
  });

beforeEach(() => {
  window.history.replaceState(null, "", "#/pipeline");
  localStorage.clear();
});

// Fluent's menus and tables are slow to render in jsdom on a busy machine.
describe("the pipeline board", { timeout: 20_000 }, () => {
  it("shows each stage's opportunities in its column, with the count and the total value", async () => {
    const api = boardApi({
      new: [
        { items: [lucia], nextCursor: "1" },
        { items: [jorge], nextCursor: null },
      ],
      proposal: [{ items: [emma], nextCursor: null }],
    });
    renderWithPipelines(<PipelineView />, { api, me: manager });

    const fresh = column("New");
    await within(fresh).findByRole("link", { name: "Jorge Navarro" });
    expect(within(fresh).getByRole("link", { name: "Lucía Fernández" })).toBeTruthy();
    expect(within(fresh).getByText(/2 opportunities · Total €15,500/)).toBeTruthy();
    expect(within(fresh).getByText("Owner: Luis")).toBeTruthy();
    const proposal = column("Proposal");
    expect(within(proposal).getByRole("link", { name: "Emma Collins" })).toBeTruthy();
    expect(within(proposal).getByText("1 opportunity")).toBeTruthy();
    expect(within(column("Won")).getByText("Nothing in this stage.")).toBeTruthy();
    // Each column is read by stage of this pipeline, the second page by its cursor.
    expect(api.stageOpportunities).toHaveBeenCalledWith(
      expect.objectContaining({ pipelineId: "sales", stageId: "new", cursor: "1" }),
    );
  });

  it("shows the other columns and the error when one column cannot be read", async () => {
    const api = boardApi({ proposal: [{ items: [emma], nextCursor: null }] });
    api.stageOpportunities.mockImplementation(async (request: StagePageRequest) => {
      if (request.stageId === "new") throw new ApiError(503, "Service unavailable", null, []);
      return request.stageId === "proposal"
        ? { items: [emma], nextCursor: null }
        : { items: [], nextCursor: null };
    });
    renderWithPipelines(<PipelineView />, { api });
    expect((await screen.findByRole("alert")).textContent).toContain("Service unavailable");
    expect(within(column("Proposal")).getByRole("link", { name: "Emma Collins" })).toBeTruthy();
    expect(within(column("New")).queryByText("Loading…")).toBeNull();
  });

  it("opens the detail from the contact's name", async () => {
    renderWithPipelines(<PipelineView />, {
      api: boardApi({ new: [{ items: [lucia], nextCursor: null }] }),
    });
    const link = await screen.findByRole("link", { name: "Lucía Fernández" });
    expect(link.getAttribute("href")).toBe("#/opportunities/o-lucia");
  });

  // The keyboard path (Enter, arrows) is proven in Chromium (tests/tabs-pipeline.e2e.test.ts):
  // jsdom does not move focus into Fluent's menu when it opens.
  it("moves a card through Move to with the version it read, and keeps focus on it", async () => {
    const user = userEvent.setup();
    const api = boardApi({ new: [{ items: [lucia], nextCursor: null }] });
    renderWithPipelines(<PipelineView />, { api });
    const card = (await screen.findByRole("link", { name: "Lucía Fernández" })).closest("article");
    if (!card) throw new Error("no card");

    await user.click(within(card as HTMLElement).getByRole("button", { name: "Move to" }));
    await user.click(await screen.findByRole("menuitem", { name: "Proposal" }));

    await waitFor(() =>
      expect(api.changeStage).toHaveBeenCalledWith("o-lucia", "proposal", 'W/"1"'),
    );
    // A success is a toast now (with Undo).
    expect((await toast()).textContent).toContain("Lucía Fernández moved to Proposal.");
    const moved = within(column("Proposal")).getByRole("link", { name: "Lucía Fernández" });
    expect(within(column("New")).queryByRole("link", { name: "Lucía Fernández" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(moved));
  });

  it("asks why before a move to a lost stage, and sends the reason with the move", async () => {
    const user = userEvent.setup();
    const api = boardApi({ new: [{ items: [lucia], nextCursor: null }] });
    const withLost = {
      ...salesPipeline,
      stages: [...salesPipeline.stages, { id: "lost", name: "Lost", role: "lost" as const }],
    };
    renderWithPipelines(<PipelineView />, { api, pipelines: [withLost] });
    const card = (await screen.findByRole("link", { name: "Lucía Fernández" })).closest("article");
    if (!card) throw new Error("no card");
    await user.click(within(card as HTMLElement).getByRole("button", { name: "Move to" }));
    await user.click(await screen.findByRole("menuitem", { name: "Lost" }));

    const dialog = await screen.findByRole("dialog", { name: /Move .* to Lost/ });
    expect(api.changeStage).not.toHaveBeenCalled();
    await user.type(
      within(dialog).getByRole("textbox", { name: "Why was it lost? (optional)" }),
      "Chose a cheaper agency",
    );
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(api.changeStage).toHaveBeenCalledWith(
        "o-lucia",
        "lost",
        'W/"1"',
        "Chose a cheaper agency",
      ),
    );
  });

  it("undoes a move from its toast: the card goes back to its stage", async () => {
    const user = userEvent.setup();
    const api = boardApi({ new: [{ items: [lucia], nextCursor: null }] });
    renderWithPipelines(<PipelineView />, { api });
    await user.click(await screen.findByRole("button", { name: "Move to" }));
    await user.click(await screen.findByRole("menuitem", { name: "Proposal" }));
    await user.click(within(await toast()).getByRole("button", { name: "Undo" }));

    await waitFor(() =>
      expect(api.changeStage).toHaveBeenLastCalledWith("o-lucia", "new", 'W/"1"'),
    );
    await waitFor(() =>
      expect(within(column("New")).getByRole("link", { name: "Lucía Fernández" })).toBeTruthy(),
    );
    expect(within(column("Proposal")).queryByRole("link", { name: "Lucía Fernández" })).toBeNull();
  });

  it("reloads the board and says what changed when the write meets a newer version (412)", async () => {
    const user = userEvent.setup();
    const api = boardApi({ new: [{ items: [lucia], nextCursor: null }] });
    api.changeStage.mockRejectedValueOnce(new ApiError(412, "Precondition failed", null, []));
    api.opportunity
      .mockResolvedValueOnce({ data: lucia, etag: 'W/"1"' })
      .mockResolvedValueOnce({ data: { ...lucia, ownerId: "u-luis" }, etag: 'W/"3"' });
    renderWithPipelines(<PipelineView />, { api });
    await user.click(await screen.findByRole("button", { name: "Move to" }));
    await user.click(await screen.findByRole("menuitem", { name: "Won" }));

    expect((await screen.findByRole("status")).textContent).toContain(
      "Someone else changed this opportunity meanwhile (owner)",
    );
    // Read once per stage at first, and once more per stage for the reload.
    expect(api.stageOpportunities).toHaveBeenCalledTimes(6);
  });

  it("offers Move to a seller only on the cards the server says they may edit", async () => {
    // Ana, a seller, asks: the server answers Luis's opportunity as one she may not edit.
    const luis = { ...jorge, permissions: { edit: false } };
    renderWithPipelines(<PipelineView />, {
      api: boardApi({ new: [{ items: [lucia, luis], nextCursor: null }] }),
    });
    const own = (await screen.findByRole("link", { name: "Lucía Fernández" })).closest("article");
    const other = screen.getByRole("link", { name: "Jorge Navarro" }).closest("article");
    expect(within(own as HTMLElement).queryByRole("button", { name: "Move to" })).not.toBeNull();
    expect(within(other as HTMLElement).queryByRole("button", { name: "Move to" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Owner" })).toBeNull();
  });

  it("switches to the list, stage by stage, and keeps the choice in the URL", async () => {
    const user = userEvent.setup();
    renderWithPipelines(<PipelineView />, {
      api: boardApi({
        new: [{ items: [lucia], nextCursor: null }],
        proposal: [{ items: [emma], nextCursor: null }],
      }),
    });
    await screen.findByRole("link", { name: "Lucía Fernández" });
    await user.click(screen.getByRole("button", { name: "List" }));

    const table = screen.getByRole("table", { name: "Sales: 2 opportunities by stage" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[2]?.textContent)).toEqual([
      "New",
      "Proposal",
    ]);
    expect(window.location.hash).toBe("#/pipeline?pipeline=sales&layout=list");
  });

  it("lets a manager narrow the board to one owner", async () => {
    const user = userEvent.setup();
    const api = boardApi({});
    renderWithPipelines(<PipelineView />, { api, me: manager });
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "u-luis");
    await waitFor(() =>
      expect(api.stageOpportunities).toHaveBeenCalledWith(
        expect.objectContaining({ stageId: "won", owner: "u-luis" }),
      ),
    );
  });
});
