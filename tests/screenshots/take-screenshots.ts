import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { DEMO_USERS } from "../../functions/src/seed/demo-tenant.js";
import { startAzurite } from "../../host/src/azurite/azurite.js";
import { startTabsApp } from "../support/tabs-app.js";

/**
 * `npm run screenshots`: every main view of the tab, as the demo manager sees it on a fresh
 * demo tenant, in light and dark, into docs/screenshots/ (the README shows them). Run it after
 * a visible change to the tabs; it starts its own Azurite and host on loopback and stops them.
 */
const OUT = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const MANAGER = DEMO_USERS.marta.name;

type Shot = { file: string; open: (page: Page) => Promise<void> };

const navTo = (name: string) => async (page: Page) => {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1 }).first().waitFor();
};

const SHOTS: Shot[] = [
  { file: "agenda", open: navTo("Agenda") },
  { file: "first-contact", open: navTo("First contact") },
  { file: "second-contact", open: navTo("Second contact") },
  { file: "my-opportunities", open: navTo("My opportunities") },
  { file: "following", open: navTo("Following") },
  { file: "pipeline", open: navTo("Pipeline") },
  {
    file: "opportunity-detail",
    open: async (page) => {
      await navTo("First contact")(page);
      await page.getByRole("table").getByRole("link").first().click();
      await page.getByRole("heading", { name: "Other participants" }).waitFor();
    },
  },
  { file: "offers", open: navTo("Offers") },
  { file: "marketplace", open: navTo("Marketplace") },
  { file: "reports", open: navTo("Reports") },
  { file: "settings", open: navTo("Settings") },
];

const main = async () => {
  mkdirSync(OUT, { recursive: true });
  const azurite = await startAzurite();
  const app = await startTabsApp({ connectionString: azurite.connectionString });
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page } = await app.signIn(MANAGER, {
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      for (const shot of SHOTS) {
        await shot.open(page);
        // Lists and charts fill in after their reads: wait until nothing is loading.
        await page.waitForLoadState("networkidle");
        await page
          .getByRole("progressbar")
          .or(page.getByText("Loading…"))
          .first()
          .waitFor({ state: "hidden" })
          .catch(() => undefined);
        const file = path.join(OUT, `${shot.file}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`screenshots: ${path.relative(process.cwd(), file)}`);
      }
      await page.context().close();
    }
  } finally {
    await app.close();
    await azurite.stop();
  }
};

await main();
