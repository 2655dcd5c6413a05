import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrangeUser } from "../functions/src/api/api.test-support.js";
import {
  arrangeRoutedOpportunity,
  deliverReviewRequest,
  linkPathIn,
  mailsTo,
  moveToStage,
} from "../functions/src/features/reviews/reviews.test-support.js";
import {
  createTarget,
  targetBody,
} from "../functions/src/features/routing/routing.test-support.js";
import { type ApiHarness, newTestUser, startApiHarness } from "./support/api-harness.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium, launchChromium } from "./support/browser.js";

// The public review page (SPEC §4.5) as a client's browser sees it: under the tab's CSP, by
// keyboard, and without serious axe violations in English and Spanish.
const tenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García" });
let harness: ApiHarness | undefined;
let browser: Browser | undefined;
let targetId = "";

/** A fresh review link of a won, routed opportunity: the path of `/r/<token>`. */
const newLink = async (): Promise<string> => {
  if (!harness) throw new Error("not started");
  const won = await arrangeRoutedOpportunity(harness, marta, { id: targetId, user: ana });
  expect((await moveToStage(harness, marta, won.opportunityId, "won")).status).toBe(200);
  await deliverReviewRequest(harness, tenant, `review-request:${won.opportunityId}:${won.offerId}`);
  const stored = await harness.deps.store.getOpportunity(tenant, won.opportunityId);
  const [mail] = await mailsTo(harness, tenant, stored?.contact.email ?? "");
  return linkPathIn(mail?.text ?? "");
};

const openPage = async (path: string, options: { bypassCSP?: boolean; locale?: string } = {}) => {
  if (!browser || !harness) throw new Error("not started");
  const context = await browser.newContext({
    bypassCSP: options.bypassCSP ?? false,
    locale: options.locale ?? "en-US",
  });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${harness.url}${path}`);
  return { page, cspViolations };
};

describe.skipIf(!hasChromium)("the review page in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    harness = await startApiHarness();
    for (const user of [marta, ana]) await arrangeUser(harness, user);
    targetId = (await createTarget(harness, marta, targetBody("Ana Partners", ana.userId))).id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it("is sent by keyboard under the tab's CSP, styled, and thanks the client", async () => {
    const { page, cspViolations } = await openPage(await newLink());
    await page.getByRole("heading", { level: 1, name: "Review Ana Partners" }).waitFor();
    // The inline stylesheet applied: the tab's CSP lets it through.
    const maxWidth = await page.locator("main").evaluate((main) => {
      type Styled = { getComputedStyle(element: unknown): { maxWidth: string } };
      return (globalThis as unknown as Styled).getComputedStyle(main).maxWidth;
    });
    expect(maxWidth).toBe("576px");

    await page.keyboard.press("Tab"); // the language link
    await page.keyboard.press("Tab"); // the first radio: 5 stars
    await page.keyboard.press("ArrowDown"); // 4 stars
    await page.keyboard.press("Tab");
    await page.keyboard.type("Clear and on time.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { name: "Thank you for your review" }).waitFor();
    expect(cspViolations).toEqual([]);
    const target = await harness?.deps.store.getRoutingTarget(tenant, targetId);
    expect(target?.reviewCount).toBe(11);
    await page.context().close();
  });

  it.each([
    { locale: "en-US", heading: "Review Ana Partners" },
    { locale: "es-ES", heading: "Valora a Ana Partners" },
  ])(
    "has no serious axe violation ($locale), nor with a refused submit",
    async ({ locale, heading }) => {
      const { page } = await openPage(await newLink(), { bypassCSP: true, locale });
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // The browser would insist on a rating; without `required` the server answers 400.
      await page.locator("input[name=stars]").evaluateAll((inputs) => {
        for (const input of inputs) input.removeAttribute("required");
      });
      await page.getByRole("button").click();
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("group").getAttribute("aria-invalid")).toBe("true");
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
