import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n.js";

export const ErrorPanel = (props: { message: string; onRetry?: () => void }) => {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("app.error")}</MessageBarTitle>
        <span style={{ whiteSpace: "pre-line" }}>{props.message}</span>
      </MessageBarBody>
      {props.onRetry && <Button onClick={props.onRetry}>{t("app.retry")}</Button>}
    </MessageBar>
  );
};
