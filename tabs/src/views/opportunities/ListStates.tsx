import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";
import { EmptyState } from "../common/view-state.js";
import type { OpportunityList } from "../first-contact/use-opportunity-list.js";

type ListView = "first-contact" | "second-contact" | "mine" | "following";

const useStyles = makeStyles({
  progress: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
  },
});

/** Nothing to show: what the list is for and how something gets into it, or the search's miss. */
export const ListEmpty = (props: { view: ListView; q: string; onClearSearch: () => void }) => {
  const { t } = useI18n();
  if (props.q) {
    return (
      <EmptyState
        title={t("list.noMatch", { q: props.q })}
        hint={t("list.noMatchHint")}
        action={<Button onClick={props.onClearSearch}>{t("list.clearSearch")}</Button>}
      />
    );
  }
  return (
    <EmptyState
      title={t(`list.empty.${props.view}`)}
      hint={t(`list.emptyHint.${props.view}`)}
      action={
        props.view === "mine" ? (
          <Button as="a" href="#/first-contact">
            {t("list.goFirstContact")}
          </Button>
        ) : undefined
      }
    />
  );
};

/** While later pages arrive, and when the list stopped at its limit, say so above it. */
export const ListProgress = (props: { list: OpportunityList }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { list } = props;
  if (list.items === null || (list.complete && !list.truncated)) return null;
  return (
    <div className={styles.progress}>
      {!list.complete && <Spinner size="extra-tiny" label={t("queue.loadingMore")} />}
      {list.truncated && (
        <Text role="status">{t("queue.truncated", { count: list.items.length })}</Text>
      )}
    </div>
  );
};
