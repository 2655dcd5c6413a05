import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderSettings, settingsDocument, teamsDocument } from "../settings-fixture.js";

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
    await userEvent.selectOptions(
      within(panel).getByRole("combobox", { name: /^Team/ }),
      await within(panel).findByRole("option", { name: "Partners East" }),
    );
    await save();
    const [pipeline] = api.saveSettings.mock.calls[0]?.[0].pipelines ?? [];
    expect(pipeline?.stages.map((stage) => `${stage.id}:${stage.name}:${stage.role}`)).toEqual([
      "new:New:new",
      "proposal:Offer sent:proposal",
      "negotiation:Negotiation:null",
      "won:Won:won",
      "lost:Lost:lost",
    ]);
    expect(pipeline).toMatchObject({ visibility: "team", teamId: teamsDocument()[0]?.id });
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

  it("offers the teams Dealflow is in by name, and keeps showing a saved team it is not in", async () => {
    const stored = settingsDocument();
    const [sales] = stored.pipelines;
    if (!sales) throw new Error("the fixture has no pipeline");
    stored.pipelines = [{ ...sales, visibility: "team", teamId: "team-gone" }];
    const api = renderSettings({
      readSettings: async () => ({ data: stored, etag: 'W/"v1"' }),
    });
    const panel = await openStages();
    const team = within(panel).getByRole("combobox", { name: /^Team/ }) as HTMLSelectElement;
    await within(panel).findByRole("option", { name: "Partners East" });
    expect(
      within(team)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Choose a team", "Partners East", "A team Dealflow is not in (team-gone)"]);
    expect(team.value).toBe("team-gone");
    await userEvent.selectOptions(team, "Partners East");
    await save();
    const [written] = api.saveSettings.mock.calls[0]?.[0].pipelines ?? [];
    expect(written?.teamId).toBe(teamsDocument()[0]?.id);
  });

  it("says how to get a team to choose when Dealflow is in none", async () => {
    renderSettings({ listTeams: async () => [] });
    const panel = await openStages();
    await userEvent.selectOptions(
      within(panel).getByRole("combobox", { name: "Sellers see" }),
      "team",
    );
    expect(
      await within(panel).findByText(
        "Add the Dealflow app to a team in Microsoft Teams to choose that team here.",
      ),
    ).toBeTruthy();
  });
});
