import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_USERS } from "../../functions/src/seed/demo-tenant.js";
import { startAzurite } from "../../host/src/azurite/azurite.js";
import { followRequests } from "../support/settle.js";
import { callApi } from "../support/tabs-api.js";
import { startTabsApp } from "../support/tabs-app.js";

/**
 * `npm run screenshots`: every view of the tab as the demo manager sees it on a fresh demo
 * tenant, on a phone (390×844, Teams mobile) and a laptop (1280×800, a Teams tab beside the
 * app bar), in light and dark, into docs/screenshots/<view>-<device>-<theme>.png (the README
 * shows them). Run it after a visible change to the tabs; it starts its own Azurite and host
 * on loopback and stops them.
 */
const OUT = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const MANAGER = DEMO_USERS.marta.name;

const DEVICES = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
] as const;
const THEMES = ["light", "dark"] as const;

/**
 * File name → hash route (CONTRACTS.md); `detail` is filled in with a demo opportunity. A
 * route followed by a button's name is shot with the dialog that button opens (the first such
 * button); `tab:<name>:<section>` opens that Settings section (its tab, or on a phone the
 * Section picker's option) instead.
 */
const VIEWS: Record<string, string> = {
  agenda: "#/agenda",
  "first-contact": "#/first-contact",
  "second-contact": "#/second-contact",
  "my-opportunities": "#/mine",
  following: "#/following",
  contacts: "#/contacts?q=a",
  pipeline: "#/pipeline",
  "opportunity-detail": "detail",
  "opportunity-edit": "detail Edit",
  "contact-new": "#/contacts New contact",
  "task-complete": "detail Complete",
  "settings-hours": "#/settings tab:Time zone and hours:region",
  "settings-notifications": "#/settings tab:Notifications:notifications",
  offers: "#/offers",
  marketplace: "#/marketplace",
  reports: "#/reports",
  settings: "#/settings",
};

/** `npm run screenshots -- settings-hours contacts` shoots only those views (and keeps the rest). */
const only = process.argv.slice(2);
const views = Object.entries(VIEWS).filter(([file]) => only.length === 0 || only.includes(file));

const main = async () => {
  mkdirSync(OUT, { recursive: true });
  // One set of names: shots of an earlier layout would be shown beside the new ones.
  for (const file of readdirSync(OUT).filter((name) => name.endsWith(".png")))
    if (
      only.length === 0 ||
      views.some(([view]) => /^(.+)-(phone|laptop)-/.exec(file)?.[1] === view)
    )
      rmSync(path.join(OUT, file));
  const azurite = await startAzurite();
  const app = await startTabsApp({ connectionString: azurite.connectionString });
  try {
    // The detail with the most people on it, as the layout test opens it.
    const mine = await callApi(app.host.url, DEMO_USERS.ana, "GET", "/api/opportunities?view=mine");
    type Listed = { id: string; participants: unknown[]; followers: unknown[] };
    const people = (item: Listed) => item.participants.length + item.followers.length;
    const [fullest] = (mine.body.items as Listed[]).sort((a, b) => people(b) - people(a));
    const detail = `#/opportunities/${fullest?.id ?? ""}`;
    for (const theme of THEMES) {
      const { page } = await app.signIn(MANAGER, { colorScheme: theme });
      const settler = followRequests(page);
      for (const device of DEVICES) {
        await page.setViewportSize({ width: device.width, height: device.height });
        for (const [file, spec] of views) {
          const [route = "", ...button] = spec.split(" ");
          await page.evaluate(
            (hash) => {
              (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
            },
            route === "detail" ? detail : route,
          );
          await page.getByRole("heading", { level: 1 }).first().waitFor();
          const control = button.join(" ");
          if (control.startsWith("tab:")) {
            // A settings section: its tab on a laptop, the Section picker on a phone.
            const [name = "", value = ""] = control.slice(4).split(":");
            const tab = page.getByRole("tab", { name, exact: true });
            const picker = page.getByRole("combobox", { name: "Section" });
            await tab.or(picker).first().waitFor();
            if ((await tab.count()) > 0) await tab.click();
            else await picker.selectOption(value);
            await settler.settled();
          } else if (control !== "") {
            await page.getByRole("button", { name: control, exact: true }).first().click();
            await page.getByRole("dialog").waitFor();
          }
          await settler.settled();
          // The pointer stays where it signed in, over whatever the view puts there: a tab's
          // hover bar in Settings and Reports looked like part of the page. Off to the corner.
          await page.mouse.move(0, 0);
          await settler.settled();
          const shot = path.join(OUT, `${file}-${device.name}-${theme}.png`);
          await page.screenshot({ path: shot });
          if (control !== "" && !control.startsWith("tab:")) await page.keyboard.press("Escape");
          console.log(`screenshots: ${path.relative(process.cwd(), shot)}`);
        }
      }
      await page.context().close();
    }
  } finally {
    await app.close();
    await azurite.stop();
  }
};

await main();
