import type { HttpFunctionDefinition } from "../../registry/function-definition.js";
import type { ApiRoute } from "../api-route.js";
import { openApiDocument } from "./openapi-document.js";

const API_VERSION = "0.1.0";

/** GET /api/openapi.json: built once from the routes it describes, so it cannot drift. */
export const openApiFunction = (routes: readonly ApiRoute[]): HttpFunctionDefinition => {
  let document: unknown;
  return {
    name: "openApi",
    trigger: "http",
    methods: ["GET"],
    route: "openapi.json",
    authLevel: "anonymous",
    handler: async () => {
      document ??= openApiDocument(routes, API_VERSION);
      return {
        status: 200,
        headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
        jsonBody: document,
      };
    },
  };
};
