import { describe, expect, it } from "vitest";
import { withQuery } from "./api-client.js";

describe("withQuery", () => {
  it("sends the given values, encoded, and leaves absent ones out", () => {
    expect(withQuery("/api/tasks", { range: "today", owner: undefined, limit: 200 })).toBe(
      "/api/tasks?range=today&limit=200",
    );
    expect(withQuery("/api/contacts", { q: "Ana & Co", cursor: null })).toBe(
      "/api/contacts?q=Ana+%26+Co",
    );
  });

  it("gives the bare path when nothing is to be sent", () => {
    expect(withQuery("/api/users", { cursor: undefined })).toBe("/api/users");
  });
});
