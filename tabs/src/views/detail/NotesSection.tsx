import type { Note, OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { Section, useDetailStyles } from "./detail-layout.js";
import type { Write } from "./use-opportunity-write.js";

export const NotesSection = (props: {
  opportunity: Opportunity;
  notes: readonly Note[];
  canEdit: boolean;
  busy: boolean;
  run: (write: Write) => Promise<boolean>;
}) => {
  const { t, locale, timeZone } = useI18n();
  const { api, userNames } = useSession();
  const styles = useDetailStyles();
  const [note, setNote] = useState("");
  const author = (id: string | null) => (id ? (userNames.get(id) ?? id) : t("detail.system"));

  return (
    <Section id="detail-notes" heading={t("details.notes")}>
      {props.notes.length === 0 ? (
        <Text>{t("details.noNotes")}</Text>
      ) : (
        <ul className={styles.list}>
          {props.notes.map((item) => (
            <li key={item.id} className={styles.entry}>
              <span className={styles.noteText}>{item.text}</span>
              <Text size={200} className={styles.caption}>
                {t("details.noteBy", {
                  author: author(item.authorId),
                  time: formatDateTime(item.createdAt, locale, timeZone),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && (
        <form
          className={styles.noteForm}
          onSubmit={(event) => {
            event.preventDefault();
            const text = note.trim();
            if (!text) return;
            void props.run(async (etag) => {
              await api.addNote(props.opportunity.id, text, etag);
              setNote("");
              return null;
            });
          }}
        >
          <Field label={t("detail.newNote")}>
            <Textarea
              resize="vertical"
              value={note}
              onChange={(_event, data) => setNote(data.value)}
            />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" disabled={props.busy || note.trim() === ""}>
              {t("action.addNote")}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
};
