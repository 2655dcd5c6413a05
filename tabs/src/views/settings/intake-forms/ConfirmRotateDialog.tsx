import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useI18n } from "../../../i18n/i18n.js";

/** Replacing a secret breaks every web form still sending the old one, at once: ask first. */
export const ConfirmRotateDialog = (props: {
  formName: string;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => data.open || props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("settings.rotate.title", { name: props.formName })}</DialogTitle>
          <DialogContent>{t("settings.rotate.warning")}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {t("settings.forms.rotate")}
            </Button>
            <Button onClick={props.onCancel}>{t("action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
