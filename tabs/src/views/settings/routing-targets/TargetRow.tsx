import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { RoutingTarget } from "../../../api/routing-api.js";
import { useSession } from "../../../app/session.js";
import { formatNumber, formatRating } from "../../../i18n/format.js";
import { type Locale, type Translate, useI18n } from "../../../i18n/i18n.js";
import type { ListColumn } from "../../common/list/ResponsiveList.js";
import { TruncatedText } from "../../common/TruncatedText.js";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "nowrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXS,
  },
  wrap: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const ratingText = (target: RoutingTarget, t: Translate, locale: Locale): string =>
  target.reviewCount === 0
    ? t("targets.rating.none")
    : t("targets.rating", {
        rating: formatRating(target.rating, locale),
        count: target.reviewCount,
      });

export type TargetHandlers = {
  busyId: string | null;
  onEdit: (target: RoutingTarget) => void;
  onReviews: (target: RoutingTarget) => void;
  onActive: (target: RoutingTarget, active: boolean) => void;
};

/** The catalog's columns (most useful first to stay) and a phone's card of one target. */
export const useTargetCells = (handlers: TargetHandlers) => {
  const { t, locale } = useI18n();
  const { userNames } = useSession();
  const styles = useStyles();
  const languages = (target: RoutingTarget) =>
    [t("targets.primary", { language: target.primaryLanguage }), ...target.secondaryLanguages].join(
      ", ",
    );
  const user = (target: RoutingTarget) =>
    target.userId === null
      ? t("targets.noUser")
      : (userNames.get(target.userId) ?? t("targets.unknownUser", { id: target.userId }));
  const status = (target: RoutingTarget) =>
    t(target.active ? "targets.active" : "targets.inactive");
  const actions = (target: RoutingTarget) => (
    <div className={styles.actions}>
      <Button
        size="small"
        aria-label={t("targets.editOf", { name: target.name })}
        onClick={() => handlers.onEdit(target)}
      >
        {t("targets.edit")}
      </Button>
      <Button
        size="small"
        aria-label={t("targets.reviewsOf", { name: target.name })}
        onClick={() => handlers.onReviews(target)}
      >
        {t("targets.reviews")}
      </Button>
      <Button
        size="small"
        disabled={handlers.busyId === target.id}
        aria-label={t(target.active ? "targets.deactivateOf" : "targets.reactivateOf", {
          name: target.name,
        })}
        onClick={() => handlers.onActive(target, !target.active)}
      >
        {t(target.active ? "targets.deactivate" : "targets.reactivate")}
      </Button>
    </div>
  );
  const text = (value: (target: RoutingTarget) => string) => (target: RoutingTarget) => (
    <TruncatedText text={value(target)} />
  );
  const column = (
    id: string,
    header: Parameters<Translate>[0],
    priority: number,
    minWidth: number,
    render: (target: RoutingTarget) => ReactNode,
  ): ListColumn<RoutingTarget> => ({ id, header: t(header), priority, minWidth, render });
  const columns: ListColumn<RoutingTarget>[] = [
    column(
      "name",
      "targets.column.name",
      1,
      140,
      text((x) => x.name),
    ),
    column(
      "type",
      "targets.column.type",
      3,
      90,
      text((x) => t(`targets.type.${x.type}`)),
    ),
    column(
      "level",
      "targets.column.level",
      4,
      80,
      text((x) => t(`targets.level.${x.level}`)),
    ),
    column(
      "country",
      "targets.column.country",
      5,
      70,
      text((x) => x.country ?? ""),
    ),
    column("languages", "targets.column.languages", 4, 130, (x) => (
      <span className={styles.wrap}>{languages(x)}</span>
    )),
    column("services", "targets.column.services", 5, 120, (x) => (
      <span className={styles.wrap}>{x.services.join(", ")}</span>
    )),
    column("status", "targets.column.status", 2, 80, text(status)),
    column(
      "rating",
      "targets.column.rating",
      3,
      120,
      text((x) => ratingText(x, t, locale)),
    ),
    column(
      "completed",
      "targets.column.completed",
      5,
      80,
      text((x) => formatNumber(x.completedProjects, locale)),
    ),
    column("user", "targets.column.user", 4, 110, text(user)),
    { ...column("actions", "column.actions", 1, 260, actions), grow: 0, align: "end" },
  ];
  const card = (target: RoutingTarget) => (
    <article className={styles.card} aria-label={target.name} data-target-id={target.id}>
      <span className={styles.name}>{target.name}</span>
      <span className={styles.muted}>
        {[t(`targets.type.${target.type}`), t(`targets.level.${target.level}`), target.country]
          .filter(Boolean)
          .join(" · ")}
      </span>
      <span className={styles.muted}>
        {status(target)} · {ratingText(target, t, locale)} · {user(target)}
      </span>
      <span className={styles.wrap}>{languages(target)}</span>
      {actions(target)}
    </article>
  );
  return { columns, card };
};
