import { useCallback, useEffect, useRef, useState } from "react";
import type { Versioned } from "../../../api/api-client.js";
import { ApiError, describeApiError } from "../../../api/api-error.js";
import type { RoutingTarget } from "../../../api/routing-api.js";
import type { RoutingTargetInput } from "../../../api/settings-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import type { Notice } from "../use-settings-editor.js";

/** How a write ended: done, or refused in a way the list has already been reloaded for. */
export type WriteOutcome = "done" | "reloaded";

const byName = (a: RoutingTarget, b: RoutingTarget) => a.name.localeCompare(b.name);

/**
 * The routing catalog (SPEC §4.5), written target by target. Each write names the version
 * this tab last wrote (If-Match); a 412 or 404 reloads the list and says why.
 */
export const useRoutingTargets = () => {
  const { api } = useSession();
  const { t } = useI18n();
  const [targets, setTargets] = useState<RoutingTarget[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // The list carries no versions: only the targets written here have a known one. A reload
  // forgets them, since what it shows may be newer than what we wrote.
  const etags = useRef(new Map<string, string>());

  const load = useCallback(async () => {
    try {
      const items = await api.routingCatalog();
      etags.current.clear();
      setTargets([...items].sort(byName));
      setLoadError(null);
    } catch (reason) {
      setLoadError(describeApiError(reason));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const keep = (written: Versioned<RoutingTarget>) => {
    if (written.etag) etags.current.set(written.data.id, written.etag);
    setTargets((current) =>
      [...(current ?? []).filter((item) => item.id !== written.data.id), written.data].sort(byName),
    );
  };

  /** A 412 or 404 reloads the list with a notice; anything else is the caller's to show. */
  const write = async (
    name: string,
    run: () => Promise<Versioned<RoutingTarget>>,
    success: string,
  ): Promise<WriteOutcome> => {
    try {
      keep(await run());
      setNotice({ intent: "success", text: success });
      return "done";
    } catch (reason) {
      if (!(reason instanceof ApiError) || (!reason.isConflict && reason.status !== 404))
        throw reason;
      await load();
      setNotice({
        intent: "warning",
        text: t(reason.isConflict ? "targets.conflict" : "targets.gone", { name }),
      });
      return "reloaded";
    }
  };

  const create = (input: RoutingTargetInput) => {
    const { rating: _r, reviewCount: _c, completedProjects: _p, ...body } = input;
    return write(
      input.name,
      () => api.createRoutingTarget(body),
      t("targets.added", { name: input.name }),
    );
  };

  const update = (before: RoutingTarget, input: RoutingTargetInput) =>
    write(
      before.name,
      () => api.updateRoutingTarget(before.id, input, etags.current.get(before.id) ?? null),
      t("targets.saved", { name: input.name }),
    );

  /** Deactivates (DELETE) or reactivates (PUT active) one target, from its row. */
  const setActive = async (target: RoutingTarget, active: boolean) => {
    setBusyId(target.id);
    try {
      const ifMatch = etags.current.get(target.id) ?? null;
      await write(
        target.name,
        () =>
          active
            ? api.updateRoutingTarget(target.id, { ...withoutId(target), active: true }, ifMatch)
            : api.deactivateRoutingTarget(target.id, ifMatch),
        t(active ? "targets.reactivated" : "targets.deactivated", { name: target.name }),
      );
    } catch (reason) {
      setNotice({ intent: "error", text: describeApiError(reason) });
    } finally {
      setBusyId(null);
    }
  };

  return { targets, loadError, notice, busyId, create, update, setActive };
};

const withoutId = ({ id: _id, ...rest }: RoutingTarget): RoutingTargetInput => rest;
