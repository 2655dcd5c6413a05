import { Field, makeStyles, Select, Text, ToggleButton, tokens } from "@fluentui/react-components";
import type { OfferStatus, OffersQuery } from "../../api/routing-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { useInlineFieldClass } from "../common/ViewHeader.js";

const STATUSES: readonly OfferStatus[] = [
  "pending",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
];
/** The option of no status filter; never a status itself. */
const ANY = "any";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
  },
  scope: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/**
 * Managers only: their own inbox or every offer of the team (SPEC §4.5), the latter by status.
 * The pressed button says which scope is shown, in words to assistive technology too.
 */
export const OffersToolbar = (props: {
  query: OffersQuery;
  onQuery: (query: OffersQuery) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const inlineField = useInlineFieldClass();
  const { query } = props;
  return (
    <div className={styles.bar}>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset's legend cannot sit in line with its buttons */}
      <div role="group" aria-labelledby="offers-scope" className={styles.scope}>
        <Text id="offers-scope">{t("offers.scope")}</Text>
        <ToggleButton
          checked={query.scope === "mine"}
          onClick={() => props.onQuery({ scope: "mine" })}
        >
          {t("offers.scope.mine")}
        </ToggleButton>
        <ToggleButton
          checked={query.scope === "all"}
          onClick={() =>
            query.scope === "all" || props.onQuery({ scope: "all", status: "pending" })
          }
        >
          {t("offers.scope.all")}
        </ToggleButton>
      </div>
      {query.scope === "all" && (
        <Field label={t("offers.filter.status")} orientation="horizontal" className={inlineField}>
          <Select
            value={query.status ?? ANY}
            onChange={(_event, data) =>
              props.onQuery({
                scope: "all",
                status: STATUSES.find((status) => status === data.value) ?? null,
              })
            }
          >
            <option value={ANY}>{t("offers.filter.any")}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`offers.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
};
