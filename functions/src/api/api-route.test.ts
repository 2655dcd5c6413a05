import azureFunctions, { InvocationContext } from "@azure/functions";
import { idParams } from "@dealflow/contract";
import { DomainError } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Principal, UnauthorizedError } from "../identity/principal.js";
import { type ApiResult, defineApiRoute } from "./api-route.js";
import { openApiDocument } from "./openapi/openapi-document.js";

const principal = {
  tenantId: "t1",
  userId: "u1",
  name: "Ana",
  email: null,
  role: "seller",
  locale: "en",
  teamIds: [],
} as unknown as Principal;

const signedIn = { authenticate: async () => principal };
const signedOut = {
  authenticate: async (): Promise<Principal> => {
    throw new UnauthorizedError("The token has expired.");
  },
};

const bodySchema = z.object({ contact: z.object({ email: z.email() }), count: z.number().int() });

const okSchema = z.object({ ok: z.number() });
type Ok = ApiResult<z.input<typeof okSchema>>;

const route = (deps = signedIn, handler = async (): Promise<Ok> => ({ body: { ok: 1 } })) =>
  defineApiRoute(deps, {
    name: "example",
    method: "POST",
    route: "examples/{id}",
    summary: "An example",
    tag: "examples",
    params: idParams,
    query: z.object({ view: z.enum(["a", "b"]).optional() }),
    body: bodySchema,
    responses: { 200: { description: "ok", schema: okSchema } },
    handler,
  });

const call = (
  definition = route(),
  init: { id?: string; body?: string; query?: string; headers?: Record<string, string> } = {},
) =>
  definition.definition.handler(
    new azureFunctions.HttpRequest({
      method: "POST",
      url: `http://127.0.0.1/api/examples/${init.id ?? "x1"}${init.query ?? ""}`,
      headers: { "content-type": "application/json", ...init.headers },
      params: { id: init.id ?? "x1" },
      body: { string: init.body ?? JSON.stringify({ contact: { email: "a@b.co" }, count: 1 }) },
    }),
    new InvocationContext({ functionName: "example" }),
  );

describe("defineApiRoute", () => {
  it("answers the handler's result as JSON when the request is valid", async () => {
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual({ ok: 1 });
  });

  it("names every invalid body field in a problem+json 400", async () => {
    const response = await call(route(), {
      body: JSON.stringify({ contact: { email: "nope" }, count: "3" }),
    });
    expect(response.status).toBe(400);
    expect(response.headers).toMatchObject({ "Content-Type": "application/problem+json" });
    const paths = (response.jsonBody as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths.sort()).toEqual(["contact.email", "count"]);
  });

  it("refuses a body that is not JSON with 400 and one of another media type with 415", async () => {
    expect((await call(route(), { body: "{nope" })).status).toBe(400);
    const xml = await call(route(), { headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
  });

  it("prefixes invalid query parameters with `query`", async () => {
    const response = await call(route(), { query: "?view=c" });
    expect(response.status).toBe(400);
    expect((response.jsonBody as { errors: { path: string }[] }).errors[0]?.path).toBe(
      "query.view",
    );
  });

  it("answers 404 for an id that cannot exist, before running the handler", async () => {
    let ran = false;
    const definition = route(signedIn, async () => {
      ran = true;
      return {};
    });
    expect((await call(definition, { id: "a'b" })).status).toBe(404);
    expect(ran).toBe(false);
  });

  it("answers 401 with WWW-Authenticate when the token is refused", async () => {
    const response = await call(route(signedOut));
    expect(response.status).toBe(401);
    expect(response.headers).toMatchObject({ "WWW-Authenticate": 'Bearer error="invalid_token"' });
  });

  it("maps domain errors to their statuses, with Retry-After when storage is unavailable", async () => {
    const failing = (code: DomainError["code"]) =>
      call(
        route(signedIn, async () => {
          throw new DomainError(code, "because");
        }),
      );
    expect((await failing("not-found")).status).toBe(404);
    expect((await failing("forbidden")).status).toBe(403);
    expect((await failing("conflict")).status).toBe(412);
    expect((await failing("already-exists")).status).toBe(409);
    const unavailable = await failing("unavailable");
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers).toMatchObject({ "Retry-After": "5" });
  });

  it("answers an unexpected failure with 500 and no internals", async () => {
    const response = await call(
      route(signedIn, async () => {
        throw new Error("secret connection string in here");
      }),
    );
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.jsonBody)).not.toContain("secret");
  });

  it("refuses a declared body over 1 MiB with 413", async () => {
    const response = await call(route(), {
      headers: { "content-length": String(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });
});

describe("openApiDocument", () => {
  it("describes each route's parameters and body from the schemas that validate them", () => {
    const document = openApiDocument([route()], "1.0.0");
    const operation = document.paths["/api/examples/{id}"]?.post as {
      operationId: string;
      parameters: { name: string; in: string; required: boolean }[];
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
      responses: Record<string, unknown>;
    };
    expect(document.openapi).toBe("3.1.0");
    expect(operation.operationId).toBe("example");
    expect(operation.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
      expect.objectContaining({ name: "view", in: "query", required: false }),
    ]);
    expect(operation.requestBody.content["application/json"].schema.required).toEqual([
      "contact",
      "count",
    ]);
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "404", "503"]),
    );
  });
});

describe("a route's answers", () => {
  it("may only be the bodies its responses declare (checked when the code is compiled)", () => {
    const declared = {
      name: "typed",
      method: "GET" as const,
      route: "typed",
      summary: "A typed answer",
      tag: "examples",
      responses: { 200: { description: "ok", schema: okSchema }, 404: { description: "none" } },
    };
    const typed = defineApiRoute(signedIn, {
      ...declared,
      handler: async () => ({ body: { ok: 2 } }),
    });
    // @ts-expect-error: `ok` is a number in the declared schema; a string answer does not build.
    defineApiRoute(signedIn, { ...declared, handler: async () => ({ body: { ok: "2" } }) });
    const undeclared = { ...declared, responses: { 204: { description: "nothing" } } };
    // @ts-expect-error: a route that declares no JSON answer cannot send one.
    defineApiRoute(signedIn, { ...undeclared, handler: async () => ({ body: { ok: 2 } }) });
    expect(typed.spec.responses[200]?.schema).toBe(okSchema);
  });
});
