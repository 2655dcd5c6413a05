/*
 * A list's search and sort, for its ViewHeader's toolbar line.
 *
 *   <ListSearch value={q} onChange={setQ} />          // debounced; the server's `q`
 *   <SortSelect value={sort} onChange={setSort} options={[{ id: "newest", label: "…" }]} />
 */
import { makeStyles, SearchBox, Select } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../../../i18n/i18n.js";

const useStyles = makeStyles({
  // Beside the sort on a phone too when both fit; the search takes what is left of the line.
  search: {
    flex: "1 1 11rem",
    maxWidth: "22rem",
    "@media (max-width: 639.98px)": { maxWidth: "none" },
  },
  sort: { maxWidth: "100%" },
});

/** Waits this long after the last key before asking the server again. */
const SEARCH_DELAY_MS = 300;

export const ListSearch = (props: { value: string; onChange: (q: string) => void }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState(props.value);
  const { onChange, value } = props;
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === value) return;
    const timer = setTimeout(() => onChange(wanted), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  // Cleared from outside (the empty state's Clear search): show it.
  useEffect(() => {
    if (value === "") setText((current) => (current.trim() === "" ? current : ""));
  }, [value]);
  return (
    <SearchBox
      className={styles.search}
      aria-label={t("list.search")}
      placeholder={t("list.searchHint")}
      value={text}
      onChange={(_event, data) => setText(data.value)}
    />
  );
};

export const SortSelect = <S extends string>(props: {
  value: S;
  options: readonly { id: S; label: string }[];
  onChange: (sort: S) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Select
      className={styles.sort}
      aria-label={t("list.sort")}
      value={props.value}
      onChange={(_event, data) => {
        const chosen = props.options.find((option) => option.id === data.value);
        if (chosen) props.onChange(chosen.id);
      }}
    >
      {props.options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </Select>
  );
};
