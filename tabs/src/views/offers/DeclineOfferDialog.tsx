import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";
import { useReturnFocus } from "../common/use-return-focus.js";

/** A declined offer cannot be taken back (SPEC §4.5): ask before sending the answer. */
export const DeclineOfferDialog = (props: {
  title: string;
  /** Set when a manager declines for another user's target: the warning names it. */
  onBehalfOf: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  useReturnFocus();
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => data.open || props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("offers.decline.title", { title: props.title })}</DialogTitle>
          <DialogContent>
            {props.onBehalfOf === null
              ? t("offers.decline.warning")
              : t("offers.decline.warningFor", { target: props.onBehalfOf })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {t("offers.decline")}
            </Button>
            <Button onClick={props.onCancel}>{t("action.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
