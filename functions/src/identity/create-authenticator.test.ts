import { randomUUID } from "node:crypto";
import azureFunctions from "@azure/functions";
import { describe, expect, it } from "vitest";
import { createTestAppDeps } from "../../../tests/support/test-app-deps.js";
import { createTestStore, newTenantId } from "../../../tests/support/test-storage.js";
import { bearer, mintToken } from "../../../tests/support/tokens.js";
import { UnauthorizedError } from "./principal.js";

const NOW = new Date("2026-03-02T10:00:00Z");

const requestWith = (headers: Record<string, string>) =>
  new azureFunctions.HttpRequest({ method: "GET", url: "http://127.0.0.1/api/me", headers });

const depsFor = async (mode: "dev" | "entra") => {
  const { storage } = await createTestStore(() => NOW);
  return createTestAppDeps({
    storage,
    clock: () => NOW,
    env: mode === "entra" ? { AUTH_MODE: "entra", AAD_APP_CLIENT_ID: randomUUID() } : {},
  });
};

describe("createAuthenticator: a user's teams", () => {
  it("reads them only while a pipeline is shared with a team, and at once after a removal", async () => {
    const deps = await depsFor("dev");
    const tenantId = newTenantId();
    const userId = randomUUID();
    const group = randomUUID();
    const { store } = deps;
    await store.teams.installTeam({
      tenantId,
      aadGroupId: group,
      name: "Sales East",
      teamsTeamId: "19:east@thread.tacv2",
      serviceUrl: "http://127.0.0.1:1/",
      installedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    await store.teams.replaceRoster(tenantId, group, [{ userId, name: null, email: null }], NOW);
    const token = bearer(await mintToken(deps, { tenantId, userId }));
    const teamsNow = async () => (await deps.authenticate(requestWith(token))).teamIds;

    // No pipeline shares with a team: the membership is not needed, so not read.
    expect(await teamsNow()).toEqual([]);
    const settings = await store.getSettings(tenantId);
    const { version: _version, ...before } = settings;
    const pipelines = before.pipelines.map((p, i) =>
      i === 0 ? { ...p, visibility: "team" as const, teamId: group } : p,
    );
    await store.commit(tenantId, {
      changes: [
        {
          entity: "settings",
          before: settings.version ? settings : null,
          after: { ...before, pipelines },
        },
      ],
      schedule: [],
      cancel: [],
    });
    expect(await teamsNow()).toEqual([group]);
    await store.teams.replaceRoster(tenantId, group, [], NOW);
    expect(await teamsNow()).toEqual([]);
  });
});

describe("createAuthenticator", () => {
  it("resolves a dev-mode token to its provisioned principal", async () => {
    const deps = await depsFor("dev");
    const subject = { tenantId: newTenantId(), userId: randomUUID(), name: "Hugo Morel" };

    const principal = await deps.authenticate(requestWith(bearer(await mintToken(deps, subject))));

    expect(principal).toMatchObject({ ...subject, role: "seller", locale: "en" });
  });

  it.each([
    ["no Authorization header", {}, "Sign in: the request needs an Authorization: Bearer token."],
    [
      "a Basic Authorization header",
      { Authorization: "Basic dXNlcjpwYXNz" },
      "The bearer token is not valid.",
    ],
  ])("refuses a request with %s", async (_case, headers, detail) => {
    const deps = await depsFor("dev");

    const refusal = deps.authenticate(requestWith(headers));

    await expect(refusal).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(refusal).rejects.toThrow(detail);
  });

  it("refuses a dev token in entra mode", async () => {
    const dev = await depsFor("dev");
    const entra = await depsFor("entra");
    const token = await mintToken(dev, { tenantId: newTenantId(), userId: randomUUID() });

    await expect(entra.authenticate(requestWith(bearer(token)))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
  });

  it("refuses a token minted by another dev host (each start has its own key)", async () => {
    const one = await depsFor("dev");
    const other = await depsFor("dev");
    const token = await mintToken(one, { tenantId: newTenantId(), userId: randomUUID() });

    await expect(other.authenticate(requestWith(bearer(token)))).rejects.toThrow(
      "The bearer token is not valid.",
    );
  });
});
