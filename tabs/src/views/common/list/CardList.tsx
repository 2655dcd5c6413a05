import { makeStyles, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useRef } from "react";
import { VIRTUALIZE_FROM } from "../virtual-rows.js";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  virtualList: { listStyle: "none", margin: 0, padding: 0, position: "relative" },
  virtualItem: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    paddingBottom: tokens.spacingVerticalS,
    boxSizing: "border-box",
  },
  scroll: { overflowY: "auto", overscrollBehavior: "contain" },
});

/**
 * A phone's list: one card per item. Long lists keep only the cards in view in the DOM
 * (measured, since a card's height follows its content), each with aria-setsize and
 * aria-posinset so a screen reader still knows the list's size.
 */
export const CardList = <T,>(props: {
  caption: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderCard: (item: T) => ReactNode;
  /** A card's usual height, to place the cards not measured yet. */
  cardHeight: number;
  /** How tall a long list may grow before it scrolls inside itself. */
  maxHeight: string;
}) => {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = props.items.length >= VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => props.cardHeight,
    overscan: 6,
    initialRect: { width: 360, height: 700 },
    enabled: virtual,
  });

  if (!virtual) {
    return (
      <ul className={styles.list} aria-label={props.caption}>
        {props.items.map((item) => (
          <li key={props.itemKey(item)}>{props.renderCard(item)}</li>
        ))}
      </ul>
    );
  }
  return (
    <div ref={scrollRef} className={styles.scroll} style={{ maxHeight: props.maxHeight }}>
      <ul
        className={styles.virtualList}
        aria-label={props.caption}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = props.items[row.index];
          return item === undefined ? null : (
            <li
              key={props.itemKey(item)}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-setsize={props.items.length}
              aria-posinset={row.index + 1}
              className={styles.virtualItem}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {props.renderCard(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
