import { Button, makeStyles, TableCell, TableRow, tokens } from "@fluentui/react-components";
import type { RoutingTarget } from "../../../api/routing-api.js";
import { useSession } from "../../../app/session.js";
import { type Translate, useI18n } from "../../../i18n/i18n.js";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

const ratingText = (target: RoutingTarget, t: Translate, locale: string): string => {
  if (target.reviewCount === 0) return t("targets.rating.none");
  const rating = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(target.rating);
  return target.reviewCount === 1
    ? t("targets.rating.one", { rating })
    : t("targets.rating.many", { rating, count: target.reviewCount });
};

/** One target of the catalog, with what a manager does to it. */
export const TargetRow = (props: {
  target: RoutingTarget;
  rowIndex: number;
  busy: boolean;
  onEdit: () => void;
  onReviews: () => void;
  onActive: (active: boolean) => void;
}) => {
  const { t, locale } = useI18n();
  const { userNames } = useSession();
  const styles = useStyles();
  const { target } = props;
  const languages = [
    t("targets.primary", { language: target.primaryLanguage }),
    ...target.secondaryLanguages,
  ].join(", ");
  return (
    <TableRow aria-rowindex={props.rowIndex} data-target-id={target.id}>
      <TableCell>{target.name}</TableCell>
      <TableCell>{t(`targets.type.${target.type}`)}</TableCell>
      <TableCell>{t(`targets.level.${target.level}`)}</TableCell>
      <TableCell>{target.country ?? ""}</TableCell>
      <TableCell>{languages}</TableCell>
      <TableCell>{target.services.join(", ")}</TableCell>
      <TableCell>{t(target.active ? "targets.active" : "targets.inactive")}</TableCell>
      <TableCell>{ratingText(target, t, locale)}</TableCell>
      <TableCell>{new Intl.NumberFormat(locale).format(target.completedProjects)}</TableCell>
      <TableCell>
        {target.userId === null
          ? t("targets.noUser")
          : (userNames.get(target.userId) ?? t("targets.unknownUser", { id: target.userId }))}
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button
            size="small"
            aria-label={t("targets.editOf", { name: target.name })}
            onClick={props.onEdit}
          >
            {t("targets.edit")}
          </Button>
          <Button
            size="small"
            aria-label={t("targets.reviewsOf", { name: target.name })}
            onClick={props.onReviews}
          >
            {t("targets.reviews")}
          </Button>
          <Button
            size="small"
            disabled={props.busy}
            aria-label={t(target.active ? "targets.deactivateOf" : "targets.reactivateOf", {
              name: target.name,
            })}
            onClick={() => props.onActive(!target.active)}
          >
            {t(target.active ? "targets.deactivate" : "targets.reactivate")}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
};
