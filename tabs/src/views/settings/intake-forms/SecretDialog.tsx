import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { RotatedSecret } from "../../../api/settings-api.js";
import { useI18n } from "../../../i18n/i18n.js";

const useStyles = makeStyles({
  content: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A new intake secret, shown this once: the server keeps no readable copy for the tab, so
 * closing the dialog forgets it and the only way back is another rotation.
 */
export const SecretDialog = (props: {
  formName: string;
  rotated: RotatedSecret;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const address = `${window.location.origin}${props.rotated.intakePath}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.rotated.secret);
      setCopied("copied");
    } catch {
      // Teams' webview may refuse clipboard access: the field stays selectable by hand.
      setCopied("failed");
    }
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => data.open || props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("settings.secret.title", { name: props.formName })}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="warning">
              <MessageBarBody>{t("settings.secret.once")}</MessageBarBody>
            </MessageBar>
            <div className={styles.row}>
              <Field className={styles.grow} label={t("settings.secret.label")}>
                <Input
                  readOnly
                  className={styles.mono}
                  value={props.rotated.secret}
                  onFocus={(event) => event.currentTarget.select()}
                />
              </Field>
              <Button appearance="primary" onClick={() => void copy()}>
                {t("settings.secret.copy")}
              </Button>
            </div>
            <Text role="status">
              {copied === "copied" && t("settings.secret.copied")}
              {copied === "failed" && t("settings.secret.copyFailed")}
            </Text>
            <Field label={t("settings.secret.address")} hint={t("settings.secret.howTo")}>
              <Input readOnly className={styles.mono} value={address} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>{t("action.close")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
