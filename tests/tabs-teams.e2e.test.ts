import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT_ID, DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { teamsActivity } from "./support/bot-host.js";
import { hasChromium } from "./support/browser.js";
import { type FakeConnector, startFakeConnector } from "./support/fake-connector.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

const TEAMS_ID = "19:partners-east@thread.tacv2";
const GROUP = randomUUID();

// Settings' Teams in Chromium against the whole app: the bot is added to a team over HTTP (the
// stand-in connector answers its roster), then the manager sees the team and its members and
// picks it by name as a pipeline's team.
describe.skipIf(!hasChromium)("Settings › Teams in Chromium (needs /usr/bin/chromium)", () => {
  let app: TabsApp | undefined;
  let connector: FakeConnector | undefined;

  beforeAll(async () => {
    app = await startTabsApp();
    connector = await startFakeConnector();
    const { marta, ana } = DEMO_USERS;
    connector.setRoster(
      TEAMS_ID,
      [marta, ana].map((user) => ({
        id: `29:${user.id}`,
        name: user.name,
        aadObjectId: user.id,
        tenantId: DEMO_TENANT_ID,
      })),
    );
    const activity = teamsActivity({
      serviceUrl: connector.url,
      tenantId: DEMO_TENANT_ID,
      userId: marta.id,
      type: "conversationUpdate",
      channel: { teamId: TEAMS_ID, channelId: TEAMS_ID },
      membersAdded: [{ id: "28:dealflow-bot" }],
    });
    const answer = await fetch(`${app.host.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...activity,
        channelData: {
          ...activity.channelData,
          team: { id: TEAMS_ID, name: "Partners East", aadGroupId: GROUP },
        },
      }),
    });
    expect(answer.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await connector?.close();
    await app?.close();
  });

  it("shows the team the bot was added to with its members, and offers it as a pipeline's team", async () => {
    if (!app) throw new Error("not started");
    for (const [width, scheme] of [
      [1280, "light"],
      [390, "dark"],
    ] as const) {
      const { page } = await app.signIn("Marta Díaz", {
        bypassCSP: true,
        colorScheme: scheme,
        viewport: { width, height: 844 },
      });
      // A phone has the navigation in a drawer: the hash route is the same place.
      await page.evaluate('location.hash = "#/settings"');
      await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
      const pick = async (section: string) =>
        width < 600
          ? page.getByRole("combobox", { name: "Section" }).selectOption({ label: section })
          : page.getByRole("tab", { name: section, exact: true }).click();
      await pick("Teams");
      const members = page.getByRole("list", { name: "Members of Partners East" });
      await members.getByText("Ana García").waitFor();
      expect(await members.getByRole("listitem").count()).toBe(2);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/dealflow-settings-teams-${width}-${scheme}.png` });
      // A page wider than the viewport would scroll sideways.
      // Page-side code as text: the tests' TypeScript has no DOM types.
      const scrollWidth = await page.evaluate("document.documentElement.scrollWidth");
      expect(scrollWidth).toBeLessThanOrEqual(width);

      await pick("Sales stages");
      await page.getByRole("combobox", { name: "Sellers see" }).first().selectOption("team");
      const team = page.getByRole("combobox", { name: /^Team/ }).first();
      await team.selectOption({ label: "Partners East" });
      expect(await team.inputValue()).toBe(GROUP);
      await page.screenshot({ path: `/tmp/dealflow-settings-team-choice-${width}-${scheme}.png` });
      await page.close();
    }
  });
});
