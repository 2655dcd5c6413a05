/*
 * Toasts: "it worked" (and Undo where a write can be taken back cheaply), from any view.
 *
 *   const notify = useNotify();
 *   notify({ text: t("form.saved") });                                    // success, 4 s
 *   notify({ text: t("pipeline.moved", …), undo: () => moveBack() });     // Undo button, 8 s
 *   notify({ intent: "warning", text: "…" });                             // something to know
 *   notify({ text: "…", link: { href: "#/opportunities/…", label: "Open …" } });
 *
 * <NotifyHost /> (the Fluent Toaster) is mounted once, by the shell (and by the component tests'
 * renderWithSession); toasts are announced by its own live region and pause on hover and focus.
 * Failures that block the user's work belong in the view (ErrorState), not in a toast.
 */
import {
  Link,
  makeStyles,
  Toast,
  ToastBody,
  Toaster,
  ToastFooter,
  ToastTitle,
  useToastController,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useI18n } from "../../i18n/i18n.js";
import { useIsPhone } from "./use-width.js";

const TOASTER_ID = "dealflow-toaster";

export type Notice = {
  intent?: "success" | "info" | "warning" | "error";
  text: string;
  /** A second line (e.g. what happens next). */
  detail?: string;
  /** Takes the action back; the toast offers Undo and reports how it went. */
  undo?: () => Promise<unknown>;
  link?: { href: string; label: string };
};

export type Notify = (notice: Notice) => void;

let nextToast = 0;

export const useNotify = (): Notify => {
  const { t } = useI18n();
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  const notify = useCallback(
    (notice: Notice) => {
      const toastId = `notice-${++nextToast}`;
      const undo = notice.undo;
      const onUndo = undo
        ? () => {
            dismissToast(toastId);
            undo().then(
              () => notify({ text: t("state.undone") }),
              (reason: unknown) =>
                notify({
                  intent: "warning",
                  text: t("state.undoFailed", { reason: describeApiError(reason) }),
                }),
            );
          }
        : undefined;
      dispatchToast(<NoticeToast notice={notice} onUndo={onUndo} />, {
        toastId,
        intent: notice.intent ?? "success",
        // Long enough to read and reach Undo; hovering or focusing the toast pauses it.
        timeout: undo || notice.link ? 8000 : 4000,
        pauseOnHover: true,
        pauseOnWindowBlur: true,
      });
    },
    [dispatchToast, dismissToast, t],
  );
  return notify;
};

const NoticeToast = (props: { notice: Notice; onUndo: (() => void) | undefined }) => {
  const { t } = useI18n();
  const { notice } = props;
  return (
    <Toast>
      <ToastTitle
        action={
          props.onUndo ? (
            <Link as="button" onClick={props.onUndo}>
              {t("state.undo")}
            </Link>
          ) : undefined
        }
      >
        {notice.text}
      </ToastTitle>
      {notice.detail && <ToastBody>{notice.detail}</ToastBody>}
      {notice.link && (
        <ToastFooter>
          <Link href={notice.link.href}>{notice.link.label}</Link>
        </ToastFooter>
      )}
    </Toast>
  );
};

const useStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/**
 * The one Toaster: bottom corner on a laptop, bottom centre over a phone's full width. Toasts
 * are read out by one polite live region of ours, present from the start (Fluent's own pair of
 * regions, added beside the view, made tabster hide an open dialog in jsdom's tests).
 */
export const NotifyHost = () => {
  const phone = useIsPhone();
  const styles = useStyles();
  const [said, setSaid] = useState("");
  const announce = useCallback((message: string) => {
    // Cleared first, so that the same words twice are read twice.
    setSaid("");
    requestAnimationFrame(() => setSaid(message));
  }, []);
  return (
    <>
      <div aria-live="polite" className={styles.visuallyHidden}>
        {said}
      </div>
      <Toaster
        announce={announce}
        toasterId={TOASTER_ID}
        position={phone ? "bottom" : "bottom-end"}
        limit={3}
        pauseOnHover
        pauseOnWindowBlur
        // Ctrl+M reaches a toast's Undo from the keyboard (Fluent's documented shortcut pattern).
        shortcuts={{ focus: (event) => event.ctrlKey && event.key === "m" }}
      />
    </>
  );
};
