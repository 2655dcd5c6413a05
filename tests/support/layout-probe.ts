import type { Page } from "playwright-core";

/** What the page draws, measured in the browser: the figures the layout test judges. */
export type LayoutReport = {
  /** The document's scrollable width against the width it is shown in (no sideways scroll). */
  scrollWidth: number;
  viewportWidth: number;
  /** Where the measured element (the body, or `root`) is drawn. */
  scope: { left: number; top: number; right: number; bottom: number };
  /** How much of the viewport's width the `main` landmark gets (0 when there is none). */
  mainWidth: number;
  /** Pairs of text boxes drawn over each other, each as `"a" × "b"`. */
  overlaps: string[];
  /** Text drawn, in part, outside the viewport's width (cut off or reached only sideways). */
  offscreen: string[];
};

/** How far two text boxes may touch before they count as drawn over each other (px). */
const TOLERANCE = 1.5;

/**
 * Runs in the page. Every visible text node's line boxes (Range.getClientRects), clipped by the
 * ancestors that clip their overflow, are compared pairwise. Text that is invisible (display,
 * visibility, opacity) or visually hidden (clipped to a pixel) draws nothing and is left out.
 * The tests' TypeScript has no DOM library, so the few DOM shapes used are declared here.
 */
const measure = ({ tolerance, root }: { tolerance: number; root: string | null }): LayoutReport => {
  type Box = { left: number; top: number; right: number; bottom: number };
  type Element = {
    tagName: string;
    parentElement: Element | null;
    clientLeft: number;
    clientTop: number;
    clientWidth: number;
    clientHeight: number;
    getBoundingClientRect(): Box;
    checkVisibility(options: Record<string, boolean>): boolean;
  };
  type Text = { data: string; parentElement: Element | null };
  type Style = { overflowX: string; overflowY: string };
  type Dom = {
    innerWidth: number;
    getComputedStyle(element: Element): Style;
    document: {
      body: Element;
      documentElement: { scrollWidth: number; clientWidth: number };
      querySelector(selector: string): Element | null;
      createTreeWalker(root: Element, whatToShow: number): { nextNode(): Text | null };
      createRange(): { selectNodeContents(node: Text): void; getClientRects(): Iterable<Box> };
    };
  };
  const dom = globalThis as unknown as Dom;
  const { document } = dom;
  const SHOW_TEXT = 4;
  // Enough to see what is wrong; a table drawn over itself would list every row.
  const MAX_LISTED = 12;
  const SILENT = new Set([
    "SCRIPT",
    "STYLE",
    "NOSCRIPT",
    "TEMPLATE",
    "OPTION",
    "TEXTAREA",
    "TITLE",
  ]);
  const EVERYWHERE: Box = { left: -1e9, top: -1e9, right: 1e9, bottom: 1e9 };
  const viewportWidth = document.documentElement.clientWidth;

  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  // The box an element's overflow clips its descendants to, combined with its ancestors'.
  const clips = new Map<Element, Box>();
  const clipOf = (element: Element | null): Box => {
    if (!element || element === document.body) return EVERYWHERE;
    const known = clips.get(element);
    if (known) return known;
    const outer = clipOf(element.parentElement);
    const style = dom.getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const left = rect.left + element.clientLeft;
    const top = rect.top + element.clientTop;
    const own: Box = {
      left: style.overflowX === "visible" ? -1e9 : left,
      right: style.overflowX === "visible" ? 1e9 : left + element.clientWidth,
      top: style.overflowY === "visible" ? -1e9 : top,
      bottom: style.overflowY === "visible" ? 1e9 : top + element.clientHeight,
    };
    const clip = intersect(outer, own);
    clips.set(element, clip);
    return clip;
  };

  type Drawn = { node: number; text: string; box: Box };
  const drawn: Drawn[] = [];
  const scope = (root && document.querySelector(root)) || document.body;
  const walker = document.createTreeWalker(scope, SHOW_TEXT);
  for (let node = walker.nextNode(), index = 0; node; node = walker.nextNode(), index++) {
    const parent = node.parentElement;
    const text = node.data.trim();
    if (!parent || text === "" || SILENT.has(parent.tagName)) continue;
    if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const clip = clipOf(parent);
    for (const rect of range.getClientRects()) {
      const box = intersect(rect, clip);
      // A visually hidden label is clipped to a pixel: it draws nothing.
      if (box.right - box.left < 2 || box.bottom - box.top < 2) continue;
      drawn.push({ node: index, text, box });
    }
  }

  const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
  const overlaps = new Set<string>();
  drawn.sort((a, b) => a.box.top - b.box.top);
  for (let i = 0; i < drawn.length; i++) {
    const a = drawn[i];
    if (!a) continue;
    for (let j = i + 1; j < drawn.length; j++) {
      const b = drawn[j];
      if (!b || b.box.top >= a.box.bottom - tolerance) break;
      if (a.node === b.node) continue;
      const both = intersect(a.box, b.box);
      if (both.right - both.left > tolerance && both.bottom - both.top > tolerance)
        overlaps.add([quote(a.text), quote(b.text)].sort().join(" × "));
    }
  }
  const offscreen = new Set(
    drawn
      .filter((item) => item.box.left < -tolerance || item.box.right > viewportWidth + tolerance)
      .map((item) => quote(item.text)),
  );

  const main = document.querySelector("main, [role=main]");
  const mainBox = main ? main.getBoundingClientRect() : null;
  const { left, top, right, bottom } = scope.getBoundingClientRect();
  return {
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth,
    scope: { left, top, right, bottom },
    mainWidth: mainBox
      ? Math.max(0, Math.min(mainBox.right, viewportWidth) - Math.max(mainBox.left, 0))
      : 0,
    overlaps: [...overlaps].slice(0, MAX_LISTED),
    offscreen: [...offscreen].slice(0, MAX_LISTED),
  };
};

/**
 * Measures the page as it is drawn now (see `measure`); with `root` (a selector), only the text
 * inside that element, e.g. an open dialog over a page it hides.
 */
export const measureLayout = async (
  page: Page,
  options: { root?: string } = {},
): Promise<LayoutReport> => {
  // tsx and vitest may wrap named functions in esbuild's `__name`, which the page lacks.
  await page.evaluate("globalThis.__name ??= (fn) => fn");
  return page.evaluate(measure, { tolerance: TOLERANCE, root: options.root ?? null });
};
