import { readFile } from "node:fs/promises";
import type { HttpResponseInit } from "@azure/functions";
import { problemResponse } from "../http/problem-response.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { type SiteResponse, siteResponse } from "./site-response.js";

/**
 * The tabs in the Azure Functions host: the built `tabs/dist` at `root`, served at every path no
 * API function claims, with the answers (Content-Security-Policy included) of `site-response.ts`,
 * which the local host gives too. Registered only with Azure, at the site root
 * (`registerWithAzure`'s `site`); the local host serves the tabs itself.
 */
export const createTabSiteFunction = (root: string): HttpFunctionDefinition => ({
  name: "tabSite",
  trigger: "http",
  methods: ["GET", "HEAD"],
  route: "{*path}",
  authLevel: "anonymous",
  async handler(request) {
    // The raw path, still percent-encoded: siteResponse decodes it once and checks the result.
    const urlPath = new URL(request.url).pathname;
    if (`${urlPath.toLowerCase()}/`.startsWith("/api/")) {
      // No API function matched (Azure prefers them to this catch-all): an unknown API path is
      // a 404 problem, as in the local host, never the tab's page.
      const detail = `No function serves ${urlPath}`;
      return problemResponse({ status: 404, title: "Not Found", detail });
    }
    return toHttpResponseInit(
      await siteResponse(root, request.method, urlPath, request.headers.get("accept-encoding")),
    );
  },
});

const toHttpResponseInit = async (response: SiteResponse): Promise<HttpResponseInit> => {
  // The host sets Content-Length from the body it sends; a HEAD answer has no body to measure.
  const { "Content-Length": _length, ...headers } = response.headers;
  const body = response.body;
  if (body === undefined) return { status: response.status, headers };
  const bytes = "bytes" in body ? body.bytes : await readFile(body.file);
  return { status: response.status, headers, body: bytes };
};
