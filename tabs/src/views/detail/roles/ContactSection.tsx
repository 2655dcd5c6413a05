import { Button } from "@fluentui/react-components";
import type { Contact } from "../../../api/api-types.js";
import { useI18n } from "../../../i18n/i18n.js";
import { ContactLines, Section, useDetailStyles } from "../detail-layout.js";

/** SPEC §4.1 "Contact": the primary person, whose profile opens from here. */
export const ContactSection = (props: { contact: Contact; onProfile: (id: string) => void }) => {
  const { t } = useI18n();
  const styles = useDetailStyles();
  return (
    <Section id="detail-contact" heading={t("detail.contact")}>
      <div className={styles.grow} id="detail-contact-name">
        <ContactLines contact={props.contact} />
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
