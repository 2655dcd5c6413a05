// `npm run package` (scripts/package-app.ts, logic in scripts/app-package/): the Teams app
// package it builds for `local`, checked against the Teams schema bundled in
// @microsoft/app-manifest (offline), the icon rules, and the commands the bot really answers.
// It lives here because no vitest project includes scripts/.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CREATE_COMMAND, helpCard, parseCommand, SEARCH_COMMAND, translator } from "@dealflow/bot";
import type { Locale } from "@dealflow/core";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppPackage } from "../scripts/app-package/build-app-package.js";
import { loadEnvironment } from "../scripts/app-package/env-file.js";
import { schemaErrors } from "../scripts/app-package/manifest-schema.js";
import { decodePng } from "../scripts/app-package/png.js";
import { teamsRuleErrors } from "../scripts/app-package/teams-rules.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = path.join(ROOT, "appPackage");
const out = mkdtempSync(path.join(tmpdir(), "dealflow-app-package-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// What provisioning would write into env/.env.local (git has all-zero ids and localhost).
const PROVISIONED = {
  TEAMS_APP_ID: "5b0c2a77-8e0f-4c55-9a3c-0d1f2e3a4b5c",
  AAD_APP_CLIENT_ID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  BOT_ID: "c0ffee00-1234-4abc-8def-0123456789ab",
  TAB_DOMAIN: "dealflow-3978.euw.devtunnels.ms",
  TAB_ENDPOINT: "https://dealflow-3978.euw.devtunnels.ms",
};

const built = buildAppPackage({
  sourceDir: SOURCE,
  outDir: out,
  env: "local",
  vars: loadEnvironment(path.join(ROOT, "env"), "local", PROVISIONED),
});
const zipped = unzipSync(readFileSync(built.zipPath));
const text = (name: string) => strFromU8(zipped[name] ?? new Uint8Array());
const manifest = JSON.parse(text("manifest.json"));
const spanish = JSON.parse(text("es.json"));

const SCHEMAS = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json")),
  "build/json-schemas/teams",
);

describe("the app package for local", () => {
  it("is written as appPackage.local.zip with exactly the manifest, es.json and the icons", () => {
    expect(path.basename(built.zipPath)).toBe("appPackage.local.zip");
    expect(Object.keys(zipped).sort()).toEqual(
      ["color.png", "es.json", "manifest.json", "outline.png"].sort(),
    );
  });

  it("uses the newest stable manifest schema bundled, and matches it and its localization schema", () => {
    const newest = readdirSync(SCHEMAS)
      .filter((dir) => /^v\d+\.\d+$/.test(dir))
      .map((dir) => dir.slice(1))
      .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
      .at(-1);
    expect(manifest.manifestVersion).toBe(newest);
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(29);
    expect(schemaErrors(manifest, manifest.manifestVersion, "manifest")).toEqual([]);
    expect(schemaErrors(spanish, manifest.manifestVersion, "localization")).toEqual([]);
  });

  it("has every placeholder resolved to the environment's values", () => {
    for (const name of ["manifest.json", "es.json"]) {
      expect(text(name)).not.toMatch(/\$\\?\{\{/);
    }
    expect(manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(PROVISIONED.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: PROVISIONED.AAD_APP_CLIENT_ID,
      resource: `api://${PROVISIONED.TAB_DOMAIN}/${PROVISIONED.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual([PROVISIONED.TAB_DOMAIN]);
    expect(manifest.name.short).toBe("Dealflow (local)");
    expect(spanish["name.short"]).toBe("Dealflow (local)");
  });

  it("opens My work at the tab's root and configures channel and group chat tabs on #/config", () => {
    expect(manifest.staticTabs[0]).toMatchObject({
      name: "My work",
      contentUrl: `${PROVISIONED.TAB_ENDPOINT}/`,
      scopes: ["personal"],
    });
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `${PROVISIONED.TAB_ENDPOINT}/#/config`,
        canUpdateConfiguration: true,
        // A team channel's tab links the channel to a pipeline (the bot's status there); a
        // group chat's tab only shows a pipeline's board, as it has no channel to link.
        scopes: ["team", "groupChat"],
        context: ["channelTab", "privateChatTab"],
      }),
    ]);
  });
});

describe("the message extension (issue 21)", () => {
  const [extension] = manifest.composeExtensions;

  it("is the bot's, with the search and create commands the bot answers", () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(extension.botId).toBe(PROVISIONED.BOT_ID);
    expect(extension.commands).toEqual([
      expect.objectContaining({
        id: SEARCH_COMMAND,
        type: "query",
        initialRun: true,
        parameters: [expect.objectContaining({ name: "searchText" })],
      }),
      expect.objectContaining({
        id: CREATE_COMMAND,
        type: "action",
        context: ["message"],
        fetchTask: true,
      }),
    ]);
  });

  it("unfurls links of the tab's domain, also before the app is installed", () => {
    expect(extension.messageHandlers).toEqual([
      {
        type: "link",
        value: { domains: [PROVISIONED.TAB_DOMAIN], supportsAnonymizedPayloads: true },
      },
    ]);
  });

  it("names its commands in Spanish too", () => {
    extension.commands.forEach((_: unknown, c: number) => {
      expect(spanish[`composeExtensions[0].commands[${c}].title`]).toMatch(/oportunidad/);
    });
  });
});

describe("what Teams and its admins need beyond the schema", () => {
  it("declares channel support, as Teams requires of a 1.25+ manifest with the team scope", () => {
    expect(manifest.supportsChannelFeatures).toBe("tier1");
    expect(teamsRuleErrors(manifest)).toEqual([]);
  });

  it("refuses to package a team-scoped manifest without supportsChannelFeatures", () => {
    const { supportsChannelFeatures: _, ...without } = manifest;
    expect(teamsRuleErrors(without)).toEqual([
      '/supportsChannelFeatures: must be "tier1" in a manifest 1.25 or later with the team scope',
    ]);
    const personalOnly = {
      ...without,
      bots: [{ ...manifest.bots[0], scopes: ["personal"] }],
      configurableTabs: [],
    };
    expect(teamsRuleErrors(personalOnly)).toEqual([]);
    expect(teamsRuleErrors({ ...without, manifestVersion: "1.24" })).toEqual([]);
  });

  it("lets admins rebrand the app in the Teams admin center, but not the publisher's legal links", () => {
    expect(manifest.configurableProperties).toEqual([
      "name",
      "shortDescription",
      "longDescription",
      "smallImageUrl",
      "largeImageUrl",
      "accentColor",
      "developerUrl",
    ]);
  });

  it("points admins at the publisher's documentation", () => {
    expect(new URL(manifest.publisherDocsUrl).protocol).toBe("https:");
  });
});

describe("the app package of a fresh clone", () => {
  it("builds from the committed env/.env.local alone, and its manifest matches the schema", () => {
    const fresh = buildAppPackage({
      sourceDir: SOURCE,
      outDir: path.join(out, "fresh"),
      env: "local",
      vars: loadEnvironment(path.join(ROOT, "env"), "local", {}),
    });
    const files = unzipSync(readFileSync(fresh.zipPath));
    const freshManifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array()));

    expect(schemaErrors(freshManifest, freshManifest.manifestVersion, "manifest")).toEqual([]);
  });
});

describe("the icons", () => {
  it("color.png is 192×192 and fully opaque", () => {
    const png = decodePng(Buffer.from(zipped["color.png"] ?? []));
    expect([png.width, png.height]).toEqual([192, 192]);
    const alphas = new Set(png.rgba.filter((_, i) => i % 4 === 3));
    expect([...alphas]).toEqual([255]);
  });

  it("outline.png is 32×32, white on transparent", () => {
    const png = decodePng(Buffer.from(zipped["outline.png"] ?? []));
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i + 3] === 0) transparent++;
      else if (png.rgba.subarray(i, i + 3).some((channel) => channel !== 255)) notWhite.push(i / 4);
    }
    expect(notWhite).toEqual([]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(transparent).toBeLessThan(32 * 32);
  });
});

// The help card answers `help` itself, so it does not list it.
const HELP_WORD: Record<Locale, string> = { en: "help", es: "ayuda" };

/** The commands the bot's help card lists (`status <name or id>` → "status"), and help. */
const botCommands = (locale: Locale): string[] => {
  const reader = { locale, timeZone: "UTC" };
  const card = JSON.stringify(helpCard({ t: translator(locale), reader }));
  const listed = [...card.matchAll(/`([^`<]+?)\s*(?:<[^`]*)?`/g)].map((match) => match[1] ?? "");
  return [...new Set([HELP_WORD[locale], ...listed])];
};

const commandName = (title: string) => {
  const bare = parseCommand(title);
  return bare.name === "unknown" ? parseCommand(`${title} Hotel Miramar`).name : bare.name;
};

describe("the bot's command lists", () => {
  const lists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> =
    manifest.bots[0].commandLists;
  const titles = (scope: string) =>
    lists.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];

  it("offer in a team channel exactly the commands the bot answers", () => {
    expect(new Set(titles("team"))).toEqual(new Set(botCommands("en")));
  });

  it("leave out `link` in personal and group chats, where the bot refuses it", () => {
    const chat = botCommands("en").filter((command) => command !== "link");
    expect(new Set(titles("personal"))).toEqual(new Set(chat));
    expect(new Set(titles("groupChat"))).toEqual(new Set(chat));
  });

  it("are each understood by the bot's parser, in English and in Spanish (es.json)", () => {
    lists.forEach((list, l) => {
      list.commands.forEach((command, c) => {
        const english = commandName(command.title);
        expect(english, command.title).not.toBe("unknown");
        const title = spanish[`bots[0].commandLists[${l}].commands[${c}].title`];
        expect(commandName(title), title).toBe(english);
      });
    });
    const spanishTitles = lists.flatMap((list, l) =>
      list.commands.map((_, c) => spanish[`bots[0].commandLists[${l}].commands[${c}].title`]),
    );
    expect(new Set(spanishTitles)).toEqual(new Set(botCommands("es")));
  });
});
