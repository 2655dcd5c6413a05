import {
  Badge,
  Button,
  Field,
  makeStyles,
  SearchBox,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import type { Classification, ContactRecord } from "../../api/detail-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNotify } from "../common/notify.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { EmptyState, ViewState } from "../common/view-state.js";
import { useDebouncedValue } from "../detail/roles/use-debounced-value.js";
import { ContactProfileDialog } from "./ContactProfileDialog.js";
import { NewContactDialog } from "./NewContactDialog.js";

const useStyles = makeStyles({
  search: { flex: "1 1 20rem", maxWidth: "32rem", minWidth: 0 },
  searchBox: { width: "100%", maxWidth: "none" },
  count: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "grid", minWidth: 0 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  who: { flex: "1 1 14rem", minWidth: 0, display: "grid", rowGap: tokens.spacingVerticalXXS },
  // The name opens the profile: a full-width, left-aligned button that wraps a long name.
  name: {
    justifyContent: "flex-start",
    textAlign: "start",
    paddingLeft: 0,
    minWidth: 0,
    maxWidth: "100%",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** SPEC §4.3's classifications at a glance: the hottest in the strongest colour. */
const BADGE_COLOR: Record<Classification, "success" | "brand" | "informative" | "warning"> = {
  "potential-consultant": "success",
  promising: "brand",
  likely: "informative",
  undecided: "warning",
};

type Found = { q: string; items: ContactRecord[] };

/** `#/contacts?q=navarro` opens the view with that search: a link can name a search. */
const searchInHash = (): string =>
  new URLSearchParams(globalThis.location?.hash.split("?")[1] ?? "").get("q") ?? "";

/**
 * The tenant's contacts (SPEC §4.1, §4.3): find one by name, email or company, see how
 * promising each is, open the profile to edit and classify it or to reach its opportunities,
 * and add a new person. Hidden marketplace clients are never among the matches (§4.4).
 */
export const ContactsView = () => {
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const styles = useStyles();
  const [text, setText] = useState(searchInHash);
  const q = useDebouncedValue(text.trim(), 250);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [profileOf, setProfileOf] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const asked = useRef("");

  const search = useCallback(
    async (query: string) => {
      asked.current = query;
      if (query === "") {
        setFound(null);
        setError(null);
        return;
      }
      try {
        const items = await api.searchContacts(query, 50);
        // Only the answer to the latest question is shown; an earlier, slower one is dropped.
        if (asked.current !== query) return;
        setFound({ q: query, items });
        setError(null);
      } catch (reason) {
        if (asked.current === query) setError(describeApiError(reason));
      }
    },
    [api],
  );

  useEffect(() => {
    void search(q);
  }, [q, search]);

  const searching = q !== "" && found?.q !== q && error === null;

  return (
    <section aria-labelledby="contacts-title">
      <ViewHeader
        title={t("contacts.title")}
        titleId="contacts-title"
        actions={
          <Button appearance="primary" onClick={() => setCreating(true)}>
            {t("contacts.new")}
          </Button>
        }
      >
        <Field
          label={t("contacts.search")}
          hint={t("contacts.searchHint")}
          className={styles.search}
        >
          <SearchBox
            className={styles.searchBox}
            value={text}
            maxLength={100}
            onChange={(_event, data) => setText(data.value)}
          />
        </Field>
      </ViewHeader>
      {q === "" ? (
        <EmptyState title={t("contacts.start")} />
      ) : (
        <ViewState
          loading={searching}
          error={error}
          onRetry={() => void search(q)}
          empty={found?.items.length === 0}
          emptyState={<EmptyState title={t("contacts.none", { q })} />}
        >
          {found && (
            <>
              <Text role="status" size={200} className={styles.count}>
                {t("contacts.found", { count: found.items.length })}
              </Text>
              <ul className={styles.list} aria-label={t("contacts.title")}>
                {found.items.map((contact) => (
                  <li key={contact.id} className={styles.row}>
                    <div className={styles.who}>
                      <Button
                        appearance="transparent"
                        className={styles.name}
                        onClick={() => setProfileOf(contact.id)}
                      >
                        {contact.name}
                      </Button>
                      <Text size={200} className={styles.facts}>
                        {[contact.company, contact.email, contact.phone]
                          .filter((fact) => fact)
                          .join(" · ") || "—"}
                      </Text>
                    </div>
                    {contact.classification ? (
                      <Badge appearance="tint" color={BADGE_COLOR[contact.classification]}>
                        {t(`outcome.${contact.classification}`)}
                      </Badge>
                    ) : (
                      <Badge appearance="outline" color="informative">
                        {t("contacts.notClassified")}
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </ViewState>
      )}
      {profileOf && (
        <ContactProfileDialog
          contactId={profileOf}
          onClose={() => setProfileOf(null)}
          onSaved={async () => {
            setProfileOf(null);
            notify({ text: t("form.saved") });
            await search(q);
          }}
        />
      )}
      {creating && (
        <NewContactDialog
          title={t("contacts.newTitle")}
          onCancel={() => setCreating(false)}
          onSaved={async (contact, isNew) => {
            setCreating(false);
            if (isNew) notify({ text: t("contacts.created", { name: contact.name }) });
            // The new (or the existing) contact is shown found, its profile open.
            setText(contact.name);
            setProfileOf(contact.id);
          }}
        />
      )}
    </section>
  );
};
