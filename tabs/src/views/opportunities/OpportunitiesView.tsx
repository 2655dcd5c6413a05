import { useMemo, useState } from "react";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { ListSearch, SortSelect } from "../common/list/ListToolbar.js";
import { ResponsiveList } from "../common/list/ResponsiveList.js";
import { OwnerSelect } from "../common/owner-select.js";
import { useNow } from "../common/use-now.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { ViewState } from "../common/view-state.js";
import { useOpportunityList } from "../first-contact/use-opportunity-list.js";
import { ListEmpty, ListProgress } from "./ListStates.js";
import { OpportunityRowCard } from "./OpportunityRowCard.js";
import { useOpportunityColumns } from "./opportunity-columns.js";
import { type OpportunitySort, sortOpportunities } from "./sort-opportunities.js";

const ROW_HEIGHT = 52;
const CARD_HEIGHT = 112;

/**
 * My opportunities and Following: the deals in progress, with their stage, value and next
 * step (no first-contact clock once the first contact is made), searchable and sortable.
 */
export const OpportunitiesView = (props: { view: "mine" | "following" }) => {
  const { t } = useI18n();
  const { me } = useSession();
  const now = useNow();
  const [owner, setOwner] = useState("");
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<OpportunitySort>("server");
  const list = useOpportunityList(props.view, owner || null, { q, nextTask: true });
  const items = useMemo(
    () => (list.items === null ? null : sortOpportunities(list.items, sort)),
    [list.items, sort],
  );
  const columns = useOpportunityColumns({ now });
  const title = t(props.view === "mine" ? "nav.mine" : "nav.following");
  const sorts = [
    { id: "server", label: t("list.sort.newest") },
    { id: "nextTask", label: t("list.sort.nextTask") },
    { id: "value", label: t("list.sort.value") },
    { id: "updated", label: t("list.sort.updated") },
  ] as const;

  return (
    <section aria-labelledby="list-title">
      <ViewHeader title={title} titleId="list-title">
        <ListSearch value={q} onChange={setQ} />
        <SortSelect value={sort} options={sorts} onChange={setSort} />
        {me.role === "manager" && props.view === "following" && (
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
        empty={items?.length === 0 && list.complete}
        emptyState={<ListEmpty view={props.view} q={q} onClearSearch={() => setQ("")} />}
      >
        <ListProgress list={list} />
        {items && items.length > 0 && (
          <ResponsiveList
            caption={t("queue.caption", { view: title, count: items.length })}
            items={items}
            itemKey={(o) => o.id}
            columns={columns}
            rowHeight={ROW_HEIGHT}
            rowAttributes={(o) => ({ "data-opportunity-id": o.id })}
            renderCard={(o) => <OpportunityRowCard opportunity={o} now={now} />}
            cardHeight={CARD_HEIGHT}
          />
        )}
      </ViewState>
    </section>
  );
};
