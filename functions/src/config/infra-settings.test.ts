import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUEUE_CONNECTION_SETTING } from "../registry/function-definition.js";
import { readAppConfig } from "./app-config.js";

// infra/azure.bicep writes the Function App's settings; these tests read them back through the
// app's own configuration, so a renamed variable or a wrong combination fails here, not in Azure.
const bicep = readFileSync(new URL("../../../infra/azure.bicep", import.meta.url), "utf8");

/** `NAME: value` lines of the `baseSettings` object; expressions get plausible stand-ins. */
const baseSettings = (): Record<string, string> => {
  const block = /var baseSettings = \{\n([\s\S]*?)\n\}/.exec(bicep)?.[1] ?? "";
  const settings: Record<string, string> = {};
  for (const [, name = "", value = ""] of block.matchAll(/^ {2}(\w+): (.+)$/gm)) {
    const literal = /^'([^'$]*)'$/.exec(value)?.[1];
    settings[name] =
      literal ??
      (name.endsWith("_URL") || name.endsWith("Uri")
        ? `https://dealflowabc123.${name.includes("TABLE") ? "table" : "queue"}.core.windows.net`
        : name.toLowerCase().includes("clientid") || name.endsWith("_ID")
          ? "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
          : "from-deployment");
  }
  return settings;
};

describe("the Function App settings of infra/azure.bicep", () => {
  /** The values `@allowed` for the botAppType parameter, which BOT_TYPE is set from. */
  const botAppTypes = () => {
    const allowed =
      /@allowed\(\[([^\]]*)\]\)(?:(?!\nparam )[\s\S])*\nparam botAppType /.exec(bicep)?.[1] ?? "";
    return [...allowed.matchAll(/'(\w+)'/g)].map((match) => match[1]);
  };

  it("allow exactly the bot types the app accepts", () => {
    expect(botAppTypes()).toEqual(["SingleTenant", "UserAssignedMSI"]);
    for (const type of botAppTypes()) {
      const config = readAppConfig({ ...baseSettings(), BOT_TYPE: type }, "functions-host");
      expect(config.bot.type).toBe(type);
    }
  });

  it("are read by the app as managed-identity storage in entra mode", () => {
    const settings = { ...baseSettings(), BOT_TYPE: "SingleTenant" };
    expect(Object.keys(settings).length).toBeGreaterThan(10);
    const config = readAppConfig(settings, "functions-host");
    expect(config.storageConnectionString).toBeUndefined();
    expect(config.storageAccount).toEqual({
      tableUrl: "https://dealflowabc123.table.core.windows.net",
      queueUrl: "https://dealflowabc123.queue.core.windows.net",
      clientId: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    });
    expect(config.auth.mode).toBe("entra");
    expect(config.seed).toBe("none");
  });

  it("open the queue trigger's connection by identity, under the setting name it uses", () => {
    const settings = baseSettings();
    expect(settings[QUEUE_CONNECTION_SETTING]).toBeUndefined();
    expect(settings[`${QUEUE_CONNECTION_SETTING}__credential`]).toBe("managedidentity");
    expect(settings[`${QUEUE_CONNECTION_SETTING}__queueServiceUri`]).toMatch(/^https:/);
    expect(settings.AzureWebJobsStorage__credential).toBe("managedidentity");
  });

  it("run the Function App on the Node.js major that CI tests (.ci/run)", () => {
    const ci = readFileSync(new URL("../../../.ci/run", import.meta.url), "utf8");
    const tested = /^NODE22_VERSION=(\d+)\./m.exec(ci)?.[1];
    const deployed = /\nparam nodeVersion string = '(\d+)'/.exec(bicep)?.[1];
    expect(tested).toBe("22");
    expect(deployed).toBe(tested);
    expect(bicep).toMatch(/runtime: \{\s*name: 'node'\s*version: nodeVersion\s*\}/);
  });

  it("never turn shared-key access back on", () => {
    expect(bicep).toContain("allowSharedKeyAccess: false");
    expect(bicep).toContain("minimumTlsVersion: 'TLS1_2'");
    expect(bicep).toContain("allowBlobPublicAccess: false");
  });
});
