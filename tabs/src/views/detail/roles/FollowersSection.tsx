import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Opportunity } from "../../../api/api-types.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { Section, useDetailStyles } from "../detail-layout.js";
import type { Write } from "../use-opportunity-write.js";

/**
 * SPEC §4.1 "Followers": the owner and managers add and remove other users of the tenant
 * (anyone follows or unfollows themselves with the header's Follow button).
 */
export const FollowersSection = (props: {
  opportunity: Opportunity;
  canEdit: boolean;
  busy: boolean;
  run: (write: Write, success?: string) => Promise<boolean>;
}) => {
  const { t } = useI18n();
  const { api, me, users, userNames } = useSession();
  const styles = useDetailStyles();
  const [picked, setPicked] = useState("");
  const { opportunity } = props;
  const nameOf = (id: string) => userNames.get(id) ?? id;
  // Oneself is followed with the header's Follow button, and inactive users get no cards.
  const candidates = users.filter(
    (user) => user.active && user.id !== me.id && !opportunity.followers.includes(user.id),
  );
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
      {props.canEdit && candidates.length > 0 && (
        <form
          className={styles.row}
          onSubmit={(event) => {
            event.preventDefault();
            if (picked === "") return;
            void props
              .run(
                (etag) => api.addFollower(opportunity.id, picked, etag),
                t("detail.followers.added", { name: nameOf(picked) }),
              )
              .then((done) => done && setPicked(""));
          }}
        >
          <Field label={t("detail.followers.pick")}>
            <Select value={picked} onChange={(_event, data) => setPicked(data.value)}>
              <option value="">{t("detail.followers.choose")}</option>
              {candidates.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={props.busy || picked === ""}>
            {t("detail.followers.add")}
          </Button>
        </form>
      )}
    </Section>
  );
};
