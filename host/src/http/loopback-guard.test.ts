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

  it.each([
    ["a foreign Origin (a no-cors fetch, a form post)", { origin: "https://attacker.example" }],
    ["a look-alike Origin on another port", { origin: "http://localhost:8080" }],
    ["a cross-site subresource", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" }],
    [
      "a same-site request of another port",
      { "sec-fetch-site": "same-site", "sec-fetch-mode": "cors" },
    ],
  ])("refuses a request sent by a page of another site: %s", (_case, headers) => {
    expect(guard({ host: "localhost:3978", ...headers })).toContain("page of");
  });

  it.each([
    ["our own page", { origin: "http://localhost:3978", "sec-fetch-site": "same-origin" }],
    ["our own page on 127.0.0.1", { origin: "http://127.0.0.1:3978" }],
    ["someone opening a link", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" }],
    ["a typed address", { "sec-fetch-site": "none", "sec-fetch-mode": "navigate" }],
  ])("answers %s", (_case, headers) => {
    expect(guard({ host: "localhost:3978", ...headers })).toBeNull();
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
