import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import azureFunctions, { type HttpResponseInit } from "@azure/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvocationContext } from "../../../host/src/invocation-context.js";
import { TAB_CONTENT_SECURITY_POLICY } from "./content-security-policy.js";
import { createTabSiteFunction } from "./tab-site.function.js";

const INDEX = "<!doctype html><title>tabs</title>";
const ASSET = "console.log('tabs')";
const log = { info() {}, warn() {}, error() {}, debug() {} };

const headerOf = (response: HttpResponseInit, name: string) =>
  new Headers(response.headers as Record<string, string>).get(name);
const textOf = (response: HttpResponseInit) =>
  Buffer.from(response.body as Uint8Array).toString("utf8");

describe("the tab site function (Azure)", () => {
  let dir: string;
  let call: (
    urlPath: string,
    method?: string,
    headers?: Record<string, string>,
  ) => Promise<HttpResponseInit>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dealflow-tab-site-"));
    const root = path.join(dir, "dist");
    await mkdir(path.join(root, "assets"), { recursive: true });
    await writeFile(path.join(root, "index.html"), INDEX);
    await writeFile(path.join(root, "assets", "app-1234.js"), ASSET);
    await writeFile(path.join(root, "assets", "app-1234.js.gz"), gzipSync(ASSET));
    await writeFile(path.join(dir, "secret.txt"), "not for the web");
    await symlink(path.join(dir, "secret.txt"), path.join(root, "leak.txt"));
    const { handler } = createTabSiteFunction(root);
    call = (urlPath, method = "GET", headers = {}) =>
      handler(
        new azureFunctions.HttpRequest({
          method,
          url: `https://dealflow.example${urlPath}`,
          headers,
        }),
        createInvocationContext("tabSite", log),
      );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is an anonymous GET/HEAD catch-all", () => {
    const definition = createTabSiteFunction(dir);

    expect(definition).toMatchObject({
      trigger: "http",
      methods: ["GET", "HEAD"],
      route: "{*path}",
      authLevel: "anonymous",
    });
  });

  it("serves index.html at / with the tabs' Content-Security-Policy, revalidated", async () => {
    const response = await call("/");

    expect(response.status).toBe(200);
    expect(textOf(response)).toBe(INDEX);
    expect(headerOf(response, "content-type")).toBe("text/html; charset=utf-8");
    expect(headerOf(response, "cache-control")).toBe("no-cache");
    expect(headerOf(response, "x-content-type-options")).toBe("nosniff");
    expect(headerOf(response, "content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
    expect(headerOf(response, "referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("answers a deep link with index.html and the same policy", async () => {
    const response = await call("/pipeline/opportunities/01J9?tab=notes");

    expect(response.status).toBe(200);
    expect(textOf(response)).toBe(INDEX);
    expect(headerOf(response, "content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
  });

  it("serves a fingerprinted asset's bytes as immutable, without the page policy", async () => {
    const response = await call("/assets/app-1234.js");

    expect(response.status).toBe(200);
    expect(textOf(response)).toBe(ASSET);
    expect(headerOf(response, "content-type")).toBe("text/javascript; charset=utf-8");
    expect(headerOf(response, "cache-control")).toBe("public, max-age=31536000, immutable");
    expect(headerOf(response, "content-security-policy")).toBeNull();
  });

  it("serves the compressed form the build wrote when the request takes it", async () => {
    const response = await call("/assets/app-1234.js", "GET", { "Accept-Encoding": "gzip" });

    expect(headerOf(response, "content-encoding")).toBe("gzip");
    expect(headerOf(response, "vary")).toBe("Accept-Encoding");
    expect(gunzipSync(Buffer.from(response.body as Uint8Array)).toString()).toBe(ASSET);
  });

  it("answers 404 for a missing asset, not the page", async () => {
    const response = await call("/assets/missing.js");

    expect(response.status).toBe(404);
    expect(textOf(response)).toBe("Not Found");
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const response = await call("/", "HEAD");

    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
    expect(headerOf(response, "content-type")).toBe("text/html; charset=utf-8");
    expect(headerOf(response, "content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/..%5csecret.txt",
    "/leak.txt",
  ])("never serves a file outside the root (%s)", async (urlPath) => {
    const response = await call(urlPath);

    expect(response.status).not.toBe(500);
    expect(textOf(response)).not.toContain("not for the web");
  });

  it("refuses a symlink leading out of the root with 404", async () => {
    expect((await call("/leak.txt")).status).toBe(404);
  });

  it("answers an API path no function matched with a 404 problem, never the page", async () => {
    const response = await call("/api/no-such-route");

    expect(response.status).toBe(404);
    expect(headerOf(response, "content-type")).toBe("application/problem+json");
    expect(response.jsonBody).toMatchObject({
      status: 404,
      detail: "No function serves /api/no-such-route",
    });
  });
});

describe("the tab site function before the tabs are deployed", () => {
  it("serves the placeholder page with the policy", async () => {
    const { handler } = createTabSiteFunction(path.join(tmpdir(), "dealflow-no-such-dir"));
    const response = await handler(
      new azureFunctions.HttpRequest({ method: "GET", url: "https://dealflow.example/" }),
      createInvocationContext("tabSite", log),
    );

    expect(response.status).toBe(200);
    expect(textOf(response)).toContain("Dealflow is running");
    expect(headerOf(response, "content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
  });
});
