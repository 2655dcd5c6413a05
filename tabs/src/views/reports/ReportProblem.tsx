import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError, describeApiError } from "../../api/api-error.js";
import { ErrorPanel } from "../../app/ErrorPanel.js";
import { useI18n } from "../../i18n/i18n.js";

export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Reports are for managers: say so plainly; any other failure gets the retry panel. */
export const ForbiddenMessage = () => {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("reports.forbidden.title")}</MessageBarTitle>
        {t("reports.forbidden.detail")}
      </MessageBarBody>
    </MessageBar>
  );
};

export const ReportProblem = (props: { error: unknown; onRetry: () => void }) =>
  isForbidden(props.error) ? (
    <ForbiddenMessage />
  ) : (
    <ErrorPanel message={describeApiError(props.error)} onRetry={props.onRetry} />
  );
