import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { RoutingTarget } from "../../../api/routing-api.js";
import type { TargetReview } from "../../../api/settings-api.js";
import { useSession } from "../../../app/session.js";
import { formatDateTime } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useReturnFocus } from "../../common/use-return-focus.js";

const useStyles = makeStyles({
  content: { display: "grid", gap: tokens.spacingVerticalM },
  list: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    maxHeight: "60vh",
    overflowY: "auto",
  },
  item: {
    listStyleType: "none",
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  quote: { margin: 0, whiteSpace: "pre-line" },
});

type Loaded = { items: TargetReview[]; nextCursor: string | null };

/** One target's reviews, newest first, a page at a time (GET /api/reviews?targetId=). */
export const ReviewsDialog = (props: { target: RoutingTarget; onClose: () => void }) => {
  const { t, locale, timeZone } = useI18n();
  useReturnFocus();
  const { api } = useSession();
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const targetId = props.target.id;

  const read = useCallback(
    async (cursor: string | null) => {
      setBusy(true);
      setError(null);
      try {
        const page = await api.targetReviews(targetId, cursor);
        setLoaded((current) => ({
          items: cursor && current ? [...current.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
        }));
      } catch (reason) {
        setError(describeApiError(reason));
      } finally {
        setBusy(false);
      }
    },
    [api, targetId],
  );

  useEffect(() => {
    void read(null);
  }, [read]);

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => data.open || props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("reviews.title", { name: props.target.name })}</DialogTitle>
          <DialogContent className={styles.content}>
            {error && <div role="alert">{error}</div>}
            {!loaded && !error && <Spinner size="small" label={t("app.loading")} />}
            {loaded && loaded.items.length === 0 && <Text as="p">{t("reviews.none")}</Text>}
            {loaded && loaded.items.length > 0 && (
              <ul className={styles.list} aria-label={t("reviews.list")}>
                {loaded.items.map((review) => (
                  <li key={review.id} className={styles.item}>
                    <div className={styles.heading}>
                      <Text weight="semibold">{t("reviews.stars", { stars: review.stars })}</Text>
                      <time dateTime={review.createdAt}>
                        {formatDateTime(review.createdAt, locale, timeZone)}
                      </time>
                    </div>
                    <p className={styles.quote}>{review.text ?? t("reviews.noText")}</p>
                    <Text>
                      {t("reviews.for")}
                      <Link href={`#/opportunities/${encodeURIComponent(review.opportunityId)}`}>
                        {review.opportunityTitle ??
                          t("reviews.untitled", { id: review.opportunityId })}
                      </Link>
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            {loaded?.nextCursor && (
              <Button disabled={busy} onClick={() => void read(loaded.nextCursor)}>
                {t("reviews.more")}
              </Button>
            )}
            <Button appearance="primary" onClick={props.onClose}>
              {t("action.close")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
