import { useVirtualizer } from "@tanstack/react-virtual";
import { type CSSProperties, type RefObject, useRef } from "react";

/** Short tables render every row; from this many, only the rows in view are in the DOM. */
export const VIRTUALIZE_FROM = 100;

export type VirtualRows = {
  /** On the scrolling container: the table scrolls inside it once virtualized. */
  scrollRef: RefObject<HTMLDivElement | null>;
  scrollStyle: CSSProperties | undefined;
  /** The indexes of the rows to render, in order. */
  visible: number[];
  /** The heights of the rows not rendered above and below them (see SpacerRow). */
  padTop: number;
  padBottom: number;
};

/**
 * A table's rows, virtualized when long. The table keeps aria-rowcount (every row) and each
 * rendered row its aria-rowindex, so assistive technology still knows the real size.
 */
export const useVirtualRows = (
  count: number,
  options: { rowHeight: number; maxHeight: string },
): VirtualRows => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = count >= VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.rowHeight,
    overscan: 10,
    initialRect: { width: 1200, height: 800 },
    enabled: virtual,
  });
  if (!virtual) {
    return {
      scrollRef,
      scrollStyle: undefined,
      visible: Array.from({ length: count }, (_row, index) => index),
      padTop: 0,
      padBottom: 0,
    };
  }
  const range = virtualizer.getVirtualItems();
  return {
    scrollRef,
    scrollStyle: { maxHeight: options.maxHeight, overflow: "auto" },
    visible: range.map((row) => row.index),
    padTop: range[0]?.start ?? 0,
    padBottom: virtualizer.getTotalSize() - (range.at(-1)?.end ?? 0),
  };
};

/** The height of the rows not rendered; hidden from assistive technology, never focusable. */
export const SpacerRow = (props: { height: number }) =>
  props.height > 0 ? (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain <tr> without tabindex is not focusable
    <tr aria-hidden="true" style={{ height: props.height }} />
  ) : null;
