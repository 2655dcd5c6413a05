import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { type ListColumn, ResponsiveList } from "../common/list/ResponsiveList.js";
import { useNow } from "../common/use-now.js";
import { ContactCell, TwoLines } from "../opportunities/cells.js";
import { ElapsedCell } from "./ElapsedCell.js";
import { QueueActions, type RowAction } from "./QueueActions.js";
import { QueueCard } from "./QueueCard.js";

/** Two lines of text and a small button, with room to breathe (the virtual rows' height). */
const ROW_HEIGHT = 52;
const CARD_HEIGHT = 118;
/** Details and the three actions in one line, in English or Spanish. */
const ACTIONS_WIDTH = 420;
// With the inline navigation a 1280 px laptop tab leaves the list about 1020 px: every column's
// minimum adds up to 1002 px, so the source and campaign stay beside the actions there.

/**
 * A first-contact queue: how long each lead has waited, who they are, how to reach them, where
 * they came from, whose they are, and the actions, on one line per lead; cards on a phone.
 */
export const QueueTable = (props: {
  caption: string;
  items: Opportunity[];
  withActions: boolean;
  onAction: (action: RowAction, opportunity: Opportunity) => void;
}) => {
  const { t } = useI18n();
  const { settings, userNames, me } = useSession();
  const now = useNow();
  // A seller's queue is their own: the owner column matters to managers.
  const manager = me.role === "manager";
  const sourceLabel = (id: string) => settings.sources.find((s) => s.id === id)?.label ?? id;
  const columns: ListColumn<Opportunity>[] = [
    {
      id: "waiting",
      header: t("column.waiting"),
      priority: 1,
      minWidth: 72,
      grow: 0,
      render: (o) => <ElapsedCell receivedAt={o.receivedAt} due={o.firstContact} now={now} />,
    },
    {
      id: "contact",
      header: t("column.contact"),
      priority: 1,
      minWidth: 150,
      grow: 2,
      render: (o) => <ContactCell opportunity={o} now={now} />,
    },
    {
      id: "reach",
      header: t("list.column.reach"),
      priority: manager ? 3 : 2,
      minWidth: 150,
      grow: 1.5,
      render: (o) => <TwoLines first={o.contact.email} second={o.contact.phone} />,
    },
    {
      id: "origin",
      header: t("list.column.origin"),
      priority: 3,
      minWidth: 110,
      grow: 1,
      render: (o) => <TwoLines first={sourceLabel(o.source)} second={o.campaign} />,
    },
    {
      id: "owner",
      header: t("column.owner"),
      priority: manager ? 2 : 4,
      minWidth: 100,
      grow: 1,
      render: (o) => (
        <TwoLines
          first={o.ownerId === null ? "" : (userNames.get(o.ownerId) ?? "")}
          second={null}
        />
      ),
    },
    {
      id: "actions",
      header: t("column.actions"),
      priority: 1,
      minWidth: props.withActions ? ACTIONS_WIDTH : 90,
      grow: 0,
      align: "end",
      render: (o) => (
        <QueueActions
          opportunity={o}
          withActions={props.withActions}
          onAction={props.onAction}
          layout="row"
        />
      ),
    },
  ];
  return (
    <ResponsiveList
      caption={props.caption}
      items={props.items}
      itemKey={(o) => o.id}
      columns={columns}
      rowHeight={ROW_HEIGHT}
      rowAttributes={(o) => ({
        "data-opportunity-id": o.id,
        // An opportunity nobody owns yet (a lead waiting to be routed) has no owner to name.
        ...(o.ownerId === null ? {} : { "data-owner-id": o.ownerId }),
      })}
      renderCard={(o) => (
        <QueueCard
          opportunity={o}
          now={now}
          withActions={props.withActions}
          onAction={props.onAction}
        />
      )}
      cardHeight={CARD_HEIGHT}
    />
  );
};
