import path from "node:path";
import { describe, expect, it } from "vitest";
import { tabSiteRoot } from "./tab-site-root.js";

const APP_FILE = "file:///home/site/wwwroot/dist/app.js";

describe("tabSiteRoot", () => {
  it("finds the tabs where the deploy bundle puts them, beside the compiled app's dist/", () => {
    expect(tabSiteRoot({}, APP_FILE)).toBe(path.normalize("/home/site/wwwroot/tabs/dist"));
  });

  it("takes TAB_SITE_ROOT instead, resolved against the working directory", () => {
    expect(tabSiteRoot({ TAB_SITE_ROOT: "/srv/tabs" }, APP_FILE)).toBe(path.resolve("/srv/tabs"));
    expect(tabSiteRoot({ TAB_SITE_ROOT: "../tabs/dist" }, APP_FILE)).toBe(
      path.resolve("../tabs/dist"),
    );
  });

  it("ignores a blank TAB_SITE_ROOT", () => {
    expect(tabSiteRoot({ TAB_SITE_ROOT: "  " }, APP_FILE)).toBe(
      path.normalize("/home/site/wwwroot/tabs/dist"),
    );
  });
});
