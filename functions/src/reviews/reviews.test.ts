import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { arrangeUser } from "../api/api.test-support.js";
import { createTarget, targetBody } from "../api/routing/routing.test-support.js";
import { TAB_CONTENT_SECURITY_POLICY } from "../site/content-security-policy.js";
import {
  arrangeRoutedOpportunity,
  deliverReviewRequest,
  linkPathIn,
  mailsTo,
  moveToStage,
  PUBLIC_BASE_URL,
} from "./reviews.test-support.js";

// SPEC §4.5 and §8 over HTTP against Azurite, at a fixed instant.
const now = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Pérez" });
const targets: Record<string, { id: string; user: typeof ana }> = {};

/** Wins a routed opportunity for `name` and returns its mail's link path. */
const wonWithLink = async (name: "Ana Partners" | "Luis Studio") => {
  const target = targets[name];
  if (!target) throw new Error(`no target ${name}`);
  const { opportunityId, offerId } = await arrangeRoutedOpportunity(harness, marta, target);
  expect((await moveToStage(harness, marta, opportunityId, "won")).status).toBe(200);
  const requestId = `review-request:${opportunityId}:${offerId}`;
  await deliverReviewRequest(harness, tenant, requestId);
  const link = await harness.deps.store.getReviewLink(tenant, requestId);
  const contact = await harness.deps.store.getOpportunity(tenant, opportunityId);
  const [mail] = await mailsTo(harness, tenant, contact?.contact.email ?? "");
  if (!mail || !link) throw new Error("no review mail");
  return { path: linkPathIn(mail.text), opportunityId, requestId, mail };
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [marta, ana, luis]) await arrangeUser(harness, user);
  // Alike but for their standing, so that reviews alone decide their ranking.
  for (const [name, user] of [
    ["Ana Partners", ana],
    ["Luis Studio", luis],
  ] as const) {
    const over = { rating: 3, reviewCount: 1, completedProjects: 1, level: "gold" };
    const { id } = await createTarget(harness, marta, targetBody(name, user.userId, over));
    targets[name] = { id, user };
  }
});
afterAll(async () => {
  await harness?.close();
});

describe("the review request", () => {
  it("mails the Contact one signed link, however often it is delivered or won", async () => {
    const { path, opportunityId, requestId, mail } = await wonWithLink("Ana Partners");

    await deliverReviewRequest(harness, tenant, requestId);
    expect((await moveToStage(harness, marta, opportunityId, "new")).status).toBe(200);
    expect((await moveToStage(harness, marta, opportunityId, "won")).status).toBe(200);

    expect(await mailsTo(harness, tenant, mail.to)).toHaveLength(1);
    expect(mail.subject).toContain("Ana Partners");
    expect(mail.text).toContain(`${PUBLIC_BASE_URL}${path}`);
    expect(path).toMatch(/^\/r\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  // The attack: the target who won the deal owns it, so its user may edit the Contact; they
  // point the address at themselves before winning it, to rate themselves five stars.
  it("mails the address the source gave, not one the rated target edited in", async () => {
    const target = targets["Luis Studio"];
    if (!target) throw new Error("no target");
    const { opportunityId, offerId } = await arrangeRoutedOpportunity(harness, marta, target);
    const source = (await harness.deps.store.getOpportunity(tenant, opportunityId))?.contact;
    const contactPath = `/api/contacts/${source?.id}`;
    const read = await harness.call(luis, "GET", contactPath);
    const edited = await harness.call(luis, "PATCH", contactPath, {
      body: { email: "luis.selfreview@attacker.example" },
      headers: { "If-Match": read.headers.get("etag") ?? "" },
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await moveToStage(harness, luis, opportunityId, "won")).status).toBe(200);

    await deliverReviewRequest(harness, tenant, `review-request:${opportunityId}:${offerId}`);

    expect(await mailsTo(harness, tenant, "luis.selfreview@attacker.example")).toEqual([]);
    expect(await mailsTo(harness, tenant, source?.email ?? "")).toHaveLength(1);
  });

  it("asks a hidden marketplace client nothing", async () => {
    const target = targets["Ana Partners"];
    if (!target) throw new Error("no target");
    const { opportunityId, offerId } = await arrangeRoutedOpportunity(harness, marta, target, {
      marketplace: { visibility: "hidden" },
    });

    expect((await moveToStage(harness, marta, opportunityId, "won")).status).toBe(200);

    const requestId = `review-request:${opportunityId}:${offerId}`;
    expect(await harness.deps.store.getReviewLink(tenant, requestId)).toBeNull();
    expect(await harness.deps.store.getNotification(tenant, requestId)).toBeNull();
  });

  it("skips, and logs, a Contact without an email address", async () => {
    const target = targets["Luis Studio"];
    if (!target) throw new Error("no target");
    const { opportunityId, offerId } = await arrangeRoutedOpportunity(harness, marta, target, {
      contact: { name: "No Mail" },
    });
    expect((await moveToStage(harness, marta, opportunityId, "won")).status).toBe(200);

    const log = await deliverReviewRequest(
      harness,
      tenant,
      `review-request:${opportunityId}:${offerId}`,
    );

    expect(log.join("\n")).toContain("the source gave no email");
  });
});

describe("the review page", () => {
  it("shows the form in English, naming only the target and the project", async () => {
    const { path, opportunityId } = await wonWithLink("Luis Studio");
    const title = (await harness.deps.store.getOpportunity(tenant, opportunityId))?.title ?? "";

    const page = await harness.call(null, "GET", path, { headers: { "Accept-Language": "en-GB" } });

    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain("Review Luis Studio");
    expect(page.text).toContain(title);
    expect(page.text).toContain(
      '<input type="radio" id="stars-5" name="stars" value="5" required>',
    );
    expect(page.text).not.toContain("@example.com");
    expect(page.text).not.toContain("<script");
  });

  it("speaks Spanish when asked by ?lang= or by the browser", async () => {
    const { path } = await wonWithLink("Luis Studio");

    const byQuery = await harness.call(null, "GET", `${path}?lang=es`);
    const byBrowser = await harness.call(null, "GET", path, {
      headers: { "Accept-Language": "de-DE, es;q=0.8, en;q=0.5" },
    });

    for (const page of [byQuery, byBrowser]) {
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="es">');
      expect(page.text).toContain("Valora a Luis Studio");
      expect(page.text).toContain("5 estrellas – excelente");
    }
  });
});
