import { builtinModules } from "node:module";

const BUILTINS = new Set(builtinModules);

/**
 * The npm package a module specifier loads from, or null when no package.json has to declare
 * it: relative and absolute paths, URLs, Node's built-ins (`node:fs`, `fs`, `fs/promises`) and
 * a package's own `#subpath` imports. `@azure/functions/x` → `@azure/functions`, `vitest/config`
 * → `vitest`.
 */
export const packageNameOf = (specifier: string): string | null => {
  if (specifier === "" || specifier.startsWith(".") || specifier.startsWith("/")) return null;
  if (specifier.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return null;
  const [first = "", second] = specifier.split("/");
  if (BUILTINS.has(first) || BUILTINS.has(specifier)) return null;
  if (first.startsWith("@")) return second ? `${first}/${second}` : null;
  return first;
};

/** Where a type-only import of `name` may get its types from instead: `@types/x`, `@types/a__b`. */
export const typesPackageOf = (name: string): string =>
  `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
