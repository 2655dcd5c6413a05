import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useI18n } from "../../../i18n/i18n.js";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A new secret, shown this once: the warning that says so, the secret with its Copy button,
 * then the section's own facts (where the secret is used, how to send it).
 */
export const SecretFields = (props: { secret: string; once: string; children: ReactNode }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // The confirmation's buttons are gone: the secret is what the manager came for.
  useEffect(() => field.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied("copied");
    } catch {
      // Teams' webview may refuse clipboard access: the field stays selectable by hand.
      setCopied("failed");
    }
  };

  return (
    <>
      {/* Multiline: on one line the warning would widen the dialog past its edge. */}
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{props.once}</MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Field className={styles.grow} label={t("secrets.label")}>
          <Input
            ref={field}
            readOnly
            className={styles.mono}
            value={props.secret}
            onFocus={(event) => event.currentTarget.select()}
          />
        </Field>
        <Button appearance="primary" onClick={() => void copy()}>
          {t("secrets.copy")}
        </Button>
      </div>
      <Text role="status">
        {copied === "copied" && t("secrets.copied")}
        {copied === "failed" && t("secrets.copyFailed")}
      </Text>
      {props.children}
    </>
  );
};

/** Where the secret is used: the absolute address of `path` on this Dealflow, read-only. */
export const SecretAddressField = (props: { label: string; hint: string; path: string }) => {
  const styles = useStyles();
  return (
    <Field label={props.label} hint={props.hint}>
      <Input readOnly className={styles.mono} value={`${window.location.origin}${props.path}`} />
    </Field>
  );
};
