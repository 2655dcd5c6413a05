import type {
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from "@azure/functions";
import type { z } from "zod";
import type { AppConfig } from "../config/app-config.js";
import { problemResponse } from "../http/problem-response.js";
import type { Authenticator, Principal } from "../identity/principal.js";
import { serverTimingOf, timeRequest } from "../observability/request-timing.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { toProblem, validationProblem } from "./http/api-problem.js";
import { readJsonBody } from "./http/request-body.js";

/** What a handler answers; JSON unless `text` is given (CSV exports). */
export type ApiResult<Body = unknown> = {
  status?: number;
  body?: Body;
  text?: string;
  contentType?: string;
  etag?: string;
  headers?: Record<string, string>;
};

export type ApiResponseSpec = {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
};

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Responses = Record<number, ApiResponseSpec>;

/**
 * The JSON bodies a route declares it answers: what its handler may return is one of them, so
 * an answer and its documented schema (the contract the tab types its calls with) cannot drift.
 */
export type AnswerOf<R extends Responses> = {
  [K in keyof R]: R[K] extends { schema: infer S extends z.ZodType } ? z.input<S> : never;
}[keyof R];

export type ApiInput<P, Q, B, A extends boolean> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  principal: A extends false ? null : Principal;
  request: HttpRequest;
  context: InvocationContext;
};

/**
 * One API operation, declared once: validation (one schema per part of the request), the
 * OpenAPI description built from the same schemas, authentication, and the handler.
 */
export type ApiRouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  A extends boolean,
  R extends Responses = Responses,
> = {
  name: string;
  method: HttpMethod;
  /** Azure route template without `api/`: `opportunities/{id}`. */
  route: string;
  summary: string;
  tag: string;
  /** false: no bearer token (intake, dev sign-in, the OpenAPI document). Default true. */
  auth?: A;
  params?: P;
  query?: Q;
  /** A JSON body schema; omit for bodies the handler reads itself (intake's raw bytes). */
  body?: B;
  /** A description of a body the handler reads itself, for the OpenAPI document. */
  rawBody?: { contentTypes: string[]; description: string };
  responses: R;
  handler(input: ApiInput<P, Q, B, A>): Promise<ApiResult<AnswerOf<R>>>;
};

/** A declared route: the function to register and the spec the OpenAPI document reads. */
export type ApiRoute = {
  spec: ApiRouteSpec<Schema | undefined, Schema | undefined, Schema | undefined, boolean>;
  definition: HttpFunctionDefinition;
};

export type ApiDeps = {
  authenticate: Authenticator;
  config?: Pick<AppConfig, "serverTiming">;
};

const queryObject = (request: HttpRequest): Record<string, string> => {
  const query: Record<string, string> = {};
  // The first of repeated keys wins: a filter is one value, never a list smuggled in twice.
  for (const [key, value] of request.query) if (!(key in query)) query[key] = value;
  return query;
};

const toResponse = (result: ApiResult): HttpResponseInit => {
  const headers: Record<string, string> = { "Cache-Control": "no-store", ...result.headers };
  if (result.etag) headers.ETag = result.etag;
  if (result.text !== undefined) {
    headers["Content-Type"] = result.contentType ?? "text/plain; charset=utf-8";
    return { status: result.status ?? 200, headers, body: result.text };
  }
  if (result.body === undefined) return { status: result.status ?? 204, headers };
  headers["Content-Type"] = result.contentType ?? "application/json";
  return { status: result.status ?? 200, headers, jsonBody: result.body };
};

const withHeader = (response: HttpResponseInit, name: string, value: string): HttpResponseInit => {
  const { headers } = response;
  const record =
    headers === undefined
      ? {}
      : headers instanceof Headers || Array.isArray(headers)
        ? Object.fromEntries(headers)
        : { ...headers };
  return { ...response, headers: { ...record, [name]: value } };
};

const notFound = (): HttpResponseInit =>
  problemResponse({ status: 404, title: "Not found", detail: "No such record." });

export const defineApiRoute = <
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  A extends boolean = true,
  const R extends Responses = Responses,
>(
  deps: ApiDeps,
  spec: ApiRouteSpec<P, Q, B, A, R>,
): ApiRoute => {
  const answer = async (
    request: HttpRequest,
    context: InvocationContext,
  ): Promise<HttpResponseInit> => {
    try {
      const principal = spec.auth === false ? null : await deps.authenticate(request);
      // A malformed id names nothing that exists: 404, the same answer as an unknown one.
      const params = spec.params ? spec.params.safeParse(request.params) : null;
      if (params && !params.success) return notFound();
      const query = spec.query ? spec.query.safeParse(queryObject(request)) : null;
      if (query && !query.success) return validationProblem(query.error, "query");
      let body: unknown;
      if (spec.body) {
        const parsed = spec.body.safeParse(await readJsonBody(request));
        if (!parsed.success) return validationProblem(parsed.error);
        body = parsed.data;
      }
      const result = await spec.handler({
        params: params?.data,
        query: query?.data,
        body,
        principal,
        request,
        context,
      } as ApiInput<P, Q, B, A>);
      return toResponse(result);
    } catch (error) {
      const { response, unexpected } = toProblem(error);
      if (unexpected) context.error(`${spec.name} failed:`, error);
      return response;
    }
  };
  // SERVER_TIMING=on (docs/api.md): each answer says how long it waited on storage and queues.
  const handler =
    deps.config?.serverTiming === "on"
      ? async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
          const { result, timing } = await timeRequest(() => answer(request, context));
          return withHeader(result, "Server-Timing", serverTimingOf(timing));
        }
      : answer;
  return {
    spec: spec as unknown as ApiRoute["spec"],
    definition: {
      name: spec.name,
      trigger: "http",
      methods: [spec.method],
      route: spec.route,
      authLevel: "anonymous",
      handler,
    },
  };
};
