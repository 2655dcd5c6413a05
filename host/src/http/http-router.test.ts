import type { HttpMethod } from "@azure/functions";
import type { HttpFunctionDefinition } from "@dealflow/functions/hosting";
import { describe, expect, it } from "vitest";
import { createHttpRouter } from "./http-router.js";

const define = (name: string, route: string, methods: HttpMethod[]): HttpFunctionDefinition => ({
  name,
  trigger: "http",
  route,
  methods,
  authLevel: "anonymous",
  handler: async () => ({ status: 204 }),
});

const router = createHttpRouter([
  define("followUser", "opportunities/{id}/followers/{userId}", ["POST", "DELETE"]),
  define("followMe", "opportunities/{id}/followers/me", ["POST", "DELETE"]),
  define("getOpportunity", "opportunities/{id}", ["GET", "PATCH"]),
  define("health", "health", ["GET"]),
]);

describe("createHttpRouter", () => {
  it("finds the function for the method and path, with its route parameters", () => {
    expect(router.resolve("get", "/api/opportunities/o1")).toMatchObject({
      kind: "found",
      definition: { name: "getOpportunity" },
      params: { id: "o1" },
    });
  });

  it("prefers a literal segment over a parameter, whatever the declaration order", () => {
    expect(router.resolve("POST", "/api/opportunities/o1/followers/me")).toMatchObject({
      definition: { name: "followMe" },
      params: { id: "o1" },
    });
    expect(router.resolve("POST", "/api/opportunities/o1/followers/u7")).toMatchObject({
      definition: { name: "followUser" },
      params: { id: "o1", userId: "u7" },
    });
  });

  it("answers method-not-allowed with the methods the path accepts", () => {
    expect(router.resolve("DELETE", "/api/opportunities/o1")).toEqual({
      kind: "method-not-allowed",
      allow: ["GET", "PATCH"],
    });
  });

  it("answers not-found for a path no function serves, or one outside /api", () => {
    expect(router.resolve("GET", "/api/nothing")).toEqual({ kind: "not-found" });
    expect(router.resolve("GET", "/health")).toEqual({ kind: "not-found" });
  });

  it("refuses two functions serving the same method and route", () => {
    expect(() =>
      createHttpRouter([define("a", "health", ["GET"]), define("b", "Health", ["GET", "POST"])]),
    ).toThrow('Functions "a" and "b" both serve GET api/health');
  });
});
