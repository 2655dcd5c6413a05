import { makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Contact } from "../../api/api-types.js";

export const useDetailStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(16rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  section: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "grid",
    alignContent: "start",
    gap: tokens.spacingVerticalS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: tokens.spacingHorizontalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
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
  grow: { flexGrow: 1, display: "grid", minWidth: "12rem" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
});

/** One titled region of the detail: its heading names it for screen readers. */
export const Section = (props: { id: string; heading: string; children: ReactNode }) => {
  const styles = useDetailStyles();
  return (
    <section aria-labelledby={props.id} className={styles.section}>
      <Subtitle1 as="h2" id={props.id}>
        {props.heading}
      </Subtitle1>
      {props.children}
    </section>
  );
};

export const ContactLines = (props: { contact: Contact }) => (
  <>
    <Text weight="semibold">{props.contact.name}</Text>
    {[props.contact.company, props.contact.email, props.contact.phone]
      .filter((line): line is string => Boolean(line))
      .map((line) => (
        <div key={line}>{line}</div>
      ))}
  </>
);
