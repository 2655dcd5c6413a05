import { describe, expect, it } from "vitest";
import { compileRouteTemplate } from "./route-template.js";

describe("compileRouteTemplate", () => {
  it.each([
    { template: "health", path: "/health", params: {} },
    { template: "health", path: "/HEALTH/", params: {} },
    { template: "opportunities/{id}", path: "/opportunities/01J9", params: { id: "01J9" } },
    {
      template: "opportunities/{id}/followers/{userId}",
      path: "/opportunities/o1/followers/u%20two",
      params: { id: "o1", userId: "u two" },
    },
    { template: "tasks/{id?}", path: "/tasks", params: {} },
    { template: "tasks/{id?}", path: "/tasks/t1", params: { id: "t1" } },
    { template: "files/{*path}", path: "/files/a/b%2Fc/d.txt", params: { path: "a/b/c/d.txt" } },
    { template: "files/{*path}", path: "/files", params: {} },
    { template: "items/{n:int}", path: "/items/42", params: { n: "42" } },
  ])("matches $path against $template", ({ template, path, params }) => {
    expect(compileRouteTemplate(template).match(path)).toEqual(params);
  });

  it.each([
    { template: "health", path: "/healthz" },
    { template: "opportunities/{id}", path: "/opportunities" },
    { template: "opportunities/{id}", path: "/opportunities/o1/notes" },
    { template: "opportunities/{id}/notes", path: "/opportunities//notes" },
    { template: "items/{n:int}", path: "/items/forty-two" },
  ])("does not match $path against $template", ({ template, path }) => {
    expect(compileRouteTemplate(template).match(path)).toBeUndefined();
  });

  it.each([
    { template: "files/{*path}/more", reason: "catch-all must be the last" },
    { template: "tasks/{id?}/notes", reason: "only the last segments may be optional" },
    { template: "items/{n:regex}", reason: 'unsupported constraint "regex"' },
    { template: "files/{name}.{ext}", reason: "unsupported segment" },
  ])("refuses the template $template", ({ template, reason }) => {
    expect(() => compileRouteTemplate(template)).toThrow(reason);
  });
});
