import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Team } from "../../../api/settings-api.js";
import { renderSettings, teamsDocument } from "../settings-fixture.js";

const openTeams = async () => {
  await userEvent.click(await screen.findByRole("tab", { name: "Teams" }));
  return screen.getByRole("tabpanel");
};

const [partners] = teamsDocument();
if (!partners) throw new Error("the fixture has no team");

describe("Settings › Teams", () => {
  it("lists the teams Dealflow is in with their members and why they are in", async () => {
    renderSettings();
    const panel = await openTeams();
    expect(await within(panel).findByRole("heading", { name: "Partners East" })).toBeTruthy();
    const members = within(panel).getByRole("list", { name: "Members of Partners East" });
    expect(within(members).getByText("Marta")).toBeTruthy();
    expect(within(members).getByText("In the team in Microsoft Teams")).toBeTruthy();
    // Writes apply at once: no Save bar here.
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("adds a user to a team at once and shows the team as the server answers", async () => {
    const saved: Team = {
      ...partners,
      members: [
        ...partners.members,
        {
          userId: "u-ana",
          name: "Ana",
          email: "ana@example.test",
          fromTeams: false,
          addedByManager: true,
          isUser: true,
        },
      ],
    };
    const addTeamMember = vi.fn(async () => saved);
    renderSettings({ addTeamMember });
    const panel = await openTeams();
    await userEvent.selectOptions(
      await within(panel).findByRole("combobox", { name: "Add a person to Partners East" }),
      "Ana",
    );
    await userEvent.click(within(panel).getByRole("button", { name: "Add to Partners East" }));
    expect(addTeamMember).toHaveBeenCalledWith(partners.id, "u-ana");
    expect(await within(panel).findByText("Ana is now a member of Partners East.")).toBeTruthy();
    const members = within(panel).getByRole("list", { name: "Members of Partners East" });
    expect(within(members).getByText("Added by a manager")).toBeTruthy();
  });

  it("removes a member and warns that Teams still lists them", async () => {
    const removeTeamMember = vi.fn(async () => ({ ...partners, members: [] }));
    renderSettings({ removeTeamMember });
    const panel = await openTeams();
    await userEvent.click(
      await within(panel).findByRole("button", { name: "Remove Marta from Partners East" }),
    );
    expect(removeTeamMember).toHaveBeenCalledWith(partners.id, "u-marta");
    expect(
      await within(panel).findByText(/Marta no longer sees Partners East's pipelines/),
    ).toBeTruthy();
    expect(within(panel).getByText("No members yet.")).toBeTruthy();
  });

  it("says what to do when Dealflow is in no team yet", async () => {
    renderSettings({ listTeams: async () => [] });
    const panel = await openTeams();
    expect(
      await within(panel).findByText(
        "Dealflow is not in any team yet. Add the Dealflow app to a team in Microsoft Teams and its members appear here.",
      ),
    ).toBeTruthy();
  });
});
