// `npm run package`: writes appPackage/build/appPackage.<env>.zip, the Teams app package of the
// environment TEAMSFX_ENV (default `local`), with every `${{VAR}}` of appPackage/ resolved from
// env/.env.<env>, env/.env.<env>.user and the process environment (which wins). Refuses, naming
// them, when a placeholder has no value or the manifest does not match the Teams schema.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppPackageError } from "./app-package/app-package-error.js";
import { buildAppPackage } from "./app-package/build-app-package.js";
import { loadEnvironment } from "./app-package/env-file.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = process.env.TEAMSFX_ENV || "local";

try {
  const vars = loadEnvironment(path.join(root, "env"), env, process.env);
  const { zipPath, files } = buildAppPackage({
    sourceDir: path.join(root, "appPackage"),
    outDir: path.join(root, "appPackage", "build"),
    env,
    vars,
  });
  console.log(`${path.relative(root, zipPath)}: ${Object.keys(files).join(", ")}`);
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(`npm run package: ${error.message}`);
  process.exit(1);
}
