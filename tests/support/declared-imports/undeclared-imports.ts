import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { moduleReferences } from "./module-references.js";
import { packageNameOf, typesPackageOf } from "./package-name.js";

/** An import of a package that the importing file's own package.json does not declare. */
export type UndeclaredImport = {
  /** The package.json that should declare it, relative to the root ("package.json" for the root). */
  manifest: string;
  packageName: string;
  /** `file:line`, relative to the root. */
  at: string;
};

type Manifest = {
  name?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

const SOURCE_FILE = /\.(?:[mc]?[jt]s|[jt]sx)$/;
// Installed, generated or built: not the project's own source.
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "coverage", ".git", ".data"]);
const SKIPPED_DIRS_AT_ROOT = new Set([".deploy", "devTools"]);

const readManifest = (file: string): Manifest => JSON.parse(readFileSync(file, "utf8")) as Manifest;

/** Every source file under `dir`, as paths relative to `root`, in a stable order. */
const sourceFiles = (root: string, dir = root): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const skipped =
          SKIPPED_DIRS.has(entry.name) || (dir === root && SKIPPED_DIRS_AT_ROOT.has(entry.name));
        return skipped ? [] : sourceFiles(root, full);
      }
      return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path.relative(root, full)] : [];
    });

const declaredIn = (manifest: Manifest): Set<string> =>
  new Set([
    ...(manifest.name ? [manifest.name] : []),
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.devDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);

/**
 * Imports that work only because npm hoisted somebody else's dependency into a shared
 * node_modules. Each file belongs to the workspace whose folder holds it (the root package for
 * everything else: scripts/, tests/, config files); that workspace's package.json must name the
 * package in any of its dependency fields, or `@types/<name>` for a type-only import.
 */
export const undeclaredImports = (root: string): UndeclaredImport[] => {
  const rootManifest = readManifest(path.join(root, "package.json"));
  const workspaces = (rootManifest.workspaces ?? []).map((folder) => ({
    folder: path.normalize(folder),
    declared: declaredIn(readManifest(path.join(root, folder, "package.json"))),
  }));
  const rootWorkspace = { folder: "", declared: declaredIn(rootManifest) };
  const ownerOf = (file: string) =>
    workspaces.find(({ folder }) => file.startsWith(`${folder}${path.sep}`)) ?? rootWorkspace;

  return sourceFiles(root).flatMap((file) => {
    const owner = ownerOf(file);
    const references = moduleReferences(file, readFileSync(path.join(root, file), "utf8"));
    return references.flatMap(({ specifier, typeOnly, line }) => {
      const packageName = packageNameOf(specifier);
      if (packageName === null || owner.declared.has(packageName)) return [];
      if (typeOnly && owner.declared.has(typesPackageOf(packageName))) return [];
      const manifest = owner.folder ? path.join(owner.folder, "package.json") : "package.json";
      return [{ manifest, packageName, at: `${file}:${line}` }];
    });
  });
};
