import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useNotify } from "../../common/notify.js";
import { NewContactDialog } from "../../contact/NewContactDialog.js";
import { isClientHidden } from "../../marketplace/marketplace-clock.js";
import { ContactLines, Section, useDetailStyles } from "../detail-layout.js";
import type { Write } from "../use-opportunity-write.js";
import { ParticipantSearch } from "./ParticipantSearch.js";

/**
 * SPEC §4.1 "Other participants": add from the tenant's contacts or as a new contact in one
 * step, remove, promote to Contact.
 */
export const ParticipantsSection = (props: {
  opportunity: Opportunity;
  canEdit: boolean;
  busy: boolean;
  run: (write: Write, success?: string) => Promise<boolean>;
  onProfile: (contactId: string) => void;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const styles = useDetailStyles();
  const { opportunity } = props;
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const involved = [opportunity.contact.id, ...opportunity.participants.map((p) => p.id)];
  const nameId = (contactId: string) => `participant-${contactId}`;
  // SPEC §4.4: while a marketplace client is hidden or withheld the server refuses any change
  // of the Contact or the participants (409); the controls say so instead of failing.
  const locked = isClientHidden(opportunity);
  const lockedId = "participants-locked";
  // A change to one participant: described by their name, off while another change runs.
  const change = (contactId: string, text: string, write: Write, success: string) => (
    <Button
      size="small"
      disabled={props.busy || locked}
      aria-describedby={locked ? `${nameId(contactId)} ${lockedId}` : nameId(contactId)}
      onClick={() => void props.run(write, success)}
    >
      {text}
    </Button>
  );

  return (
    <Section id="detail-participants" heading={t("detail.participants")}>
      {opportunity.participants.length === 0 ? (
        <Text>{t("detail.none")}</Text>
      ) : (
        <ul className={styles.plainList}>
          {opportunity.participants.map((participant) => (
            <li key={participant.id} className={styles.item}>
              <div className={styles.grow} id={nameId(participant.id)}>
                <ContactLines contact={participant} />
              </div>
              <div className={styles.actions}>
                <Button
                  size="small"
                  aria-describedby={nameId(participant.id)}
                  onClick={() => props.onProfile(participant.id)}
                >
                  {t("detail.profile")}
                </Button>
                {props.canEdit && (
                  <>
                    {change(
                      participant.id,
                      t("detail.participants.promote"),
                      (etag) => api.promoteParticipant(opportunity.id, participant.id, etag),
                      t("detail.participants.promoted", { name: participant.name }),
                    )}
                    {change(
                      participant.id,
                      t("detail.remove"),
                      (etag) => api.removeParticipant(opportunity.id, participant.id, etag),
                      t("detail.participants.removed", { name: participant.name }),
                    )}
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && locked && (
        <MessageBar intent="info">
          <MessageBarBody id={lockedId}>{t("detail.roles.waitForReveal")}</MessageBarBody>
        </MessageBar>
      )}
      {props.canEdit && (
        <ParticipantSearch
          disabled={locked}
          describedBy={locked ? lockedId : undefined}
          excluded={involved}
          onPick={async (contact) => {
            await props.run(
              (etag) => api.addParticipant(opportunity.id, contact.id, etag),
              t("detail.participants.added", { name: contact.name }),
            );
          }}
        />
      )}
      {props.canEdit && (
        <div className={styles.actions}>
          <Button
            disabled={props.busy || locked}
            aria-describedby={locked ? lockedId : undefined}
            onClick={() => setCreating(true)}
          >
            {t("contacts.participant.new")}
          </Button>
        </div>
      )}
      {creating && (
        <NewContactDialog
          title={t("contacts.participant.newTitle")}
          onCancel={() => setCreating(false)}
          onSaved={async (contact) => {
            setCreating(false);
            // An existing contact picked instead may already take part: nothing to add then.
            if (involved.includes(contact.id)) {
              notify({ text: t("contacts.alreadyInvolved", { name: contact.name }) });
              return;
            }
            await props.run(
              (etag) => api.addParticipant(opportunity.id, contact.id, etag),
              t("detail.participants.added", { name: contact.name }),
            );
          }}
        />
      )}
    </Section>
  );
};
