// `npm run package` refusing, and the Agents Toolkit project files (aad.manifest.json,
// m365agents*.yml, env/) agreeing with the app package and with each other.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { AppPackageError } from "../scripts/app-package/app-package-error.js";
import { buildAppPackage } from "../scripts/app-package/build-app-package.js";
import { parseEnvFile } from "../scripts/app-package/env-file.js";
import { placeholderNames, resolvePlaceholders } from "../scripts/app-package/placeholders.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = path.join(ROOT, "appPackage");
const out = mkdtempSync(path.join(tmpdir(), "dealflow-app-package-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// Provisioned ids that a developer's shell might hold; blanked for the command's runs.
const PROVISIONED = ["TEAMS_APP_ID", "AAD_APP_CLIENT_ID", "BOT_ID", "TAB_DOMAIN", "TAB_ENDPOINT"];

describe("refusals", () => {
  it("names every unresolved placeholder and writes nothing", () => {
    const refusedDir = path.join(out, "refused");
    const attempt = () =>
      buildAppPackage({ sourceDir: SOURCE, outDir: refusedDir, env: "local", vars: {} });
    expect(attempt).toThrow(AppPackageError);
    expect(attempt).toThrow(/TEAMS_APP_ID[\s\S]*TAB_ENDPOINT[\s\S]*BOT_ID/);
    expect(attempt).toThrow(/es\.json: APP_NAME_SUFFIX/);
    expect(existsSync(refusedDir)).toBe(false);
  });

  it("refuses what Teams refuses beyond the schema: the team scope without channel support", () => {
    const source = path.join(out, "no-channel-features");
    cpSync(SOURCE, source, { recursive: true, filter: (file) => !file.includes("build") });
    const file = path.join(source, "manifest.json");
    const { supportsChannelFeatures: _, ...manifest } = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify(manifest));
    const vars = parseEnvFile(readFileSync(path.join(ROOT, "env", ".env.local"), "utf8"));
    const attempt = () =>
      buildAppPackage({ sourceDir: source, outDir: path.join(source, "out"), env: "local", vars });
    expect(attempt).toThrow(/manifest\.json \/supportsChannelFeatures: must be "tier1"/);
  });

  it("resolves into JSON-safe text, lets only APP_NAME_SUFFIX be empty, and flags leftovers", () => {
    const ph = (inner: string) => `$\{{${inner}}}`;
    expect(resolvePlaceholders(`{"a":"${ph("A")}"}`, { A: 'say "hi"' }).text).toBe(
      '{"a":"say \\"hi\\""}',
    );
    const vars = { APP_NAME_SUFFIX: "", BOT_ID: "" };
    expect(resolvePlaceholders(ph("APP_NAME_SUFFIX") + ph("BOT_ID"), vars)).toEqual({
      text: ph("BOT_ID"),
      unresolved: ["BOT_ID"],
    });
    const templated = `$\\{{BOT_ID}}`;
    expect(resolvePlaceholders(`${templated} ${ph(" 1X ")}`, {}).unresolved).toEqual([
      templated,
      ph(" 1X "),
    ]);
  });

  /** `npm run package` as package.json runs it, with only the environment changed. */
  const runPackage = async (env: Record<string, string>) => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", "scripts/package-app.ts"], {
      cwd: ROOT,
      // Blank values do not override the env files, so no provisioned id leaks in from outside.
      env: {
        ...process.env,
        ...Object.fromEntries(PROVISIONED.map((name) => [name, ""])),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, "exit");
    return { code, stderr };
  };

  it("npm run package exits 1 naming what is missing for an unprovisioned environment", async () => {
    const zip = path.join(SOURCE, "build", "appPackage.playground.zip");
    const before = existsSync(zip);
    const { code, stderr } = await runPackage({ TEAMSFX_ENV: "playground" });
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot package for "playground"');
    for (const name of ["TEAMS_APP_ID", "BOT_ID", "AAD_APP_CLIENT_ID", "TAB_DOMAIN"]) {
      expect(stderr).toContain(name);
    }
    expect(existsSync(zip)).toBe(before);
  });

  it("npm run package names the environments there are when TEAMSFX_ENV has no file", async () => {
    const { code, stderr } = await runPackage({ TEAMSFX_ENV: "staging" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/no env\/\.env\.staging .*environments: dev, local, playground/);
  });
});

describe("the Agents Toolkit project", () => {
  const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
  const aad = JSON.parse(read("aad.manifest.json"));
  const template = JSON.parse(read("appPackage/manifest.json"));

  it("makes the tab's SSO resource the Entra app's Application ID URI", () => {
    expect(aad.appId).toBe(template.webApplicationInfo.id);
    expect(aad.identifierUris).toEqual([template.webApplicationInfo.resource]);
    expect(aad.signInAudience).toBe("AzureADMyOrg");
  });

  it("pre-authorizes the Teams clients for access_as_user and defines Dealflow.Manager", () => {
    const [scope] = aad.oauth2Permissions;
    expect(scope).toMatchObject({ value: "access_as_user", type: "User", isEnabled: true });
    const clients = aad.preAuthorizedApplications.map((app: { appId: string }) => app.appId);
    expect(clients).toEqual(
      expect.arrayContaining([
        "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
      ]),
    );
    for (const app of aad.preAuthorizedApplications) expect(app.permissionIds).toEqual([scope.id]);
    expect(aad.appRoles).toEqual([
      expect.objectContaining({ value: "Dealflow.Manager", allowedMemberTypes: ["User"] }),
    ]);
    expect(aad.appRoles[0].id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  // Every ${{VAR}} the toolkit will expand is in the environment's file or written by a step
  // of its project file before use (writeToEnvironmentFile, set-teamsfx-env).
  it.each([
    ["dev", "m365agents.yml", ["infra/azure.parameters.json"]],
    ["local", "m365agents.local.yml", []],
    ["playground", "m365agents.playground.yml", []],
  ])("%s: every placeholder has a source", (env, project, extra) => {
    const yml = read(project);
    const known = new Set(Object.keys(parseEnvFile(read(`env/.env.${env}`))));
    for (const m of yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]*)\s*$/gm)) known.add(m[1] ?? "");
    for (const m of yml.matchAll(/set-teamsfx-env ([A-Z][A-Z0-9_]*)=/g)) known.add(m[1] ?? "");
    const files =
      env === "playground"
        ? []
        : ["appPackage/manifest.json", "appPackage/es.json", "aad.manifest.json"];
    const used = [yml, ...[...files, ...extra].map(read)].flatMap(placeholderNames);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  // A single-tenant bot's token request fails with AADSTS7000229 when its app has no service
  // principal in the tenant: only a real tenant shows it, so the project file is checked here.
  it.each(["m365agents.yml", "m365agents.local.yml"])(
    "%s creates the bot's Entra app with its service principal",
    (project) => {
      const steps = read(project).split(/\n {2}- uses: /);
      const created = (output: string) =>
        steps.filter((step) => step.startsWith("aadApp/create") && step.includes(`: ${output}\n`));
      const [bot, ...otherBots] = created("BOT_ID");
      expect(otherBots).toEqual([]);
      expect(bot).toMatch(/\n {6}generateServicePrincipal: true\n/);
      expect(bot).toMatch(/\n {6}signInAudience: AzureADMyOrg\n/);
      expect(created("AAD_APP_CLIENT_ID")).toHaveLength(1);
    },
  );

  it.each(["m365agents.yml", "m365agents.local.yml", "m365agents.playground.yml"])(
    "%s names only files that exist",
    (project) => {
      const paths = [...read(project).matchAll(/(?:manifestPath|path|parameters): (\.\/\S+)/g)];
      for (const [, file] of paths)
        expect(existsSync(path.join(ROOT, file ?? "")), file).toBe(true);
    },
  );

  // The tunnel puts the local host on the internet: dev tokens or an anonymous bot must not be.
  it("local: the tunnelled host runs with Entra auth and the bot's identity", () => {
    const envs = read("m365agents.local.yml").split("target: ./.localConfigs")[1] ?? "";

    expect(envs).toMatch(/^\s+AUTH_MODE: entra\s*$/m);
    expect(envs).toMatch(/^\s+BOT_ID: \$\{\{BOT_ID\}\}\s*$/m);
  });
});
