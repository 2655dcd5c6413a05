import { describe, expect, it } from "vitest";
import { acceptsEncoding } from "./content-encoding.js";

describe("acceptsEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br", true],
    ["gzip, deflate, br, zstd", "gzip", true],
    ["gzip", "br", false],
    ["br;q=0, gzip", "br", false],
    ["br;q=0.5", "br", true],
    ["*", "br", true],
    ["*;q=0", "gzip", false],
    ["*, br;q=0", "br", false],
    ["GZIP", "gzip", true],
    ["", "gzip", false],
  ])("%j takes %s: %s", (header, encoding, expected) => {
    expect(acceptsEncoding(header, encoding)).toBe(expected);
  });

  it("takes nothing but the identity when the client sends no header", () => {
    expect(acceptsEncoding(undefined, "gzip")).toBe(false);
    expect(acceptsEncoding(null, "br")).toBe(false);
  });
});
