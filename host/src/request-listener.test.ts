import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { HttpMethod, HttpRequest, HttpResponseInit } from "@azure/functions";
import type { HttpFunctionDefinition } from "@dealflow/functions/hosting";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpRouter } from "./http/http-router.js";
import { createRecordingLogger } from "./recording-logger.test-support.js";
import { createRequestListener } from "./request-listener.js";
import { createStaticSite } from "./site/static-site.js";

const define = (
  route: string,
  methods: HttpMethod[],
  handler: (request: HttpRequest) => Promise<HttpResponseInit>,
): HttpFunctionDefinition => ({
  name: route.replaceAll("/", "-"),
  trigger: "http",
  route,
  methods,
  authLevel: "anonymous",
  handler,
});

const echo = define("echo/{id}/{*rest}", ["POST", "GET"], async (request) => ({
  status: 201,
  headers: { "X-Echo": "yes" },
  jsonBody: {
    isHttpRequest: request.constructor.name === "HttpRequest",
    method: request.method,
    url: request.url,
    params: request.params,
    stages: request.query.getAll("stage"),
    contentType: request.headers.get("content-type"),
    accept: request.headers.get("accept"),
    forwardedFor: request.headers.get("x-forwarded-for"),
    body: request.method === "GET" ? null : await request.json(),
  },
}));

const bodies: Record<string, () => HttpResponseInit> = {
  string: () => ({ body: "plain text" }),
  bytes: () => ({
    body: new Uint8Array([104, 105]),
    headers: { "Content-Type": "application/octet-stream" },
  }),
  "node-stream": () => ({ body: Readable.from([Buffer.from("str"), Buffer.from("eam")]) }),
  "web-stream": () => ({ body: Readable.toWeb(Readable.from([Buffer.from("web")])) }),
  cookie: () => ({
    status: 204,
    cookies: [{ name: "session", value: "abc", path: "/", httpOnly: true, sameSite: "Lax" }],
  }),
};

const definitions = [
  echo,
  define("bodies/{kind}", ["GET"], async (request) => {
    const body = bodies[request.params.kind ?? ""];
    return body ? body() : { status: 404 };
  }),
  define("broken", ["GET"], async () => {
    throw new Error("handler bug");
  }),
];

describe("createRequestListener", () => {
  const log = createRecordingLogger();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const listener = createRequestListener({
      router: createHttpRouter(definitions),
      site: createStaticSite(path.join(tmpdir(), "dealflow-no-such-dir")),
      log,
      origin: "http://127.0.0.1",
      bodyLimit: 1024,
    });
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => {
    server.close();
  });

  it("hands the handler a real HttpRequest with method, URL, query, headers, params and body", async () => {
    const response = await fetch(`${base}/api/echo/o%201/a/b?stage=new&stage=won`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ hello: "world" }),
    });

    expect(response.status).toBe(201);
    expect(response.headers.get("x-echo")).toBe("yes");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      isHttpRequest: true,
      method: "POST",
      url: `${base}/api/echo/o%201/a/b?stage=new&stage=won`,
      params: { id: "o 1", rest: "a/b" },
      stages: ["new", "won"],
      contentType: "application/json",
      accept: "application/json",
      forwardedFor: "127.0.0.1",
      body: { hello: "world" },
    });
  });

  it("appends the connection's address to X-Forwarded-For, after what the client claimed, as Azure's front end does", async () => {
    const response = await fetch(`${base}/api/echo/1/2`, {
      headers: { "X-Forwarded-For": "203.0.113.9" },
    });

    expect(await response.json()).toMatchObject({ forwardedFor: "203.0.113.9, 127.0.0.1" });
  });

  it.each([
    { kind: "string", text: "plain text", type: "text/plain;charset=UTF-8" },
    { kind: "bytes", text: "hi", type: "application/octet-stream" },
    { kind: "node-stream", text: "stream", type: null },
    { kind: "web-stream", text: "web", type: null },
  ])("writes a $kind body", async ({ kind, text, type }) => {
    const response = await fetch(`${base}/api/bodies/${kind}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(await response.text()).toBe(text);
  });

  it("writes cookies as Set-Cookie headers", async () => {
    const response = await fetch(`${base}/api/bodies/cookie`);

    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual([
      "session=abc; Path=/; HttpOnly; SameSite=Lax",
    ]);
  });

  it("answers 404 problem+json for a route no function serves", async () => {
    const response = await fetch(`${base}/api/nothing-here`);

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, title: "Not Found" });
  });

  it("answers 405 problem+json with Allow for a method the route does not take", async () => {
    const response = await fetch(`${base}/api/echo/1/2`, { method: "DELETE" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, GET");
    expect(await response.json()).toMatchObject({ status: 405, title: "Method Not Allowed" });
  });

  it("answers 413 problem+json for a body over the limit", async () => {
    const response = await fetch(`${base}/api/echo/1/2`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(2048) }),
    });

    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 413, title: "Content Too Large" });
  });

  it("answers 413 for an oversized body sent without a length", async () => {
    const chunks = Readable.toWeb(Readable.from([Buffer.alloc(800), Buffer.alloc(800)]));
    const response = await fetch(`${base}/api/echo/1/2`, {
      method: "POST",
      body: chunks,
      duplex: "half",
    } as RequestInit);

    expect(response.status).toBe(413);
  });

  it("answers 500 problem+json and logs when a handler throws", async () => {
    const response = await fetch(`${base}/api/broken`);

    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ status: 500, title: "Internal Server Error" });
    expect(log.entries.some((entry) => entry.message.startsWith("[broken] Unhandled error"))).toBe(
      true,
    );
  });

  it("leaves paths outside /api to the site", async () => {
    const response = await fetch(`${base}/apis`);

    expect(await response.text()).toContain("Dealflow is running");
  });
});
