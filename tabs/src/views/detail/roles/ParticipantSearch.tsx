import { Combobox, Field, Option, Text } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { ContactRecord } from "../../../api/detail-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useDetailStyles } from "../detail-layout.js";
import { useDebouncedValue } from "./use-debounced-value.js";

export const SEARCH_DELAY_MS = 250;

type Search =
  | { state: "idle" }
  | { state: "searching" }
  | { state: "done"; hits: ContactRecord[] }
  | { state: "failed"; message: string };

const describe = (contact: ContactRecord) =>
  [contact.company, contact.email].filter((line): line is string => Boolean(line)).join(" · ");

/**
 * SPEC §4.1: picks a participant from the tenant's contacts by name, email or company. The
 * search waits for a pause in typing; people already on the opportunity are not offered, and
 * how many were found is announced politely. It stays enabled while a write runs, so the
 * keyboard focus is not thrown out of it after each pick.
 */
export const ParticipantSearch = (props: {
  excluded: readonly string[];
  onPick: (contact: ContactRecord) => Promise<void>;
  /** Off, with `describedBy` saying why (a hidden marketplace client's roles wait). */
  disabled?: boolean;
  describedBy?: string;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const styles = useDetailStyles();
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<Search>({ state: "idle" });
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);

  useEffect(() => {
    if (settled === "") {
      setSearch({ state: "idle" });
      return;
    }
    let current = true;
    setSearch({ state: "searching" });
    api.searchContacts(settled).then(
      (hits) => current && setSearch({ state: "done", hits }),
      (reason: unknown) =>
        current && setSearch({ state: "failed", message: describeApiError(reason) }),
    );
    return () => {
      current = false;
    };
  }, [api, settled]);

  const hits =
    search.state === "done"
      ? search.hits.filter((contact) => !props.excluded.includes(contact.id))
      : [];
  const status =
    search.state === "searching"
      ? t("detail.participants.searching")
      : search.state === "failed"
        ? search.message
        : search.state === "done"
          ? hits.length === 0
            ? t("detail.participants.noMatches")
            : t("detail.participants.matches", { count: hits.length })
          : "";

  return (
    <div>
      <Field label={t("detail.participants.add")} hint={t("detail.participants.addHint")}>
        <Combobox
          className={styles.fill}
          freeform
          value={query}
          selectedOptions={[]}
          disabled={props.disabled}
          aria-describedby={[statusId, props.describedBy].filter(Boolean).join(" ")}
          onChange={(event) => setQuery(event.target.value)}
          onOptionSelect={(_event, data) => {
            const picked = hits.find((contact) => contact.id === data.optionValue);
            if (!picked) return;
            setQuery("");
            void props.onPick(picked);
          }}
        >
          {hits.map((contact) => (
            <Option key={contact.id} value={contact.id} text={contact.name}>
              <div>
                <Text weight="semibold">{contact.name}</Text>
                {describe(contact) && <Text size={200}> — {describe(contact)}</Text>}
              </div>
            </Option>
          ))}
        </Combobox>
      </Field>
      <Text size={200} id={statusId} role="status" aria-live="polite">
        {status}
      </Text>
    </div>
  );
};
