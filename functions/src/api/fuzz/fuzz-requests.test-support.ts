import fc from "fast-check";
import { BODY_LIMIT_BYTES } from "../http/request-body.js";
import {
  type JsonSchema,
  junk,
  ODATA_STRINGS,
  oddString,
  shaped,
} from "./fuzz-arbitraries.test-support.js";

type Parameter = { name: string; in: "path" | "query" | "header"; schema?: JsonSchema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};
export type OpenApi = { paths: Record<string, Record<string, OpenApiOperation>> };

/** An operation of the OpenAPI document that takes input the fuzz can get wrong. */
export type FuzzOperation = {
  method: string;
  template: string;
  pathParameters: string[];
  queryParameters: string[];
  /** The media types of its body (none: it takes no body) and the JSON one's schema. */
  bodyTypes: string[];
  jsonSchema: JsonSchema;
};

/** Every operation that takes a body or query parameters, routes added later included. */
export const fuzzOperations = (document: OpenApi): FuzzOperation[] =>
  Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const named = (where: Parameter["in"]) =>
        (operation.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
      const content = operation.requestBody?.content ?? {};
      const fuzzed = {
        method: method.toUpperCase(),
        template,
        pathParameters: [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ""),
        queryParameters: named("query"),
        bodyTypes: Object.keys(content),
        jsonSchema: content["application/json"]?.schema ?? {},
      };
      return fuzzed.bodyTypes.length > 0 || fuzzed.queryParameters.length > 0 ? [fuzzed] : [];
    }),
  );

/** A path parameter: the tenant's real id for it (so validation, not 404, is reached) or not. */
export type PathValue = "real" | { odata: string };
export type QueryValue = string | { repeat: string; times: number };
export type Body =
  | { json: unknown; contentType?: string }
  | { text: string; contentType: string }
  | { csvCells: string[][] }
  /** Shaped JSON with one property `length` characters long, just under the body limit. */
  | { huge: number; json: unknown; property: string; contentType: string }
  /** Over the 1 MiB limit: 413 before anything is parsed. */
  | { overLimit: true; contentType: string };

export type FuzzRequest = {
  as: "owner" | "manager";
  path: Record<string, PathValue>;
  query: Partial<Record<string, QueryValue>>;
  body?: Body | undefined;
};

const CSV_HEADER = "name,email,source,owner,externalId,receivedAt,tags";
const MALFORMED = ['{"a":', "nul", "[1,2", "\u0000\u0001", '{"x":"\\ud800"}', "a=1&b=%zz"];
const HUGE_LENGTH = BODY_LIMIT_BYTES - 2_000 - 64;

const queryValue: fc.Arbitrary<QueryValue> = fc.oneof(
  fc.constantFrom(...ODATA_STRINGS),
  oddString,
  fc.record(
    { repeat: fc.constant("q"), times: fc.integer({ min: 2_000, max: 4_000 }) },
    { noNullPrototype: true },
  ),
  junk(2).map((value) => JSON.stringify(value) ?? "null"),
);

/** A kind of wrong body, named for the test that sends it. */
export type BodyCase = { name: string; body: fc.Arbitrary<Body> };

/** The kinds of wrong body an operation gets, each in a test of its own so that each is sent. */
export const bodyCases = (operation: FuzzOperation): BodyCase[] => {
  const types = operation.bodyTypes;
  if (types.length === 0) return [];
  const csv = types.includes("text/csv");
  const json = "application/json";
  const shapedJson = (mode: "wrong-types" | "odata") =>
    shaped(operation.jsonSchema, mode).map((value): Body => ({ json: value }));
  const csvRows = fc
    .array(fc.array(fc.constantFrom(...ODATA_STRINGS), { minLength: 7, maxLength: 7 }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((cells): Body => ({ csvCells: cells }));
  return [
    { name: "any JSON", body: junk(3).map((value): Body => ({ json: value })) },
    { name: "mistyped fields", body: shapedJson("wrong-types") },
    csv
      ? { name: "OData-looking CSV", body: csvRows }
      : { name: "OData-looking fields", body: shapedJson("odata") },
    {
      name: "malformed text",
      body: fc.record(
        {
          text: fc.constantFrom(...MALFORMED),
          contentType: fc.constantFrom(...types, json, "text/plain", "application/xml"),
        },
        { noNullPrototype: true },
      ),
    },
    {
      name: "a field just under the body limit",
      body: fc
        .record(
          {
            json: shaped(operation.jsonSchema, "odata"),
            property: fc.constantFrom(
              ...Object.keys(operation.jsonSchema.properties ?? {}),
              "text",
            ),
          },
          { noNullPrototype: true },
        )
        .map(
          ({ json: value, property }): Body => ({
            huge: HUGE_LENGTH,
            json: value,
            property,
            contentType: csv ? "text/csv" : json,
          }),
        ),
    },
    {
      name: "a body over the limit",
      body: fc
        .constantFrom(...types)
        .map((contentType): Body => ({ overLimit: true, contentType })),
    },
    {
      name: "a bare JSON value as any media type",
      body: fc
        .record(
          { json: junk(0), contentType: fc.constantFrom(...types) },
          { noNullPrototype: true },
        )
        .map((body): Body => body),
    },
  ];
};

const pathValue: fc.Arbitrary<PathValue> = fc.oneof(
  { weight: 9, arbitrary: fc.constant("real" as const) },
  { weight: 1, arbitrary: fc.constantFrom(...ODATA_STRINGS).map((odata) => ({ odata })) },
);

/** One request to `operation` with a body from `body` (none: a query-only operation). */
export const fuzzRequest = (
  operation: FuzzOperation,
  body?: fc.Arbitrary<Body>,
): fc.Arbitrary<FuzzRequest> =>
  fc.record(
    {
      as: fc.constantFrom("owner" as const, "manager" as const),
      path: fc.record(
        Object.fromEntries(operation.pathParameters.map((name) => [name, pathValue])),
        { noNullPrototype: true },
      ),
      query: fc.record(
        Object.fromEntries(operation.queryParameters.map((name) => [name, queryValue])),
        { requiredKeys: [], noNullPrototype: true },
      ),
      body: body ?? fc.constant(undefined),
    },
    { noNullPrototype: true },
  );

export type HttpRequest = { path: string; contentType?: string; body?: string };

/** What `request` sends; `realId` gives the tenant's id for a path parameter. */
export const materialize = (
  operation: FuzzOperation,
  request: FuzzRequest,
  realId: (template: string, parameter: string) => string,
): HttpRequest => {
  const path = operation.template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.path[name] ?? "real";
    return value === "real" ? realId(operation.template, name) : encodeURIComponent(value.odata);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value !== undefined)
      search.set(name, typeof value === "string" ? value : value.repeat.repeat(value.times));
  }
  const url = search.size > 0 ? `${path}?${search}` : path;
  const body = request.body;
  if (body === undefined) return { path: url };
  if ("overLimit" in body) {
    return {
      path: url,
      contentType: body.contentType,
      body: `{"text":"${"y".repeat(BODY_LIMIT_BYTES)}"}`,
    };
  }
  if ("huge" in body) {
    const shapedValue = typeof body.json === "object" && body.json !== null ? body.json : {};
    const value = { ...shapedValue, [body.property]: "x".repeat(body.huge) };
    return { path: url, contentType: body.contentType, body: JSON.stringify(value) };
  }
  if ("csvCells" in body) {
    const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const rows = body.csvCells.map((row) => row.map(cell).join(","));
    return { path: url, contentType: "text/csv", body: [CSV_HEADER, ...rows].join("\n") };
  }
  if ("text" in body) return { path: url, contentType: body.contentType, body: body.text };
  return {
    path: url,
    contentType: body.contentType ?? "application/json",
    body: JSON.stringify(body.json) ?? "null",
  };
};
