// Builds the Teams app package (appPackage/build/appPackage.<env>.zip): manifest.json with its
// `${{VAR}}` placeholders resolved from the environment's variables, the files it names (icons,
// localization files, resolved as well), validated against the bundled schema and the rules
// Teams adds to it (teams-rules.ts) before zipping.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { AppPackageError } from "./app-package-error.js";
import { schemaErrors } from "./manifest-schema.js";
import { resolvePlaceholders } from "./placeholders.js";
import { teamsRuleErrors } from "./teams-rules.js";

export type AppPackageOptions = {
  /** The folder with manifest.json and the files it names (appPackage/). */
  sourceDir: string;
  /** Where the zip goes (appPackage/build/). */
  outDir: string;
  /** The environment's name, for the zip's name and the messages. */
  env: string;
  vars: Readonly<Record<string, string>>;
};

export type AppPackage = { zipPath: string; files: Record<string, Uint8Array> };

type Manifest = {
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown; color32x32?: unknown };
  localizationInfo?: {
    defaultLanguageFile?: unknown;
    additionalLanguages?: Array<{ file?: unknown }>;
  };
};

// Files of the package sit at its root or below, never outside it.
const packagePath = (sourceDir: string, name: unknown, field: string): string => {
  if (typeof name !== "string" || name === "") {
    throw new AppPackageError(`manifest.json: ${field} must name a file of the package.`);
  }
  const normalized = path.posix.normalize(name.replaceAll("\\", "/"));
  if (normalized.startsWith("../") || path.isAbsolute(normalized)) {
    throw new AppPackageError(`manifest.json: ${field} "${name}" points outside ${sourceDir}.`);
  }
  if (!existsSync(path.join(sourceDir, normalized))) {
    throw new AppPackageError(`manifest.json: ${field} names ${normalized}, which does not exist.`);
  }
  return normalized;
};

const referencedFiles = (sourceDir: string, manifest: Manifest) => {
  const icons = [
    packagePath(sourceDir, manifest.icons?.color, "icons.color"),
    packagePath(sourceDir, manifest.icons?.outline, "icons.outline"),
  ];
  if (manifest.icons?.color32x32 !== undefined) {
    icons.push(packagePath(sourceDir, manifest.icons.color32x32, "icons.color32x32"));
  }
  const info = manifest.localizationInfo;
  const languages = [
    ...(info?.defaultLanguageFile === undefined
      ? []
      : [packagePath(sourceDir, info.defaultLanguageFile, "localizationInfo.defaultLanguageFile")]),
    ...(info?.additionalLanguages ?? []).map((language, i) =>
      packagePath(sourceDir, language.file, `localizationInfo.additionalLanguages[${i}].file`),
    ),
  ];
  return { icons, languages };
};

const parseJson = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppPackageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
};

export const buildAppPackage = (options: AppPackageOptions): AppPackage => {
  const { sourceDir, outDir, env, vars } = options;
  const manifestFile = path.join(sourceDir, "manifest.json");
  if (!existsSync(manifestFile)) throw new AppPackageError(`There is no ${manifestFile}.`);
  const manifest = resolvePlaceholders(readFileSync(manifestFile, "utf8"), vars);
  // The files are found from the manifest as written; their names hold no placeholders.
  const parsed = parseJson(manifest.text, "manifest.json") as Manifest;
  const { icons, languages } = referencedFiles(sourceDir, parsed);

  const texts: Record<string, string> = { "manifest.json": manifest.text };
  const unresolved: string[] = manifest.unresolved.map((name) => `manifest.json: ${name}`);
  for (const file of languages) {
    const resolved = resolvePlaceholders(readFileSync(path.join(sourceDir, file), "utf8"), vars);
    texts[file] = resolved.text;
    unresolved.push(...resolved.unresolved.map((name) => `${file}: ${name}`));
  }
  if (unresolved.length > 0) {
    throw new AppPackageError(
      `Cannot package for "${env}": unresolved placeholders\n  ${unresolved.join("\n  ")}\n` +
        `Set them in env/.env.${env} (secrets in env/.env.${env}.user) or in the environment; ` +
        "provisioning with the Agents Toolkit fills in the ids.",
    );
  }

  const documents = Object.entries(texts).map(([file, text]) => ({
    file,
    document: parseJson(text, file),
  }));
  const version = String(parsed.manifestVersion);
  const invalid = documents.flatMap(({ file, document }) =>
    (file === "manifest.json"
      ? [...schemaErrors(document, version, "manifest"), ...teamsRuleErrors(document)]
      : schemaErrors(document, version, "localization")
    ).map((error) => `${file} ${error}`),
  );
  if (invalid.length > 0) {
    throw new AppPackageError(
      `Cannot package for "${env}": the manifest does not match the Teams schema v${version}\n  ${invalid.join("\n  ")}`,
    );
  }

  const files: Record<string, Uint8Array> = {};
  for (const [file, text] of Object.entries(texts)) files[file] = Buffer.from(text, "utf8");
  for (const file of icons) files[file] = readFileSync(path.join(sourceDir, file));
  // A fixed timestamp: the same inputs give the same bytes.
  const zip = zipSync(files, { level: 9, mtime: new Date("2000-01-01T00:00:00Z") });
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, files };
};
