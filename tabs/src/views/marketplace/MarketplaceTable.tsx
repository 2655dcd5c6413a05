import { makeStyles, tokens } from "@fluentui/react-components";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { ResponsiveList } from "../common/list/ResponsiveList.js";
import { useNow } from "../common/use-now.js";
import {
  type MarketplaceItem,
  useMarketplaceCells,
  useMarketplaceStyles,
} from "./MarketplaceRow.js";
import { connectorName } from "./marketplace-clock.js";
import { contactDisplayName } from "./marketplace-text.js";
import { VisibilityCell } from "./VisibilityCell.js";

export type { MarketplaceItem } from "./MarketplaceRow.js";

/** A hidden client's row has three lines: the state, the reminder and the reveal. */
const ROW_HEIGHT = 72;
const CARD_HEIGHT = 150;

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export const MarketplaceTable = (props: { caption: string; items: readonly MarketplaceItem[] }) => {
  const { t } = useI18n();
  const { settings } = useSession();
  const styles = useStyles();
  const cellStyles = useMarketplaceStyles();
  const now = useNow();
  const { columns, title, meeting } = useMarketplaceCells(now);
  return (
    <ResponsiveList
      caption={props.caption}
      items={props.items}
      itemKey={(item) => item.opportunity.id}
      columns={columns}
      rowHeight={ROW_HEIGHT}
      rowAttributes={(item) => ({ "data-opportunity-id": item.opportunity.id })}
      cardHeight={CARD_HEIGHT}
      renderCard={(item) => (
        <article className={styles.card} data-opportunity-id={item.opportunity.id}>
          {title(item)}
          <span className={styles.muted}>
            {contactDisplayName(item.opportunity, t)} ·{" "}
            {connectorName(settings, item.application.connectorKey)}
          </span>
          <span className={cellStyles.small}>
            <VisibilityCell application={item.application} now={now} />
          </span>
          <span className={styles.muted}>{meeting(item)}</span>
        </article>
      )}
    />
  );
};
