import { describe, expect, it } from "vitest";
import { bucketsBetween } from "./sweep-watermark.js";

describe("bucketsBetween", () => {
  it("lists every hour from the watermark to now, across midnight, oldest first", () => {
    expect(bucketsBetween("2026022822", "2026030101")).toEqual([
      "2026022822",
      "2026022823",
      "2026030100",
      "2026030101",
    ]);
  });

  it("reads only the current hour when the watermark is ahead of this host's clock", () => {
    expect(bucketsBetween("2026030212", "2026030209")).toEqual(["2026030209"]);
  });
});
