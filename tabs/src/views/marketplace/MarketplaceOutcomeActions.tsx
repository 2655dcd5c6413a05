import type { MarketplaceApplication, MarketplaceOutcomeRequest } from "@dealflow/contract";
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { FormDialog } from "../common/FormDialog.js";
import { useDetailStyles } from "../detail/detail-layout.js";

export type MarketplaceOutcome = MarketplaceOutcomeRequest["outcome"];

/** The outcomes that still mean something for this application (the server checks again). */
const offered = (application: MarketplaceApplication): MarketplaceOutcome[] => {
  if (application.visibility === "withheld") return [];
  return [
    ...(application.visibility === "hidden" ? (["client-accepted"] as const) : []),
    ...(application.meetingHeld ? [] : (["meeting-held"] as const)),
    ...(application.visibility === "hidden" || application.refund === "none"
      ? (["client-declined"] as const)
      : []),
  ];
};

/**
 * SPEC §4.4 "or manual entry": the owner or a manager records what the client did when no
 * connector tells Dealflow (or its message never came). A decline asks first: while the
 * client is hidden it closes the opportunity.
 */
export const MarketplaceOutcomeActions = (props: {
  application: MarketplaceApplication;
  busy: boolean;
  onOutcome: (outcome: MarketplaceOutcome) => Promise<unknown>;
}) => {
  const { t } = useI18n();
  const styles = useDetailStyles();
  const [confirming, setConfirming] = useState(false);
  const outcomes = offered(props.application);
  if (outcomes.length === 0) return null;
  return (
    <section aria-labelledby="marketplace-outcome-label">
      <Text as="p" block weight="semibold" id="marketplace-outcome-label">
        {t("marketplace.outcome.label")}
      </Text>
      <Text as="p" block size={200}>
        {t("marketplace.outcome.hint")}
      </Text>
      <div className={styles.actions}>
        {outcomes.map((outcome) => (
          <Button
            key={outcome}
            disabled={props.busy}
            onClick={() =>
              outcome === "client-declined" ? setConfirming(true) : void props.onOutcome(outcome)
            }
          >
            {t(`marketplace.outcome.${outcome}`)}
          </Button>
        ))}
      </div>
      {confirming && (
        <FormDialog
          title={t("marketplace.outcome.confirmDecline")}
          onCancel={() => setConfirming(false)}
          onSubmit={async () => {
            setConfirming(false);
            await props.onOutcome("client-declined");
          }}
        >
          <Text>
            {props.application.visibility === "hidden"
              ? t("marketplace.outcome.confirmDeclineHidden")
              : t("marketplace.outcome.confirmDeclineRevealed")}
          </Text>
        </FormDialog>
      )}
    </section>
  );
};
