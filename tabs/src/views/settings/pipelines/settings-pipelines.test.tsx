import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderSettings } from "../settings-fixture.js";

const openStages = async () => {
  await userEvent.click(await screen.findByRole("tab", { name: "Sales stages" }));
  return screen.getByRole("tabpanel");
};
const save = () => userEvent.click(screen.getByRole("button", { name: "Save" }));

describe("Settings › Pipelines and stages", () => {
  it("refuses a pipeline with two won stages and none lost", async () => {
    const api = renderSettings();
    const panel = await openStages();
    await userEvent.selectOptions(
      within(panel).getByRole("combobox", { name: "Role of stage lost" }),
      "won",
    );
    await save();
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(
      within(panel).getByText(
        'Exactly one stage must have the role "Won". Exactly one stage must have the role "Lost".',
      ),
    ).toBeTruthy();
  });

  it("refuses a second proposal stage and a team pipeline without its team", async () => {
    const api = renderSettings();
    const panel = await openStages();
    await userEvent.type(
      within(panel).getByRole("textbox", { name: "New stage of Sales" }),
      "Demo",
    );
    await userEvent.click(within(panel).getByRole("button", { name: "Add stage to Sales" }));
    await userEvent.selectOptions(
      within(panel).getByRole("combobox", { name: "Role of stage demo" }),
      "proposal",
    );
    await userEvent.selectOptions(
      within(panel).getByRole("combobox", { name: "Sellers see" }),
      "team",
    );
    await save();
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(within(panel).getByText('At most one stage may have the role "Proposal".')).toBeTruthy();
    expect(within(panel).getByText("Required when the team sees the pipeline.")).toBeTruthy();
  });

  it("adds, reorders and renames stages and saves the team that sees the pipeline", async () => {
    const api = renderSettings();
    const panel = await openStages();
    await userEvent.type(
      within(panel).getByRole("textbox", { name: "New stage of Sales" }),
      "Negotiation",
    );
    await userEvent.click(within(panel).getByRole("button", { name: "Add stage to Sales" }));
    await userEvent.click(within(panel).getByRole("button", { name: "Move Negotiation up" }));
    await userEvent.click(within(panel).getByRole("button", { name: "Move Negotiation up" }));
    const proposal = within(panel).getByRole("textbox", { name: "Name of stage proposal" });
    await userEvent.clear(proposal);
    await userEvent.type(proposal, "Offer sent");
    await userEvent.selectOptions(
      within(panel).getByRole("combobox", { name: "Sellers see" }),
      "team",
    );
    await userEvent.type(within(panel).getByRole("textbox", { name: /Team id/ }), "team-42");
    await save();
    const [pipeline] = api.saveSettings.mock.calls[0]?.[0].pipelines ?? [];
    expect(pipeline?.stages.map((stage) => `${stage.id}:${stage.name}:${stage.role}`)).toEqual([
      "new:New:new",
      "proposal:Offer sent:proposal",
      "negotiation:Negotiation:null",
      "won:Won:won",
      "lost:Lost:lost",
    ]);
    expect(pipeline).toMatchObject({ visibility: "team", teamId: "team-42" });
  });

  it("starts a new pipeline with its new, won and lost stages", async () => {
    const api = renderSettings();
    const panel = await openStages();
    await userEvent.type(within(panel).getByRole("textbox", { name: "New pipeline" }), "Partners");
    await userEvent.click(within(panel).getByRole("button", { name: "Add pipeline" }));
    expect(within(panel).getByRole("heading", { name: "Partners" })).toBeTruthy();
    await save();
    const pipelines = api.saveSettings.mock.calls[0]?.[0].pipelines ?? [];
    expect(pipelines[1]).toEqual({
      id: "partners",
      name: "Partners",
      stages: [
        { id: "new", name: "New", role: "new" },
        { id: "won", name: "Won", role: "won" },
        { id: "lost", name: "Lost", role: "lost" },
      ],
      visibility: "owner",
      teamId: null,
    });
  });
});
