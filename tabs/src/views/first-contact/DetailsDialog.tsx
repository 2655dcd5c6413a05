import type { Note, OpportunityListItem as Opportunity } from "@dealflow/contract";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import { formatAmount, formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { useReturnFocus } from "../common/use-return-focus.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";

const useStyles = makeStyles({
  fields: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  notes: { paddingInlineStart: tokens.spacingHorizontalL },
});

/** Every field of the opportunity and its notes (newest as the API lists them). */
export const DetailsDialog = (props: { opportunity: Opportunity; onClose: () => void }) => {
  const { t, locale, timeZone } = useI18n();
  useReturnFocus();
  const { api, settings, userNames } = useSession();
  const styles = useStyles();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const opportunity = props.opportunity;
  const name = contactDisplayName(opportunity, t);

  useEffect(() => {
    api.notes(opportunity.id).then(
      (page) => setNotes(page.items),
      (reason: unknown) => setError(describeApiError(reason)),
    );
  }, [api, opportunity.id]);

  const sourceLabel = settings.sources.find((item) => item.id === opportunity.source)?.label;
  const rows: [string, string | null][] = [
    [t("details.title.field"), opportunity.title],
    [t("column.contact"), name],
    [t("column.company"), opportunity.contact.company],
    [t("column.email"), opportunity.contact.email],
    [t("column.phone"), opportunity.contact.phone],
    [t("details.preferredChannel"), opportunity.contact.preferredChannel],
    [t("details.linkedin"), opportunity.contact.linkedinUrl],
    [t("column.source"), sourceLabel ?? opportunity.source],
    [t("column.campaign"), opportunity.campaign],
    [
      t("column.owner"),
      opportunity.ownerId === null
        ? null
        : (userNames.get(opportunity.ownerId) ?? opportunity.ownerId),
    ],
    [t("details.stage"), opportunity.stage],
    [t("details.received"), formatDateTime(opportunity.receivedAt, locale, timeZone)],
    [t("details.value"), opportunity.value ? formatAmount(opportunity.value, locale) : null],
    [t("details.tags"), opportunity.tags.join(", ") || null],
  ];

  return (
    <Dialog open onOpenChange={(_event, data) => data.open || props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{name}</DialogTitle>
          <DialogContent>
            <Subtitle2 as="h3">{t("details.fields")}</Subtitle2>
            <dl className={styles.fields}>
              {rows.map(([term, value]) => (
                <div key={term} style={{ display: "contents" }}>
                  <dt className={styles.term}>{term}</dt>
                  <dd className={styles.detail}>{value ?? "—"}</dd>
                </div>
              ))}
            </dl>
            <Subtitle2 as="h3">{t("details.notes")}</Subtitle2>
            {error && <div role="alert">{error}</div>}
            {notes === null && !error && <Spinner size="tiny" label={t("app.loading")} />}
            {notes?.length === 0 && <p>{t("details.noNotes")}</p>}
            <ul className={styles.notes}>
              {notes?.map((note) => (
                <li key={note.id}>
                  <p>{note.text}</p>
                  <small>
                    {t("details.noteBy", {
                      author: (note.authorId && userNames.get(note.authorId)) ?? "—",
                      time: formatDateTime(note.createdAt, locale, timeZone),
                    })}
                  </small>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>{t("action.close")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
