import type { ContactSnapshot as Contact } from "@dealflow/contract";
import { Link, makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** Where the detail turns into two columns: a laptop's Teams tab beside the navigation. */
export const TWO_COLUMNS = "@media (min-width: 1024px)";

export const useDetailStyles = makeStyles({
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    alignItems: "start",
    gap: tokens.spacingVerticalL,
    [TWO_COLUMNS]: {
      // Roles and facts in a side column as wide as a contact card; the work beside them.
      gridTemplateColumns: "minmax(18rem, 24rem) minmax(0, 1fr)",
      columnGap: tokens.spacingHorizontalXL,
    },
  },
  column: { display: "grid", alignContent: "start", gap: tokens.spacingVerticalL, minWidth: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(12rem, 100%), 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  section: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: "grid",
    alignContent: "start",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  sectionHeader: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: 0 },
  subheading: { display: "block", margin: `${tokens.spacingVerticalXS} 0` },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
  plainList: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flex: "1 1 12rem", display: "grid", minWidth: 0, overflowWrap: "anywhere" },
  caption: { color: tokens.colorNeutralForeground3 },
  // A note or a timeline line: its words, then when (and by whom) on a line of its own.
  entry: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: "anywhere",
  },
  noteText: { whiteSpace: "pre-wrap" },
  noteForm: { display: "grid", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  // A form control that takes its row's width instead of its own minimum (250 px for a
  // Combobox), so that it fits a phone's column.
  field: { flex: "1 1 14rem", minWidth: 0 },
  fill: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  // Links alone on their line keep a 24 px target (WCAG 2.5.8).
  lineLink: { display: "inline-flex", alignItems: "center", minHeight: "24px" },
});

/**
 * One titled region of the detail: its heading names it for screen readers; `actions` sit on
 * the heading's line (wrapping under it when the column is narrow).
 */
export const Section = (props: {
  id: string;
  heading: string;
  actions?: ReactNode;
  children: ReactNode;
}) => {
  const styles = useDetailStyles();
  return (
    <section aria-labelledby={props.id} className={styles.section}>
      <div className={styles.sectionHeader}>
        <Subtitle1 as="h2" id={props.id} className={styles.heading}>
          {props.heading}
        </Subtitle1>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
};

/** A person's name, then company, email and phone; the phone number calls on a phone. */
export const ContactLines = (props: { contact: Contact }) => {
  const styles = useDetailStyles();
  const { contact } = props;
  return (
    <>
      <Text weight="semibold">{contact.name}</Text>
      {contact.company && <Text>{contact.company}</Text>}
      {contact.email && <Text>{contact.email}</Text>}
      {contact.phone && (
        <span>
          <Link className={styles.lineLink} href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
            {contact.phone}
          </Link>
        </span>
      )}
    </>
  );
};
