import { renderHook, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HostContext } from "./host-context.js";
import { detectHost } from "./teams-host.js";
import { readerTimeZone, useTeamsPreferences } from "./teams-preferences.js";

const teams = await vi.hoisted(async () =>
  (await import("../test/teams-js-double.js")).teamsJsDouble(),
);
vi.mock("@microsoft/teams-js", () => teams);

/** The tab framed by a Spanish Teams on a laptop in Mexico City. */
const hostInMexico = async (): Promise<HostContext> => {
  vi.stubGlobal("opener", {});
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockReturnValue({
    ...resolved,
    timeZone: "America/Mexico_City",
  });
  teams.app.getContext.mockResolvedValueOnce({
    app: { locale: "es-es", theme: "default" },
    page: { id: "" },
  });
  const host = await detectHost();
  vi.restoreAllMocks();
  return host;
};

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe("the session tells the API the person's Teams language and zone", () => {
  it("sends the Teams locale and the device's zone once, whatever re-renders", async () => {
    const host = await hostInMexico();
    const send = vi.fn(async () => ({}));

    const view = renderHook(() => useTeamsPreferences(host, send), { wrapper: StrictMode });
    view.rerender();
    renderHook(() => useTeamsPreferences(host, send));

    await waitFor(() => expect(send).toHaveBeenCalled());
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ locale: "es-es", timeZone: "America/Mexico_City" });
  });

  it("sends nothing before the session is ready, nor in a plain browser tab", async () => {
    const send = vi.fn(async () => ({}));
    const host = await hostInMexico();

    renderHook(() => useTeamsPreferences(host, null));
    renderHook(() => useTeamsPreferences({ kind: "browser", locale: "es-ES" }, send));

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(send).not.toHaveBeenCalled();
  });

  it("tries again in a later session when the request failed", async () => {
    const host = await hostInMexico();
    const failing = vi.fn(async () => {
      throw new Error("offline");
    });
    renderHook(() => useTeamsPreferences(host, failing));
    await waitFor(() => expect(failing).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));

    const send = vi.fn(async () => ({}));
    renderHook(() => useTeamsPreferences(host, send));

    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
  });

  it("leaves out a language we do not speak but still sends the zone", async () => {
    const host = await hostInMexico();
    if (host.kind !== "teams") throw new Error("not Teams");
    const send = vi.fn(async () => ({}));

    renderHook(() => useTeamsPreferences({ ...host, locale: "fr-fr" }, send));

    await waitFor(() => expect(send).toHaveBeenCalledWith({ timeZone: "America/Mexico_City" }));
  });
});

describe("the zone the tab shows dates in", () => {
  const tenant = { timeZone: "Europe/Madrid" };

  it("is the person's own in Teams, the tenant's in a browser tab or with no known zone", async () => {
    const host = await hostInMexico();
    if (host.kind !== "teams") throw new Error("not Teams");

    expect(readerTimeZone(host, tenant)).toBe("America/Mexico_City");
    expect(readerTimeZone({ ...host, timeZone: null }, tenant)).toBe("Europe/Madrid");
    expect(readerTimeZone({ kind: "browser", locale: "es-ES" }, tenant)).toBe("Europe/Madrid");
  });
});
