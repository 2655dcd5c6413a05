import {
  Button,
  Combobox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  OptionGroup,
  Text,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useDetailStyles } from "../detail-layout.js";
import { type FollowerCandidate, followerCandidates } from "./follower-candidates.js";
import { openExternalLink } from "./open-external-link.js";
import { type PeopleSearch, usePeopleSearch } from "./use-people-search.js";

const noHits: never[] = [];
const hitsOf = (search: PeopleSearch) => (search.state === "done" ? search.hits : noHits);

/**
 * SPEC §4.1: the owner or a manager picks a follower: the tenant's Dealflow users first, then
 * anyone of the organisation's directory (searched as they type, on their behalf), who
 * becomes a Dealflow user when added. Picking fills the box; "Add follower" adds, so a
 * stranger is never added by a stray arrow key. Missing consent is explained, with the way
 * to grant it, and the tenant's users stay pickable meanwhile.
 */
export const FollowerPicker = (props: {
  excluded: readonly string[];
  busy: boolean;
  onAdd: (person: FollowerCandidate) => Promise<boolean>;
}) => {
  const { t } = useI18n();
  const { users, me } = useSession();
  const styles = useDetailStyles();
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<FollowerCandidate | null>(null);
  // Once picked, the box holds the name: nothing more to search for.
  const typed = picked ? "" : query;
  const search = usePeopleSearch(typed);
  const { colleagues, directory } = followerCandidates({
    query: typed,
    users,
    directory: hitsOf(search),
    excluded: new Set([...props.excluded, me.id]),
  });
  const found = colleagues.length + directory.length;
  const status =
    search.state === "searching"
      ? t("detail.followers.searching")
      : search.state === "failed"
        ? search.message
        : search.state === "done"
          ? found === 0
            ? t("detail.followers.noMatches")
            : t("detail.followers.matches", { count: found })
          : "";
  const option = (person: FollowerCandidate) => (
    <Option key={person.id} value={person.id} text={person.name}>
      <div>
        <Text weight="semibold">{person.name}</Text>
        {person.email && <Text size={200}> — {person.email}</Text>}
      </div>
    </Option>
  );

  return (
    <div>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (picked === null) return;
          void props.onAdd(picked).then((done) => {
            if (!done) return;
            setPicked(null);
            setQuery("");
          });
        }}
      >
        <Field
          className={styles.field}
          label={t("detail.followers.pick")}
          hint={t("detail.followers.pickHint")}
        >
          <Combobox
            className={styles.fill}
            freeform
            value={query}
            selectedOptions={picked ? [picked.id] : []}
            aria-describedby={statusId}
            onChange={(event) => {
              setQuery(event.target.value);
              setPicked(null);
            }}
            onOptionSelect={(_event, data) => {
              const person = [...colleagues, ...directory].find((p) => p.id === data.optionValue);
              if (!person) return;
              setPicked(person);
              setQuery(person.name);
            }}
          >
            {colleagues.length > 0 && (
              <OptionGroup label={t("detail.followers.colleagues")}>
                {colleagues.map(option)}
              </OptionGroup>
            )}
            {directory.length > 0 && (
              <OptionGroup label={t("detail.followers.directory")}>
                {directory.map(option)}
              </OptionGroup>
            )}
          </Combobox>
        </Field>
        <Button type="submit" disabled={props.busy || picked === null}>
          {t("detail.followers.add")}
        </Button>
      </form>
      <Text size={200} id={statusId} role="status" aria-live="polite">
        {status}
      </Text>
      {search.state === "consent-required" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("detail.followers.consent")}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void openExternalLink(search.adminConsentUrl)}>
              {t("detail.followers.consentAction")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
};
