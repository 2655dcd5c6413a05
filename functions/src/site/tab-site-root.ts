import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the Azure Functions app finds the built tabs. The deploy bundle (m365agents.yml) puts the
 * compiled app in `<app root>/dist/app.js` and the tabs in `<app root>/tabs/dist`; `TAB_SITE_ROOT`
 * (absolute, or relative to the working directory) overrides that, e.g. for `func start` in
 * functions/ with `TAB_SITE_ROOT=../tabs/dist`.
 */
export const tabSiteRoot = (env: NodeJS.ProcessEnv, appFileUrl: string): string => {
  const configured = env.TAB_SITE_ROOT?.trim();
  if (configured) return path.resolve(configured);
  return fileURLToPath(new URL("../tabs/dist", appFileUrl));
};
