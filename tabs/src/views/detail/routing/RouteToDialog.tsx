import { Field, Select, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { RoutingTarget } from "../../../api/routing-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { FormDialog } from "../../common/FormDialog.js";

/**
 * SPEC §4.5 manual routing: a manager picks one active target and only it gets an offer. The
 * API's refusal (an inactive target, a closed opportunity) shows in the dialog with its field.
 */
export const RouteToDialog = (props: {
  opportunityTitle: string;
  onSubmit: (targetId: string) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const [targets, setTargets] = useState<RoutingTarget[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [targetId, setTargetId] = useState("");
  const [tried, setTried] = useState(false);

  useEffect(() => {
    let current = true;
    api.activeRoutingTargets().then(
      (items) => current && setTargets(items),
      (reason: unknown) => current && setLoadError(describeApiError(reason)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const submit = async () => {
    setTried(true);
    if (targetId === "") return;
    await props.onSubmit(targetId);
  };

  return (
    <FormDialog
      title={t("offers.routing.dialog.title", { title: props.opportunityTitle })}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      {loadError && <div role="alert">{loadError}</div>}
      {targets === null && !loadError && <Spinner size="tiny" label={t("app.loading")} />}
      {targets?.length === 0 && <div role="status">{t("offers.routing.dialog.noTargets")}</div>}
      {targets && targets.length > 0 && (
        <Field
          label={t("offers.routing.dialog.target")}
          required
          validationMessage={tried && targetId === "" ? t("field.required") : undefined}
        >
          <Select value={targetId} onChange={(_event, data) => setTargetId(data.value)}>
            <option value="" disabled>
              {t("offers.routing.dialog.pick")}
            </option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {t("offers.routing.target.option", {
                  name: target.name,
                  type: t(`offers.routing.type.${target.type}`),
                  level: t(`offers.routing.level.${target.level}`),
                })}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </FormDialog>
  );
};
