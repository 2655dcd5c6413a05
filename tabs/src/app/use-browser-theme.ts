import { useEffect, useState } from "react";
import type { ThemeName } from "../host/host-context.js";

const DARK = "(prefers-color-scheme: dark)";
const THEMES: readonly ThemeName[] = ["light", "dark", "contrast"];

/** `?theme=light|dark|contrast` previews a Teams theme outside Teams. */
const asked = (): ThemeName | null => {
  const wanted = new URLSearchParams(window.location.search).get("theme");
  return THEMES.find((theme) => theme === wanted) ?? null;
};

const current = (): ThemeName => {
  const preview = asked();
  if (preview) return preview;
  if (typeof window.matchMedia !== "function") return "light";
  return window.matchMedia(DARK).matches ? "dark" : "light";
};

/**
 * Outside Teams the tab follows the browser's colour scheme (dark or light) and changes with
 * it. Windows high contrast (forced colours) needs nothing here: the browser applies the
 * user's colours and Fluent UI's components carry their own forced-colours styles; Teams'
 * own high-contrast theme can be previewed with `?theme=contrast`.
 */
export const useBrowserTheme = (enabled: boolean): ThemeName => {
  const [theme, setTheme] = useState<ThemeName>(() => (enabled ? current() : "light"));
  useEffect(() => {
    if (!enabled) return;
    const update = () => setTheme(current());
    update();
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(DARK);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, [enabled]);
  return theme;
};
