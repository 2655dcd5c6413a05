import { describe, expect, it } from "vitest";
import { readAppConfig } from "./app-config.js";
import { ConfigError } from "./config-error.js";
import { isLoopbackHost } from "./is-loopback-host.js";

const errorOf = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("readAppConfig", () => {
  it("takes the defaults of CONTRACTS.md when nothing is set", () => {
    const config = readAppConfig({}, "local-host");

    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3978,
      storageConnectionString: undefined,
      dataDir: ".data",
      seed: "demo",
      timers: "on",
      serverTiming: "off",
      auth: { mode: "dev" },
      notifyCoalesceSeconds: 120,
      sweepLeaseSeconds: 120,
    });
  });

  it("reads every variable that is set", () => {
    const config = readAppConfig(
      {
        PORT: "4000",
        HOST: "0.0.0.0",
        STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
        DATA_DIR: "/var/dealflow",
        SEED: "none",
        TIMERS: "OFF",
        SERVER_TIMING: "on",
        AUTH_MODE: "entra",
        AUTH_JWKS_URI: "https://login.example/keys",
        AUTH_ISSUER: "https://login.example/{tid}/v2.0",
        AUTH_AUDIENCE: "api://dealflow",
        AAD_APP_CLIENT_ID: "client",
        AAD_APP_TENANT_ID: "tenant",
        AAD_APP_CLIENT_SECRET: "secret",
        MAIL_SENDER: "dealflow@contoso.example",
        BOT_ID: "bot",
        BOT_PASSWORD: "pw",
        BOT_TENANT_ID: "bot-tenant",
        BOT_TYPE: "singletenant",
        NOTIFY_COALESCE_SECONDS: "0",
        SWEEP_LEASE_SECONDS: "30",
        PUBLIC_BASE_URL: "https://dealflow.contoso.example/",
      },
      "local-host",
    );

    expect(config).toEqual({
      runtime: "local-host",
      host: "0.0.0.0",
      port: 4000,
      storageConnectionString: "UseDevelopmentStorage=true",
      storageAccount: undefined,
      dataDir: "/var/dealflow",
      seed: "none",
      timers: "off",
      serverTiming: "on",
      auth: {
        mode: "entra",
        jwksUri: "https://login.example/keys",
        issuer: "https://login.example/{tid}/v2.0",
        audience: "api://dealflow",
      },
      aadApp: { clientId: "client", tenantId: "tenant", clientSecret: "secret" },
      bot: { id: "bot", password: "pw", tenantId: "bot-tenant", type: "SingleTenant" },
      graph: {
        clientId: "client",
        homeTenantId: "tenant",
        clientSecret: "secret",
        mailSender: "dealflow@contoso.example",
        authorityHost: "https://login.microsoftonline.com",
        graphBaseUrl: "https://graph.microsoft.com/v1.0",
      },
      notifyCoalesceSeconds: 0,
      sweepLeaseSeconds: 30,
      publicBaseUrl: "https://dealflow.contoso.example",
    });
  });

  it("links clients to the local host's own address unless PUBLIC_BASE_URL says otherwise", () => {
    expect(readAppConfig({ PORT: "4100" }, "local-host").publicBaseUrl).toBe(
      "http://localhost:4100",
    );
  });

  it("treats a blank variable as unset", () => {
    expect(readAppConfig({ PORT: " ", BOT_ID: "" }, "local-host")).toMatchObject({
      port: 3978,
      bot: { id: undefined },
    });
  });

  it.each([
    { variable: "PORT", value: "eighty" },
    { variable: "PORT", value: "70000" },
    { variable: "PORT", value: "-1" },
    { variable: "SEED", value: "lots" },
    { variable: "TIMERS", value: "sometimes" },
    { variable: "SERVER_TIMING", value: "yes" },
    { variable: "AUTH_MODE", value: "trust-me" },
    { variable: "AUTH_JWKS_URI", value: "not a url" },
    { variable: "BOT_TYPE", value: "Personal" },
    { variable: "BOT_TYPE", value: "MultiTenant" },
    { variable: "NOTIFY_COALESCE_SECONDS", value: "1.5" },
    { variable: "SWEEP_LEASE_SECONDS", value: "0" },
    { variable: "PUBLIC_BASE_URL", value: "dealflow.example" },
  ])("refuses $variable=$value with an error naming the variable", ({ variable, value }) => {
    const error = errorOf(() => readAppConfig({ [variable]: value }, "local-host"));

    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(value);
  });

  it("defaults to entra auth when the local host listens beyond loopback", () => {
    expect(readAppConfig({ HOST: "0.0.0.0" }, "local-host").auth.mode).toBe("entra");
  });

  it("refuses dev auth when the local host listens on a non-loopback address", () => {
    const error = errorOf(() => readAppConfig({ HOST: "0.0.0.0", AUTH_MODE: "dev" }, "local-host"));

    expect(error.variable).toBe("AUTH_MODE");
    expect(error.message).toContain("HOST=0.0.0.0 is not a loopback address");
  });

  it("allows dev auth on an IPv6 loopback address", () => {
    expect(readAppConfig({ HOST: "::1", AUTH_MODE: "dev" }, "local-host").auth.mode).toBe("dev");
  });

  it("defaults to entra auth in the Azure Functions host and refuses dev there", () => {
    const env = { STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" };

    expect(readAppConfig(env, "functions-host").auth.mode).toBe("entra");
    expect(
      errorOf(() => readAppConfig({ ...env, AUTH_MODE: "dev" }, "functions-host")).variable,
    ).toBe("AUTH_MODE");
  });

  it("requires a storage connection string in the Azure Functions host", () => {
    expect(errorOf(() => readAppConfig({}, "functions-host")).variable).toBe(
      "STORAGE_CONNECTION_STRING",
    );
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0:0:0:0:0:0:0:1", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
    ["::ffff:10.0.0.1", false],
    ["example.com", false],
  ])("%s → %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
