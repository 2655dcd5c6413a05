import { randomUUID } from "node:crypto";
import type { defaultSettings } from "@dealflow/core";
import { describe, expect, inject, it } from "vitest";
import { createStore } from "./store.js";
import { createTableStorage } from "./table-storage.js";

const storeWithCache = async (clock: () => Date) => {
  const storage = createTableStorage({
    connectionString: inject("storageConnectionString"),
    tablePrefix: `s${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  return {
    cached: createStore(storage, clock, { settingsTtlMs: 30_000 }),
    other: createStore(storage, clock),
  };
};

const renamed = (settings: ReturnType<typeof defaultSettings>, locale: "en" | "es") => ({
  ...settings,
  locale,
});

describe("settings reuse", () => {
  it("sees its own settings write at once", async () => {
    const tenantId = randomUUID();
    const { cached } = await storeWithCache(() => new Date());
    const before = await cached.getSettings(tenantId);

    await cached.commit(tenantId, {
      changes: [{ entity: "settings", before, after: renamed(before, "es") }],
      schedule: [],
      cancel: [],
    });

    expect((await cached.getSettings(tenantId)).locale).toBe("es");
  });

  it("sees another instance's write once the time to live has passed", async () => {
    const tenantId = randomUUID();
    let now = Date.parse("2026-11-22T10:00:00Z");
    const { cached, other } = await storeWithCache(() => new Date(now));
    const before = await cached.getSettings(tenantId);
    await other.commit(tenantId, {
      changes: [{ entity: "settings", before, after: renamed(before, "es") }],
      schedule: [],
      cancel: [],
    });

    expect((await cached.getSettings(tenantId)).locale).toBe("en");
    now += 30_000;
    expect((await cached.getSettings(tenantId)).locale).toBe("es");
  });
});
