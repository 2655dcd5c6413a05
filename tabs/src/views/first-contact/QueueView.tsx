import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import type { FirstContactAction } from "../../api/first-contact-action.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { ListSearch, SortSelect } from "../common/list/ListToolbar.js";
import { useNotify } from "../common/notify.js";
import { OwnerSelect } from "../common/owner-select.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { ViewState } from "../common/view-state.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";
import { ListEmpty, ListProgress } from "../opportunities/ListStates.js";
import { type OpportunitySort, sortOpportunities } from "../opportunities/sort-opportunities.js";
import { DetailsDialog } from "./DetailsDialog.js";
import { DiscardDialog } from "./DiscardDialog.js";
import { NewOpportunityDialog } from "./NewOpportunityDialog.js";
import type { RowAction } from "./QueueActions.js";
import { QueueTable } from "./QueueTable.js";
import { ReadyForProposalDialog } from "./ReadyForProposalDialog.js";
import { recordFirstContact } from "./record-first-contact.js";
import { SecondContactDialog } from "./SecondContactDialog.js";
import { useOpportunityList } from "./use-opportunity-list.js";

type QueueId = "first-contact" | "second-contact";

type Open =
  | { kind: "none" }
  | { kind: "new" }
  | { kind: "details"; opportunity: Opportunity }
  | {
      kind: "ready-for-proposal" | "second-contact" | "discard";
      opportunity: Opportunity;
      etag: string | null;
    };

const DONE = {
  "ready-for-proposal": "action.readyForProposal",
  "second-contact": "action.secondContact",
  discard: "action.discard",
} as const;

/** First contact and Second contact: the leads waiting for a call, newest (or due) first. */
export const QueueView = (props: { view: QueueId }) => {
  const { t } = useI18n();
  const { api, settings, me } = useSession();
  const notify = useNotify();
  const [owner, setOwner] = useState("");
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<OpportunitySort>("server");
  const list = useOpportunityList(props.view, owner || null, { q });
  const items = useMemo(
    () => (list.items === null ? null : sortOpportunities(list.items, sort)),
    [list.items, sort],
  );
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const [warning, setWarning] = useState<string | null>(null);
  const title = t(props.view === "first-contact" ? "nav.firstContact" : "nav.secondContact");
  const close = () => setOpen({ kind: "none" });

  const onAction = async (action: RowAction, opportunity: Opportunity) => {
    if (action === "details") return setOpen({ kind: "details", opportunity });
    try {
      // The version the user acts on: writes carry it as If-Match.
      const read = await api.opportunity(opportunity.id);
      setOpen({ kind: action, opportunity: read.data, etag: read.etag });
    } catch (reason) {
      setWarning(describeApiError(reason));
    }
  };

  const submit = async (action: FirstContactAction) => {
    if (open.kind === "none" || open.kind === "new" || open.kind === "details") return;
    const name = contactDisplayName(open.opportunity, t);
    const result = await recordFirstContact(api, open, action);
    close();
    setWarning(null);
    if (result.kind === "done")
      notify({ text: t("list.done", { name, action: t(DONE[action.action]) }) });
    if (result.kind === "gone") setWarning(t("conflict.gone"));
    if (result.kind === "conflict") {
      const fields = result.changed.map((field) => t(`changed.${field}`)).join(", ");
      setWarning(t("conflict.changed", { fields: fields || "—" }));
    }
    await list.reload();
  };

  const newOpportunity = props.view === "first-contact" && (
    <Button appearance="primary" onClick={() => setOpen({ kind: "new" })}>
      {t("action.newOpportunity")}
    </Button>
  );
  const sorts =
    props.view === "first-contact"
      ? ([
          { id: "server", label: t("list.sort.newest") },
          { id: "oldest", label: t("list.sort.oldest") },
        ] as const)
      : ([
          { id: "server", label: t("list.sort.due") },
          { id: "newest", label: t("list.sort.newest") },
          { id: "oldest", label: t("list.sort.oldest") },
        ] as const);

  return (
    <section aria-labelledby="queue-title">
      <ViewHeader title={title} titleId="queue-title" actions={newOpportunity}>
        <ListSearch value={q} onChange={setQ} />
        <SortSelect value={sort} options={sorts} onChange={setSort} />
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
      {warning && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      )}
      <ViewState
        loading={items === null}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={items?.length === 0 && list.complete}
        emptyState={<ListEmpty view={props.view} q={q} onClearSearch={() => setQ("")} />}
      >
        <ListProgress list={list} />
        {items && items.length > 0 && (
          <QueueTable
            caption={t("queue.caption", { view: title, count: items.length })}
            items={[...items]}
            withActions
            onAction={(action, opportunity) => void onAction(action, opportunity)}
          />
        )}
      </ViewState>
      {open.kind === "details" && <DetailsDialog opportunity={open.opportunity} onClose={close} />}
      {open.kind === "ready-for-proposal" && (
        <ReadyForProposalDialog
          contactName={contactDisplayName(open.opportunity, t)}
          onSubmit={submit}
          onCancel={close}
        />
      )}
      {open.kind === "second-contact" && (
        <SecondContactDialog
          contactName={contactDisplayName(open.opportunity, t)}
          onSubmit={submit}
          onCancel={close}
        />
      )}
      {open.kind === "discard" && (
        <DiscardDialog
          contactName={contactDisplayName(open.opportunity, t)}
          reasons={settings.discardReasons}
          onSubmit={submit}
          onCancel={close}
        />
      )}
      {open.kind === "new" && (
        <NewOpportunityDialog
          onCancel={close}
          onSubmit={async (input) => {
            const created = await api.createOpportunity(input);
            close();
            notify({
              text: t("form.saved"),
              link: {
                href: `#/opportunities/${encodeURIComponent(created.id)}`,
                label: t("detail.open", { name: contactDisplayName(created, t) }),
              },
            });
            await list.reload();
          }}
        />
      )}
    </section>
  );
};
