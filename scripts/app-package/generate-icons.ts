// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32):
// the Dealflow mark, three stacked bars narrowing like a sales funnel, with a flow arrow out
// of the bottom bar. Run `node scripts/run-ts.mjs scripts/app-package/generate-icons.ts`
// after changing the mark; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodePng } from "./png.js";

/** The manifest's accentColor; the colour icon's background. */
export const ACCENT = { r: 0x0b, g: 0x6a, b: 0x5e };

type Shape = (x: number, y: number) => boolean;

// A bar from x0 to x1 between y0 and y1 with round ends (unit square coordinates).
const bar =
  (x0: number, x1: number, y0: number, y1: number): Shape =>
  (x, y) => {
    if (y < y0 || y > y1) return false;
    const r = (y1 - y0) / 2;
    const cy = y0 + r;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

// A right-pointing triangle: the deal flowing out of the funnel.
const arrow =
  (x0: number, x1: number, cy: number, half: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && Math.abs(y - cy) <= half * (1 - (x - x0) / (x1 - x0));

const MARK: Shape[] = [
  bar(0.14, 0.86, 0.2, 0.34),
  bar(0.26, 0.74, 0.43, 0.57),
  bar(0.38, 0.58, 0.66, 0.8),
  arrow(0.64, 0.84, 0.73, 0.1),
];

const inMark = (x: number, y: number) => MARK.some((shape) => shape(x, y));

/** Fraction of the pixel the mark covers (4×4 supersampling), with the mark scaled by `scale`. */
const coverage = (px: number, py: number, size: number, scale: number) => {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = ((px + (sx + 0.5) / 4) / size - 0.5) / scale + 0.5;
      const y = ((py + (sy + 0.5) / 4) / size - 0.5) / scale + 0.5;
      if (inMark(x, y)) hits++;
    }
  }
  return hits / 16;
};

/** Full colour: the white mark on the accent colour, filling the square (Teams rounds it). */
export const drawColorIcon = (size = 192) => {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 0.72);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
      rgba[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
      rgba[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
};

/** Outline: the mark in white on transparent; only alpha varies (Teams tints it). */
export const drawOutlineIcon = (size = 32) => {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(coverage(x, y, size, 1) * 255);
      const i = (y * size + x) * 4;
      // Fully transparent pixels stay 0,0,0,0; every visible pixel is pure white.
      if (alpha > 0) rgba.set([255, 255, 255, alpha], i);
    }
  }
  return encodePng(size, size, rgba);
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL("../../appPackage/", import.meta.url);
  writeFileSync(new URL("color.png", dir), drawColorIcon());
  writeFileSync(new URL("outline.png", dir), drawOutlineIcon());
  console.log("wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)");
}
