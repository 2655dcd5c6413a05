/*
 * A view's compact header (Teams tab design, Fluent 2): one line with the view's title (h1) and
 * its one primary action, then the view's filters, wrapping on a phone.
 *
 *   <ViewHeader title={t("nav.firstContact")} titleId="queue-title"
 *               actions={<Button appearance="primary">{t("action.newOpportunity")}</Button>}>
 *     <OwnerSelect … />            // optional: the toolbar line (filters, search, sort)
 *   </ViewHeader>
 *
 * On a phone the shell puts its menu button (which opens the navigation drawer) first on the
 * title line, through NavButtonContext; a view that draws its own header (the detail) can
 * read it with useNavButton() and place it the same way.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { createContext, type ReactNode, useContext } from "react";

/** The shell's menu button while the navigation is a drawer; null when it is inline. */
export const NavButtonContext = createContext<ReactNode>(null);

export const useNavButton = (): ReactNode => useContext(NavButtonContext);

const useStyles = makeStyles({
  header: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    minWidth: 0,
  },
  line: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    minHeight: "40px",
  },
  title: {
    margin: 0,
    flex: "1 1 auto",
    minWidth: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  actions: {
    display: "flex",
    flex: "0 0 auto",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
});

const useToolbarStyles = makeStyles({
  // A horizontal Field's label keeps its own width (Fluent gives it a third of the line).
  inlineField: {
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

/** The class of a labelled picker on a toolbar line: `<Field orientation="horizontal" className={…}>`. */
export const useInlineFieldClass = (): string => useToolbarStyles().inlineField;

export const ViewHeader = (props: {
  title: string;
  titleId: string;
  actions?: ReactNode;
  /** The toolbar line: filters, search, sort. */
  children?: ReactNode;
  className?: string;
}) => {
  const styles = useStyles();
  const navButton = useNavButton();
  return (
    <div className={mergeClasses(styles.header, props.className)}>
      <div className={styles.line}>
        {navButton}
        <h1 id={props.titleId} className={styles.title} title={props.title}>
          {props.title}
        </h1>
        {props.actions && <div className={styles.actions}>{props.actions}</div>}
      </div>
      {props.children && <div className={styles.toolbar}>{props.children}</div>}
    </div>
  );
};
