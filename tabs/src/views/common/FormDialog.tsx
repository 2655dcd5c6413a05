import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, type ReactNode, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useI18n } from "../../i18n/i18n.js";
import { useReturnFocus } from "./use-return-focus.js";

const useStyles = makeStyles({
  content: { display: "grid", gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1, whiteSpace: "pre-line" },
});

/**
 * A modal form with Save and Cancel. The owner closes it on success; a thrown API error is
 * shown in the dialog with the paths of the failing fields.
 */
export const FormDialog = (props: {
  title: string;
  onSubmit: () => Promise<unknown>;
  onCancel: () => void;
  children: ReactNode;
}) => {
  const { t } = useI18n();
  useReturnFocus();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit();
    } catch (reason) {
      setError(describeApiError(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => data.open || props.onCancel()}>
      <DialogSurface>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              {props.children}
              {error && (
                <div role="alert" className={styles.error}>
                  {error}
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t("action.save")}
              </Button>
              <Button type="button" onClick={props.onCancel}>
                {t("action.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
};
