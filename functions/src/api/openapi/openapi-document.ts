import { problemSchema } from "@dealflow/contract";
import { z } from "zod";
import type { ApiRoute } from "../api-route.js";

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1, of what a client sends (input side). */
const jsonSchemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
};

/** Path and query parameters from an object schema: one parameter per property. */
const parametersOf = (schema: z.ZodType | undefined, where: "path" | "query") => {
  if (!schema) return [];
  const json = jsonSchemaOf(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: property,
  }));
};

const operationOf = (route: ApiRoute) => {
  const { spec } = route;
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const contentType = response.contentType ?? "application/json";
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { [contentType]: { schema: jsonSchemaOf(response.schema) } } }
        : {}),
    };
  }
  const errorStatuses = [
    ...(spec.auth === false ? [] : ["401"]),
    ...(spec.body || spec.query || spec.rawBody ? ["400"] : []),
    ...(spec.params ? ["404"] : []),
    "503",
  ];
  for (const status of errorStatuses) {
    responses[status] ??= {
      description: "A problem (RFC 9457)",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  const body = spec.body
    ? { required: true, content: { "application/json": { schema: jsonSchemaOf(spec.body) } } }
    : spec.rawBody
      ? {
          required: true,
          description: spec.rawBody.description,
          content: Object.fromEntries(spec.rawBody.contentTypes.map((type) => [type, {}])),
        }
      : undefined;
  return {
    operationId: spec.name,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth === false ? { security: [] } : {}),
    parameters: [...parametersOf(spec.params, "path"), ...parametersOf(spec.query, "query")],
    ...(body ? { requestBody: body } : {}),
    responses,
  };
};

/** The OpenAPI 3.1 document of every declared API route, built from their own schemas. */
export const openApiDocument = (routes: readonly ApiRoute[], version: string) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api/${route.spec.route}`;
    paths[path] ??= {};
    paths[path][route.spec.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Dealflow API",
      version,
      description:
        "The REST API of Dealflow's tabs. Bearer tokens are Teams SSO tokens (Entra ID) or, in dev mode, tokens from /api/dev/token.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Problem: jsonSchemaOf(problemSchema) },
    },
    paths,
  };
};
