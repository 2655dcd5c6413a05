/*
 * The states every view shows around its content (issue 17, CONVENTIONS "The UI"):
 *
 *   <ViewState
 *     loading={items === null}              // nothing to show yet: the skeleton
 *     error={error} onRetry={reload}        // failed: ErrorState with Retry (inline when
 *                                           // there is content already, in place of it else)
 *     empty={items?.length === 0}           // loaded, nothing there: the `empty` node
 *     empty={<EmptyState title="…" hint="what to do" action={<Button>…</Button>} />}
 *     skeleton={<ListSkeleton rows={6} />}  // default: a list-shaped skeleton
 *   >
 *     …the content…
 *   </ViewState>
 *
 * Each piece also works alone: <ErrorState message onRetry />, <EmptyState title hint action />,
 * <ListSkeleton rows /> (rows of text lines), <CardSkeleton cards /> (a board column's cards).
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n.js";

const useStyles = makeStyles({
  empty: {
    display: "grid",
    justifyItems: "start",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    maxWidth: "40rem",
  },
  hint: { color: tokens.colorNeutralForeground2 },
  message: { whiteSpace: "pre-line", overflowWrap: "anywhere" },
  skeleton: { display: "grid", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "center",
  },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  short: { width: "60%" },
});

/** What failed and a Retry; an alert, so a screen reader hears it when it appears. */
export const ErrorState = (props: { message: string; onRetry?: () => void; title?: string }) => {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title ?? t("state.errorTitle")}</MessageBarTitle>
        <span className={styles.message}>{props.message}</span>
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{t("state.retry")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
};

/** Nothing here yet: say so, and what to do about it (with the action when there is one). */
export const EmptyState = (props: { title: string; hint?: string; action?: ReactNode }) => {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Text weight="semibold">{props.title}</Text>
      {props.hint && <Text className={styles.hint}>{props.hint}</Text>}
      {props.action}
    </div>
  );
};

/** Rows of placeholder lines in the shape of a list, labelled "Loading…" for assistive tech. */
export const ListSkeleton = (props: { rows?: number }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const rows = Array.from({ length: props.rows ?? 6 }, (_row, index) => index);
  return (
    <Skeleton aria-label={t("app.loading")} className={styles.skeleton}>
      {rows.map((row) => (
        <div key={row} className={styles.row}>
          <SkeletonItem size={16} />
          <SkeletonItem size={12} />
          <SkeletonItem size={24} />
        </div>
      ))}
    </Skeleton>
  );
};

/** Placeholder cards (a board column, a phone's card list). */
export const CardSkeleton = (props: { cards?: number }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const cards = Array.from({ length: props.cards ?? 3 }, (_card, index) => index);
  return (
    <Skeleton aria-label={t("app.loading")} className={styles.skeleton}>
      {cards.map((card) => (
        <div key={card} className={styles.card}>
          <SkeletonItem size={16} />
          <SkeletonItem size={12} className={styles.short} />
        </div>
      ))}
    </Skeleton>
  );
};

/**
 * The content, or what stands in for it: the skeleton until the first answer, the error with
 * Retry (in place of the content when there is none, above it when a refresh failed), or the
 * empty state once loaded with nothing to show.
 */
export const ViewState = (props: {
  loading: boolean;
  error: string | null;
  onRetry?: () => void;
  empty: boolean;
  emptyState: ReactNode;
  skeleton?: ReactNode;
  children: ReactNode;
}) => {
  const error = props.error && <ErrorState message={props.error} onRetry={props.onRetry} />;
  if (props.loading) return error || (props.skeleton ?? <ListSkeleton />);
  if (props.empty) return error || props.emptyState;
  return (
    <>
      {error}
      {props.children}
    </>
  );
};
