import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import type { FirstContactAction, Opportunity, OpportunityView } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";
import { DetailsDialog } from "./DetailsDialog.js";
import { DiscardDialog } from "./DiscardDialog.js";
import { NewOpportunityDialog } from "./NewOpportunityDialog.js";
import type { RowAction } from "./QueueRow.js";
import { QueueTable } from "./QueueTable.js";
import { ReadyForProposalDialog } from "./ReadyForProposalDialog.js";
import { recordFirstContact } from "./record-first-contact.js";
import { SecondContactDialog } from "./SecondContactDialog.js";
import { useOpportunityList } from "./use-opportunity-list.js";

const TITLES: Record<Exclude<OpportunityView, "all">, MessageKey> = {
  "first-contact": "nav.firstContact",
  "second-contact": "nav.secondContact",
  mine: "nav.mine",
  following: "nav.following",
};

type Open =
  | { kind: "none" }
  | { kind: "new" }
  | { kind: "details"; opportunity: Opportunity }
  | {
      kind: "ready-for-proposal" | "second-contact" | "discard";
      opportunity: Opportunity;
      etag: string | null;
    };

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "end",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
  },
});

/** First contact, Second contact, My opportunities and Following: one table, newest first. */
export const QueueView = (props: { view: Exclude<OpportunityView, "all"> }) => {
  const { t } = useI18n();
  const { api, settings, me } = useSession();
  const styles = useStyles();
  const [owner, setOwner] = useState("");
  const { items, complete, truncated, error, reload } = useOpportunityList(
    props.view,
    owner || null,
  );
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; text: string } | null>(
    null,
  );
  const withActions = props.view === "first-contact" || props.view === "second-contact";
  const title = t(TITLES[props.view]);
  const close = () => setOpen({ kind: "none" });

  const onAction = async (action: RowAction, opportunity: Opportunity) => {
    if (action === "details") return setOpen({ kind: "details", opportunity });
    try {
      // The version the user acts on: writes carry it as If-Match.
      const read = await api.opportunity(opportunity.id);
      setOpen({ kind: action, opportunity: read.data, etag: read.etag });
    } catch (reason) {
      setNotice({ intent: "warning", text: describeApiError(reason) });
    }
  };

  const submit = async (action: FirstContactAction) => {
    if (open.kind === "none" || open.kind === "new" || open.kind === "details") return;
    const result = await recordFirstContact(api, open, action);
    close();
    if (result.kind === "done") setNotice({ intent: "success", text: t("form.saved") });
    if (result.kind === "gone") setNotice({ intent: "warning", text: t("conflict.gone") });
    if (result.kind === "conflict") {
      const fields = result.changed.map((field) => t(`changed.${field}`)).join(", ");
      setNotice({ intent: "warning", text: t("conflict.changed", { fields: fields || "—" }) });
    }
    await reload();
  };

  return (
    <section aria-labelledby="queue-title">
      <div className={styles.header}>
        <Title2 as="h1" id="queue-title">
          {title}
        </Title2>
        {props.view === "first-contact" && (
          <Button appearance="primary" onClick={() => setOpen({ kind: "new" })}>
            {t("action.newOpportunity")}
          </Button>
        )}
        {me.role === "manager" && props.view !== "mine" && (
          <OwnerSelect
            label="owner.filter"
            allLabel="owner.all"
            value={owner}
            onChange={setOwner}
          />
        )}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {error && <div role="alert">{error}</div>}
      {items === null && !error && <Spinner label={t("app.loading")} />}
      {items?.length === 0 && complete && <Text>{t("queue.empty")}</Text>}
      {items && !complete && <Spinner size="tiny" label={t("queue.loadingMore")} />}
      {truncated && items && (
        <Text role="status">{t("queue.truncated", { count: items.length })}</Text>
      )}
      {items && items.length > 0 && (
        <QueueTable
          caption={t("queue.caption", { view: title, count: items.length })}
          items={items}
          withActions={withActions}
          onAction={(action, opportunity) => void onAction(action, opportunity)}
        />
      )}
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
            await api.createOpportunity(input);
            close();
            setNotice({ intent: "success", text: t("form.saved") });
            await reload();
          }}
        />
      )}
    </section>
  );
};
