// Validates a Teams app manifest (and its localization files) against the JSON schema bundled
// in @microsoft/app-manifest, offline: the `$schema` URL is never fetched.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const SCHEMAS = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build/json-schemas/teams",
);

export type SchemaKind = "manifest" | "localization";

const FILES: Record<SchemaKind, string> = {
  manifest: "MicrosoftTeams.schema.json",
  localization: "MicrosoftTeams.Localization.schema.json",
};

/** The bundled schema of a manifest version ("1.30"), or null when it is not bundled. */
export const bundledSchemaPath = (manifestVersion: string, kind: SchemaKind): string | null => {
  const file = path.join(SCHEMAS, `v${manifestVersion}`, FILES[kind]);
  return /^\d+\.\d+$/.test(manifestVersion) && existsSync(file) ? file : null;
};

// The ajv packages are CommonJS; under NodeNext their default export arrives either way. The
// few members used here are typed by hand.
type SchemaError = { instancePath: string; message?: string; params: Record<string, unknown> };
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type AjvLike = { compile: (schema: object) => Validator };
const unwrap = (module: unknown): unknown =>
  typeof module === "object" && module !== null && "default" in module ? module.default : module;
const Ajv = unwrap(AjvDraft04) as new (options: object) => AjvLike;
const withFormats = unwrap(addFormats) as (ajv: AjvLike) => unknown;

/** Schema violations as "path: message" lines; empty when the document is valid. */
export const schemaErrors = (
  document: unknown,
  manifestVersion: string,
  kind: SchemaKind,
): string[] => {
  const file = bundledSchemaPath(manifestVersion, kind);
  if (file === null) return [`no bundled ${kind} schema for manifestVersion "${manifestVersion}"`];
  const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // The Teams schemas use keywords beyond draft-04 (const) and vendor annotations, and the
  // localization schema's patterns are not valid in unicode mode (`\b]`): as Teams reads them.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  withFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || "/"}: ${error.message ?? "is invalid"}${
        "allowedValues" in error.params ? ` (${JSON.stringify(error.params.allowedValues)})` : ""
      }`,
  );
};
