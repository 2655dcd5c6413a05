import { describe, expect, it } from "vitest";
import { readAppConfig } from "./app-config.js";
import { answersLoopbackOnly } from "./loopback-only.js";

const configOf = (env: Record<string, string>) =>
  readAppConfig({ STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true", ...env }, "local-host");

describe("when the local host answers this machine only", () => {
  it.each([
    ["dev auth (npm start's default)", {}, true],
    ["Entra auth with the anonymous bot on loopback", { AUTH_MODE: "entra" }, true],
    ["Entra auth with a bot identity (a dev tunnel)", { AUTH_MODE: "entra", BOT_ID: "b0" }, false],
    ["Entra auth on a LAN address (the anonymous bot refuses)", { HOST: "0.0.0.0" }, false],
  ])("%s → %s", (_case, env, loopbackOnly) => {
    expect(answersLoopbackOnly(configOf(env))).toBe(loopbackOnly);
  });
});
