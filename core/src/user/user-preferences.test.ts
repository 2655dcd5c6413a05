import { describe, expect, it } from "vitest";
import { supportedLocaleOf } from "../i18n/locale.js";
import { canonicalTimeZone } from "../i18n/time-zone.js";
import type { User } from "./user.types.js";
import { withPreferences } from "./user-preferences.js";

const ana: User = {
  tenantId: "tenant-a",
  id: "ana",
  name: "Ana García",
  email: null,
  role: "seller",
  locale: "en",
  timeZone: null,
  active: true,
  teamIds: [],
};

describe("canonicalTimeZone", () => {
  it.each([
    ["Europe/Madrid", "Europe/Madrid"],
    ["america/mexico_city", "America/Mexico_City"],
    ["UTC", "UTC"],
    ["Mars/Olympus_Mons", null],
    ["+01:00", null],
    ["", null],
    [42, null],
  ])("reads %s as %s", (value, expected) => {
    expect(canonicalTimeZone(value)).toBe(expected);
  });
});

describe("supportedLocaleOf", () => {
  it.each([
    ["es-ES", "es"],
    ["es-MX", "es"],
    ["en-US", "en"],
    ["es", "es"],
    ["fr-FR", null],
    ["<script>", null],
    [undefined, null],
  ])("reads %s as %s", (tag, expected) => {
    expect(supportedLocaleOf(tag)).toBe(expected);
  });
});

describe("withPreferences", () => {
  it("records a new language and zone", () => {
    expect(withPreferences(ana, { locale: "es", timeZone: "Europe/Madrid" })).toEqual({
      ...ana,
      locale: "es",
      timeZone: "Europe/Madrid",
    });
  });

  it("writes nothing when the record already has them", () => {
    const madrid = { ...ana, locale: "es" as const, timeZone: "Europe/Madrid" };

    expect(withPreferences(madrid, { locale: "es", timeZone: "Europe/Madrid" })).toBeNull();
    expect(withPreferences(madrid, {})).toBeNull();
  });

  it("leaves a deactivated user alone", () => {
    expect(withPreferences({ ...ana, active: false }, { locale: "es" })).toBeNull();
  });
});
