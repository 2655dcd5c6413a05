import { render, screen, waitFor } from "@testing-library/react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";

// The setup file loads both catalogs before any test. A second copy of the module (another
// URL, the same React) has none loaded, as the tab has when it starts.
let copies = 0;
const freshI18n = async (): Promise<typeof import("./i18n.js")> => {
  copies += 1;
  return import(/* @vite-ignore */ `./i18n.js?copy=${copies}`);
};

type ActFlag = { IS_REACT_ACT_ENVIRONMENT?: boolean };

afterEach(() => {
  vi.doUnmock("./catalog-es.js");
  vi.restoreAllMocks();
});

describe("I18nProvider", () => {
  it("waits for its language's catalog, then shows the words, without React's use() warning", async () => {
    const errors = vi.spyOn(console, "error");
    // A catalog that arrives as over the network, after React gave up waiting for it and left
    // the suspended render (one that comes within a few microtasks is replayed on the spot).
    vi.doMock("./catalog-es.js", async (importOriginal) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return importOriginal();
    });
    const { I18nProvider, useI18n } = await freshI18n();
    const Title = () => <h1>{useI18n().t("nav.firstContact")}</h1>;
    // As in the browser, outside act(): React drops the render that suspended and starts over
    // once the catalog is there, which is where a use() skipped on the second pass is caught.
    const flags = globalThis as ActFlag;
    const actEnvironment = flags.IS_REACT_ACT_ENVIRONMENT;
    flags.IS_REACT_ACT_ENVIRONMENT = false;
    const container = document.body.appendChild(document.createElement("div"));
    const root = createRoot(container);
    try {
      root.render(
        <I18nProvider locale="es">
          <Title />
        </I18nProvider>,
      );
      await waitFor(() => expect(container.textContent).toBe("Primer contacto"));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      root.unmount();
      container.remove();
      flags.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
  });

  it("reads a catalog already loaded at once, without suspending", async () => {
    const { I18nProvider, loadCatalog, useI18n } = await freshI18n();
    await loadCatalog("en");
    const Title = () => <h1>{useI18n().t("nav.firstContact")}</h1>;
    render(
      <I18nProvider locale="en">
        <Title />
      </I18nProvider>,
    );

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("First contact");
  });
});
