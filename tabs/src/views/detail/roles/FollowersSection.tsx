import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { Section, useDetailStyles } from "../detail-layout.js";
import type { Write } from "../use-opportunity-write.js";
import { FollowerPicker } from "./FollowerPicker.js";

/**
 * SPEC §4.1 "Followers": the owner and managers add and remove other people of the tenant,
 * Dealflow users or anyone of the organisation's directory (anyone follows or unfollows
 * themselves with the header's Follow button).
 */
export const FollowersSection = (props: {
  opportunity: Opportunity;
  canEdit: boolean;
  busy: boolean;
  run: (write: Write, success?: string) => Promise<boolean>;
}) => {
  const { t } = useI18n();
  const { api, userNames } = useSession();
  const styles = useDetailStyles();
  // People added from the directory are not among the session's users until the next visit.
  const [learned, setLearned] = useState<ReadonlyMap<string, string>>(new Map());
  const learnName = (id: string, name: string) =>
    setLearned((names) => new Map(names).set(id, name));
  const { opportunity } = props;
  const nameOf = (id: string) => userNames.get(id) ?? learned.get(id) ?? id;
  const nameId = (userId: string) => `follower-${userId}`;

  return (
    <Section id="detail-followers" heading={t("detail.followers")}>
      {opportunity.followers.length === 0 ? (
        <Text>{t("detail.none")}</Text>
      ) : (
        <ul className={styles.plainList}>
          {opportunity.followers.map((id) => (
            <li key={id} className={styles.item}>
              <Text className={styles.grow} id={nameId(id)}>
                {nameOf(id)}
              </Text>
              {props.canEdit && (
                <Button
                  size="small"
                  disabled={props.busy}
                  aria-describedby={nameId(id)}
                  onClick={() =>
                    void props.run(
                      (etag) => api.removeFollower(opportunity.id, id, etag),
                      t("detail.followers.removed", { name: nameOf(id) }),
                    )
                  }
                >
                  {t("detail.remove")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && (
        <FollowerPicker
          excluded={opportunity.followers}
          busy={props.busy}
          onAdd={(person) => {
            learnName(person.id, person.name);
            return props.run(
              (etag) =>
                person.known
                  ? api.addFollower(opportunity.id, person.id, etag)
                  : api.addFollower(opportunity.id, person.id, etag, person),
              t("detail.followers.added", { name: person.name }),
            );
          }}
        />
      )}
    </Section>
  );
};
