import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { loadCatalog } from "../i18n/i18n.js";

// The catalogs are lazy chunks in the tab; components under test translate synchronously.
await Promise.all([loadCatalog("en"), loadCatalog("es")]);

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

// jsdom has no layout, so every element's offsetParent is null, which tabster (Fluent's focus
// manager) reads as "display: none". A dialog then finds no visible control to focus, focuses
// its own surface, and tabster's next modality pass marks the open dialog aria-hidden — a test
// that looks a quarter of a second later finds it gone. Here the parent stands in for the
// offset parent, and null is kept for what a browser would not lay out.
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement): Element | null {
    if (!this.isConnected) return null;
    for (let node: HTMLElement | null = this; node !== null; node = node.parentElement) {
      if (node.hidden || node.style.display === "none") return null;
    }
    return this.parentElement;
  },
});

// jsdom's body is a 0×0 box, which tabster reads as "the page is in a hidden iframe": it then
// takes no control for visible, so a Fluent dialog finds nothing to focus and focuses its own
// surface. Tabster activates a dialog's modalizer for focus on its surface only if it has
// already read the dialog's data-tabster attribute (a MutationObserver callback): when React's
// focus effect runs first, as it does on a busy runner, the modalizer never becomes active and
// tabster's next pass marks the open dialog aria-hidden for good. With the window's size, as a
// browser lays the body out, the dialog focuses its first control, inside the modalizer.
Object.defineProperty(HTMLBodyElement.prototype, "getBoundingClientRect", {
  configurable: true,
  value(this: HTMLBodyElement): DOMRect {
    return new DOMRect(0, 0, window.innerWidth, window.innerHeight);
  },
});

// A Fluent dialog's opening or closing animation can outlast the default one-second wait on a
// busy runner.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
