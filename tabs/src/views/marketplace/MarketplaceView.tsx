import { makeStyles, Spinner, Text, Title2, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import { useOpportunityList } from "../first-contact/use-opportunity-list.js";
import { type MarketplaceItem, MarketplaceTable } from "./MarketplaceTable.js";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "end", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
});

/**
 * SPEC §4.4: the marketplace opportunities the user may read, newest first. The list API has
 * no marketplace filter, so this reads the user's whole `all` list — which the server already
 * limits to readable, redacted rows (SPEC §7) — and keeps the ones with an application.
 */
export const MarketplaceView = () => {
  const { t } = useI18n();
  const { me } = useSession();
  const styles = useStyles();
  const [owner, setOwner] = useState("");
  const { items, complete, truncated, error } = useOpportunityList("all", owner || null);
  const applications = useMemo(
    () =>
      (items ?? []).flatMap((opportunity): MarketplaceItem[] =>
        opportunity.marketplace ? [{ opportunity, application: opportunity.marketplace }] : [],
      ),
    [items],
  );

  return (
    <section aria-labelledby="marketplace-title">
      <div className={styles.header}>
        <Title2 as="h1" id="marketplace-title">
          {t("marketplace.list.title")}
        </Title2>
        {me.role === "manager" && (
          <OwnerSelect
            label="owner.filter"
            allLabel="owner.all"
            value={owner}
            onChange={setOwner}
          />
        )}
      </div>
      <Text as="p">{t("marketplace.list.intro")}</Text>
      {error && <div role="alert">{error}</div>}
      {items === null && !error && <Spinner label={t("app.loading")} />}
      {items && applications.length === 0 && complete && (
        <Text as="p">{t("marketplace.list.empty")}</Text>
      )}
      {items && !complete && <Spinner size="tiny" label={t("queue.loadingMore")} />}
      {truncated && items && (
        <Text role="status">{t("queue.truncated", { count: items.length })}</Text>
      )}
      {applications.length > 0 && (
        <MarketplaceTable
          caption={t("marketplace.list.caption", { count: applications.length })}
          items={applications}
        />
      )}
    </section>
  );
};
