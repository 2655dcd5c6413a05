import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { useState } from "react";
import type { Versioned } from "../../api/api-client.js";
import { ApiError, describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import { type Translate, useI18n } from "../../i18n/i18n.js";
import { useNotify } from "../common/notify.js";
import { writeOpportunity } from "./write-opportunity.js";

/** What went wrong with a write: shown in the detail until the next write (success is a toast). */
export type Notice = { intent: "warning"; text: string };
export type Write = (etag: string | null) => Promise<Versioned<Opportunity> | null>;

/** A refusal in words the user can act on: a 403 says who may do it (SPEC §7). */
export const describeWriteError = (reason: unknown, t: Translate): string =>
  reason instanceof ApiError && reason.status === 403
    ? t("detail.forbidden", { detail: reason.detail ?? reason.title })
    : describeApiError(reason);

/** The roles another user changed meanwhile, which `describeChanges` does not watch. */
const changedRoles = (before: Opportunity, after: Opportunity, t: Translate): string[] => {
  const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).join("\n");
  return [
    ...(ids(before.participants) !== ids(after.participants)
      ? [t("detail.changed.participants")]
      : []),
    ...(before.followers.join("\n") !== after.followers.join("\n")
      ? [t("detail.changed.followers")]
      : []),
  ];
};

/**
 * Runs one write of the detail against the version it was read at (If-Match), then reloads.
 * Success is a toast (with Undo when `undo` is given); a 412 reloads and names what someone
 * else changed; a 404 says the opportunity is gone.
 */
export const useOpportunityWrite = (
  read: Versioned<Opportunity> | null,
  reload: () => Promise<void>,
) => {
  const { api } = useSession();
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run = async (
    write: Write,
    success: string = t("form.saved"),
    undo?: () => Promise<unknown>,
  ): Promise<boolean> => {
    if (!read) return false;
    setBusy(true);
    setNotice(null);
    let done = false;
    try {
      const result = await writeOpportunity(api, read, write);
      if (result.kind === "gone") setNotice({ intent: "warning", text: t("conflict.gone") });
      if (result.kind === "conflict") {
        const fields = [
          ...result.changed.map((field) => t(`changed.${field}`)),
          ...changedRoles(read.data, result.read.data, t),
        ].join(", ");
        setNotice({ intent: "warning", text: t("conflict.changed", { fields: fields || "—" }) });
      }
      if (result.kind === "done") {
        notify({ text: success, ...(undo ? { undo } : {}) });
        done = true;
      }
      await reload();
    } catch (reason) {
      setNotice({ intent: "warning", text: describeWriteError(reason, t) });
    } finally {
      setBusy(false);
    }
    return done;
  };

  return { busy, notice, setNotice, run };
};
