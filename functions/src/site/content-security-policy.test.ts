import { describe, expect, it } from "vitest";
import { TAB_CONTENT_SECURITY_POLICY } from "./content-security-policy.js";

const directives = new Map(
  TAB_CONTENT_SECURITY_POLICY.split(";").map((directive) => {
    const [name = "", ...sources] = directive.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

/** How a browser matches a CSP host source (CSP3 §6.7.2.7), enough for https hosts. */
const allowsAncestor = (origin: string): boolean => {
  const { protocol, host } = new URL(origin);
  return (directives.get("frame-ancestors") ?? []).some((source) => {
    if (source === "'self'") return false;
    const [scheme, pattern = ""] = source.split("://");
    if (`${scheme}:` !== protocol) return false;
    return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
};

describe("the tabs' Content-Security-Policy", () => {
  it.each([
    "https://teams.microsoft.com",
    "https://gov.teams.microsoft.com",
    "https://teams.cloud.microsoft",
    "https://m365.cloud.microsoft",
    "https://outlook.cloud.microsoft",
    "https://www.office.com",
    "https://www.microsoft365.com",
    "https://outlook.office.com",
    "https://outlook.office365.com",
  ])("lets %s frame the tab", (origin) => {
    expect(allowsAncestor(origin)).toBe(true);
  });

  it.each([
    "https://evil.example",
    "https://teams.microsoft.com.evil.example",
    "http://teams.microsoft.com",
    "https://microsoft.com",
    "https://cloud.microsoft",
  ])("refuses to be framed by %s", (origin) => {
    expect(allowsAncestor(origin)).toBe(false);
  });

  it("lets the tab frame itself and nothing else by default", () => {
    expect(directives.get("frame-ancestors")).toContain("'self'");
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
  });

  it("allows scripts from the app's origin only: no inline script, no eval", () => {
    expect(directives.get("script-src")).toEqual(["'self'"]);
  });

  it("allows the inline styles Fluent UI inserts at runtime", () => {
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("calls only its own API and the CDN teams-js reads its valid domains from", () => {
    expect(directives.get("connect-src")).toEqual(["'self'", "https://res.cdn.office.net"]);
  });
});
