/*
 * One line of text, cut with an ellipsis when its column is too narrow; only when it is cut, a
 * Fluent tooltip shows the full value on hover and on keyboard focus (the text then joins the
 * tab order). Screen readers always get the whole text: the cut is visual only.
 *
 *   <TruncatedText text={contact.email} />
 *   <TruncatedText text={company} className={styles.muted} />
 */
import { makeStyles, mergeClasses, Tooltip, tokens } from "@fluentui/react-components";
import { type RefObject, useLayoutEffect, useRef, useState } from "react";

const useStyles = makeStyles({
  text: {
    display: "block",
    minWidth: 0,
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  focusable: {
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

// One observer for every cut text on screen (a virtualized list has a few hundred).
const watchers = new Map<Element, () => void>();
let observer: ResizeObserver | null = null;
const watch = (element: Element, onResize: () => void) => {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) watchers.get(entry.target)?.();
  });
  watchers.set(element, onResize);
  observer.observe(element);
  return () => {
    watchers.delete(element);
    observer?.unobserve(element);
  };
};

const useIsCut = (ref: RefObject<HTMLElement | null>, text: string): boolean => {
  const [cut, setCut] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the text changes
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setCut(element.scrollWidth > element.clientWidth + 1);
    measure();
    return watch(element, measure);
  }, [ref, text]);
  return cut;
};

export const TruncatedText = (props: { text: string; className?: string }) => {
  const styles = useStyles();
  const ref = useRef<HTMLSpanElement>(null);
  const cut = useIsCut(ref, props.text);
  const [open, setOpen] = useState(false);
  // Always inside the tooltip (shown only while cut), so the measured span is never remounted.
  return (
    <Tooltip
      content={props.text}
      relationship="inaccessible"
      withArrow
      visible={cut && open}
      onVisibleChange={(_event, data) => setOpen(data.visible)}
    >
      <span
        ref={ref}
        className={mergeClasses(styles.text, cut && styles.focusable, props.className)}
        // Only a cut text is a tab stop: its tooltip shows the whole value to keyboard users.
        tabIndex={cut ? 0 : undefined}
      >
        {props.text}
      </span>
    </Tooltip>
  );
};
