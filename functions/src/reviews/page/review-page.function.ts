import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import type { Locale } from "@dealflow/core";
import { toProblem } from "../../api/http/api-problem.js";
import type { AppDeps } from "../../app-deps.js";
import type { HttpFunctionDefinition } from "../../registry/function-definition.js";
import { TAB_PAGE_SECURITY_HEADERS } from "../../site/content-security-policy.js";
import { type OpenedReviewLink, openReviewLink, REVIEW_PAGE_ROUTE } from "../review-links.js";
import { submitClientReview } from "../review-submission.js";
import { type ReviewPage, renderReviewPage } from "./review-page.html.js";
import { pageLocale } from "./review-page.messages.js";

type Deps = Pick<AppDeps, "store" | "clock">;

const STATUS: Record<ReviewPage["kind"], number> = {
  form: 200,
  thanks: 200,
  "not-found": 404,
  expired: 410,
  used: 410,
};

// A link's token is a credential: no caching, no referrer, no indexing.
const htmlResponse = (page: ReviewPage, locale: Locale, path: string, status = STATUS[page.kind]) =>
  ({
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": locale,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex, nofollow",
      ...TAB_PAGE_SECURITY_HEADERS,
      "Referrer-Policy": "no-referrer",
    },
    body: renderReviewPage(page, locale, path),
  }) satisfies HttpResponseInit;

/** The submitted form: stars as a number when it is digits (core refuses anything else). */
const readForm = async (request: HttpRequest) => {
  const type = request.headers.get("content-type") ?? "";
  const fields = type.toLowerCase().startsWith("application/x-www-form-urlencoded")
    ? new URLSearchParams(await request.text())
    : new URLSearchParams();
  const stars = fields.get("stars");
  // Browsers send a textarea's line breaks as CRLF but count them as one character.
  const text = (fields.get("text") ?? "").replace(/\r\n/g, "\n");
  return { stars: stars !== null && /^\d{1,2}$/.test(stars) ? Number(stars) : stars, text };
};

const subjectOf = async (deps: Deps, opened: Extract<OpenedReviewLink, { kind: "open" }>) => {
  const { tenantId, targetId, opportunityId } = opened.link;
  const [target, opportunity] = await Promise.all([
    deps.store.getRoutingTarget(tenantId, targetId),
    deps.store.getOpportunity(tenantId, opportunityId),
  ]);
  return target && opportunity
    ? { targetName: target.name, projectTitle: opportunity.title }
    : null;
};

/**
 * SPEC §4.5: the public page of a review link, `/r/{token}` at the site root, no sign-in (the
 * signed token is the credential). GET shows the form, POST records the review once. Nothing
 * but the target's name and the project's title is shown; a refused link writes nothing.
 */
export const reviewPageFunction = (deps: Deps): HttpFunctionDefinition => ({
  name: "reviewPage",
  trigger: "http",
  methods: ["GET", "HEAD", "POST"],
  route: REVIEW_PAGE_ROUTE,
  atSiteRoot: true,
  authLevel: "anonymous",
  async handler(request, context) {
    const token = request.params.token ?? "";
    const path = new URL(request.url).pathname;
    try {
      const opened = await openReviewLink(deps.store, token, deps.clock());
      const tenantLocale =
        opened.kind === "not-found"
          ? null
          : (await deps.store.getSettings(opened.link.tenantId)).locale;
      const locale = pageLocale(
        request.query.get("lang"),
        request.headers.get("accept-language"),
        tenantLocale,
      );
      const subject = opened.kind === "open" ? await subjectOf(deps, opened) : null;
      if (opened.kind !== "open" || subject === null) {
        return htmlResponse(
          { kind: opened.kind === "open" ? "not-found" : opened.kind },
          locale,
          path,
        );
      }
      if (request.method !== "POST") {
        const state = { stars: null, text: "", errors: [] };
        return htmlResponse({ kind: "form", subject, state }, locale, path);
      }
      const form = await readForm(request);
      const result = await submitClientReview(deps.store, token, form, deps.clock);
      switch (result.kind) {
        case "saved":
          return htmlResponse({ kind: "thanks", subject }, locale, path);
        case "invalid": {
          const stars = typeof form.stars === "number" ? String(form.stars) : form.stars;
          const state = { stars, text: form.text, errors: result.fields };
          return htmlResponse({ kind: "form", subject, state }, locale, path, 400);
        }
        default:
          return htmlResponse({ kind: result.kind }, locale, path);
      }
    } catch (error) {
      const { response, unexpected } = toProblem(error);
      if (unexpected) context.error("reviewPage failed:", error);
      return response;
    }
  },
});
