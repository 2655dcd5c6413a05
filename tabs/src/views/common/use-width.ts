import { type RefObject, useEffect, useState, useSyncExternalStore } from "react";

/**
 * Under this viewport width the tab is "on a phone": the navigation becomes a drawer behind a
 * menu button and lists become cards (Teams mobile and narrow side panels).
 */
export const PHONE_MAX_WIDTH = 640;
const PHONE_QUERY = `(max-width: ${PHONE_MAX_WIDTH - 0.02}px)`;

// One subscribe function per query, so that React does not resubscribe on every render.
const subscribers = new Map<string, (onChange: () => void) => () => void>();
const subscribeTo = (query: string) => {
  let subscribe = subscribers.get(query);
  if (subscribe === undefined) {
    subscribe = (onChange) => {
      if (typeof window.matchMedia !== "function") return () => {};
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    };
    subscribers.set(query, subscribe);
  }
  return subscribe;
};

/** Whether a media query matches now; false where matchMedia does not exist (jsdom). */
export const useMediaQuery = (query: string): boolean =>
  useSyncExternalStore(
    subscribeTo(query),
    () => typeof window.matchMedia === "function" && window.matchMedia(query).matches,
    () => false,
  );

export const useIsPhone = (): boolean => useMediaQuery(PHONE_QUERY);

/**
 * The content width of an element, followed as it resizes; null until measured (and where
 * there is no layout, as in jsdom, where callers keep their wide layout).
 */
export const useElementWidth = (ref: RefObject<HTMLElement | null>): number | null => {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => {
      const measured = element.getBoundingClientRect().width;
      setWidth(measured > 0 ? Math.round(measured) : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
};
