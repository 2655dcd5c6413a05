/**
 * The Content-Security-Policy of the tab pages. Teams and the Microsoft 365 hosts frame the tab,
 * nobody else may (clickjacking); the hosts are those of "Prerequisites" in
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements, with the
 * *.cloud.microsoft domains Microsoft is migrating to. Azure hosting must send the same header.
 */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.teams.cloud.microsoft",
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://*.microsoft365.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://*.outlook.com",
] as const;

const DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["default-src", ["'self'"]],
  // Vite emits module scripts only: no inline script, no eval.
  ["script-src", ["'self'"]],
  // Fluent UI (Griffel) inserts <style> rules at runtime, and index.html has a small inline style.
  ["style-src", ["'self'", "'unsafe-inline'"]],
  // The API is same-origin; teams-js talks to its host through postMessage (not governed by CSP)
  // and fetches its list of valid host origins from res.cdn.office.net on initialize.
  ["connect-src", ["'self'", "https://res.cdn.office.net"]],
  ["img-src", ["'self'", "data:", "blob:"]],
  ["font-src", ["'self'", "data:"]],
  ["object-src", ["'none'"]],
  ["base-uri", ["'self'"]],
  ["form-action", ["'self'"]],
  ["frame-ancestors", TAB_FRAME_ANCESTORS],
];

export const TAB_CONTENT_SECURITY_POLICY = DIRECTIVES.map(
  ([name, sources]) => `${name} ${sources.join(" ")}`,
).join("; ");

/** Headers every HTML page of the tabs is served with. */
export const TAB_PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": TAB_CONTENT_SECURITY_POLICY,
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
