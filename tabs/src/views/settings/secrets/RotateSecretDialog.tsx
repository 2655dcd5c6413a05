import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useReturnFocus } from "../../common/use-return-focus.js";
import { SecretFields } from "./SecretFields.js";

const useStyles = makeStyles({
  content: { display: "grid", gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1, whiteSpace: "pre-line" },
});

/** The question asked before a secret that may be in use is replaced. */
export type RotateConfirmation = { title: string; warning: string; action: string };

/**
 * Makes a new secret and shows it this once, with Copy and the section's facts (`details`).
 * When a secret exists, it first asks (`confirm`): the old one stops working at once. One
 * dialog whose content moves from the question to the secret: two modal dialogs swapped in
 * one render can leave the second hidden from assistive technology. Closing forgets the secret.
 */
export const RotateSecretDialog = <T extends { secret: string }>(props: {
  /** The form's or connector's name, for the title while the secret is being made. */
  name: string;
  /** null when there is no secret yet: nothing breaks, so nothing to ask. */
  confirm: RotateConfirmation | null;
  /** The title once the secret is shown. */
  title: string;
  /** That the secret is shown once, and what stopped working. */
  once: string;
  rotate: () => Promise<T>;
  /** The secret exists now, whether or not the manager copies it. */
  onRotated: (rotated: T) => void;
  onClose: () => void;
  details: (rotated: T) => ReactNode;
}) => {
  const { t } = useI18n();
  useReturnFocus();
  const styles = useStyles();
  // Fixed when opened: once rotated, the section says a secret is set, but this one is shown.
  const [confirm] = useState(props.confirm);
  const [rotated, setRotated] = useState<T | null>(null);
  const [busy, setBusy] = useState(confirm === null);
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);
  const dismiss = useRef<HTMLButtonElement>(null);
  const shown = useRef(false);
  shown.current = rotated !== null;

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const made = await props.rotate();
      props.onRotated(made);
      setRotated(made);
    } catch (reason) {
      setFailure(describeApiError(reason));
    } finally {
      setBusy(false);
    }
  };

  // Nothing to ask: make the secret as the dialog opens. The ref keeps StrictMode's second
  // run of the effect from making (and hiding) a second secret.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the dialog opens.
  useEffect(() => {
    if (confirm !== null || started.current) return;
    started.current = true;
    void run();
  }, []);

  // Focus starts on Cancel, the least destructive choice, once the dialog is in place (Fluent
  // would focus the first control it finds). See also tabs/src/test/setup.ts on tabster.
  useEffect(() => {
    const timer = setTimeout(() => shown.current || dismiss.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  const title = rotated
    ? props.title
    : (confirm?.title ?? t("secrets.creating", { name: props.name }));
  return (
    <Dialog
      open
      modalType="alert"
      // While the server makes the secret, closing would lose it: the old one is gone already.
      onOpenChange={(_event, data) => data.open || busy || props.onClose()}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {rotated ? (
              <SecretFields secret={rotated.secret} once={props.once}>
                {props.details(rotated)}
              </SecretFields>
            ) : (
              confirm?.warning
            )}
            {busy && <Spinner size="small" label={t("secrets.working")} />}
            {failure && (
              <div role="alert" className={styles.error}>
                {failure}
              </div>
            )}
          </DialogContent>
          <DialogActions>
            {!rotated && (confirm !== null || failure !== null) && (
              <Button appearance="primary" disabledFocusable={busy} onClick={() => void run()}>
                {confirm?.action ?? t("secrets.retry")}
              </Button>
            )}
            <Button ref={dismiss} disabledFocusable={busy} onClick={props.onClose}>
              {t(rotated ? "action.close" : "action.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
