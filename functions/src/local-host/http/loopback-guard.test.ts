import { describe, expect, it } from "vitest";
import { createLoopbackGuard } from "./loopback-guard.js";

describe("the loopback guard of dev mode and the anonymous bot", () => {
  const guard = createLoopbackGuard({ port: 3978, bindHost: "127.0.0.1" });

  it.each([["localhost:3978"], ["Localhost:3978"], ["127.0.0.1:3978"], ["[::1]:3978"]])(
    "answers Host %s",
    (host) => {
      expect(guard({ host })).toBeNull();
    },
  );

  it.each([
    ["another name that resolves to 127.0.0.1", "rebind.attacker.example:3978"],
    ["a loopback name without the port", "127.0.0.1"],
    ["a loopback name with another port", "127.0.0.1:80"],
    ["a loopback name with a trailing dot", "localhost.:3978"],
    ["another loopback address than the bound one", "127.0.0.2:3978"],
    ["userinfo before a loopback name", "evil.example@localhost:3978"],
  ])("refuses %s", (_case, host) => {
    expect(guard({ host })).toContain("answers only");
  });

  it("refuses a request without Host", () => {
    expect(guard({})).toContain("without Host");
  });

  it("refuses a forwarded request even when the proxy rewrote Host to localhost", () => {
    expect(
      guard({ host: "localhost:3978", "x-forwarded-host": "t-3978.euw.devtunnels.ms" }),
    ).toContain("x-forwarded-host");
  });

  it("also answers the loopback address it is bound to", () => {
    const bound = createLoopbackGuard({ port: 4000, bindHost: "127.0.0.2" });
    const ipv6 = createLoopbackGuard({ port: 4000, bindHost: "::1" });

    expect(bound({ host: "127.0.0.2:4000" })).toBeNull();
    expect(ipv6({ host: "[::1]:4000" })).toBeNull();
  });
});
