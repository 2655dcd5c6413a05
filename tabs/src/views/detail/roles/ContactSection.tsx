import type {
  ContactSnapshot as Contact,
  OpportunityListItem as Opportunity,
} from "@dealflow/contract";
import { Button } from "@fluentui/react-components";
import { useI18n } from "../../../i18n/i18n.js";
import { contactDisplayName } from "../../marketplace/marketplace-text.js";
import { ContactLines, Section, useDetailStyles } from "../detail-layout.js";

/**
 * SPEC §4.1 "Contact": the primary person, whose profile opens from here. A hidden
 * marketplace client's placeholder name is said in the user's language; `marketplace` tells
 * whether the client is hidden.
 */
export const ContactSection = (props: {
  contact: Contact;
  marketplace: Opportunity["marketplace"];
  onProfile: (id: string) => void;
}) => {
  const { t } = useI18n();
  const styles = useDetailStyles();
  const name = contactDisplayName({ contact: props.contact, marketplace: props.marketplace }, t);
  return (
    <Section id="detail-contact" heading={t("detail.contact")}>
      <div className={styles.grow} id="detail-contact-name">
        <ContactLines contact={{ ...props.contact, name }} />
      </div>
      <div className={styles.actions}>
        <Button
          size="small"
          aria-describedby="detail-contact-name"
          onClick={() => props.onProfile(props.contact.id)}
        >
          {t("detail.profile")}
        </Button>
      </div>
    </Section>
  );
};
