import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one to reflow.
if (!("ResizeObserver" in globalThis)) {
  Object.assign(globalThis, {
    ResizeObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });
}

// A Fluent dialog's opening or closing animation can outlast the default one-second wait on a
// busy runner.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
