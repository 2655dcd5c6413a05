import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { EmptyState, ViewState } from "../common/view-state.js";
import { useOpportunityList } from "../first-contact/use-opportunity-list.js";
import { ListProgress } from "../opportunities/ListStates.js";
import { type MarketplaceItem, MarketplaceTable } from "./MarketplaceTable.js";

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, maxWidth: "60rem", flexBasis: "100%" },
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
  const list = useOpportunityList("all", owner || null);
  const { items, complete } = list;
  const applications = useMemo(
    () =>
      (items ?? []).flatMap((opportunity): MarketplaceItem[] =>
        opportunity.marketplace ? [{ opportunity, application: opportunity.marketplace }] : [],
      ),
    [items],
  );

  return (
    <section aria-labelledby="marketplace-title">
      <ViewHeader title={t("marketplace.list.title")} titleId="marketplace-title">
        <Text size={200} className={styles.intro}>
          {t("marketplace.list.intro")}
        </Text>
        {me.role === "manager" && (
          <OwnerSelect
            label="owner.filter"
            allLabel="owner.all"
            value={owner}
            onChange={setOwner}
            inline
          />
        )}
      </ViewHeader>
      <ViewState
        loading={items === null}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={applications.length === 0 && complete}
        emptyState={
          <EmptyState title={t("marketplace.list.empty")} hint={t("marketplace.list.emptyHint")} />
        }
      >
        <ListProgress list={list} />
        {applications.length > 0 && (
          <MarketplaceTable
            caption={t("marketplace.list.caption", { count: applications.length })}
            items={applications}
          />
        )}
      </ViewState>
    </section>
  );
};
