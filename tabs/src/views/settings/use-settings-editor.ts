import { useCallback, useEffect, useMemo, useState } from "react";
import type { Versioned } from "../../api/api-client.js";
import { ApiError, describeApiError } from "../../api/api-error.js";
import type { ManagerSettings, SettingsBody } from "../../api/settings-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import {
  applyDurations,
  type DurationInput,
  type DurationInputs,
  toDurationInputs,
} from "./durations/duration-fields.js";
import { type FieldErrors, validateSettings } from "./validate-settings.js";

export type Notice = { intent: "success" | "warning" | "error"; text: string };

const NO_ERRORS: FieldErrors = new Map();

// `hasSecret` is what GET says about a form or a connector, not part of it: not written back.
const toWritable = (document: ManagerSettings): SettingsBody => ({
  ...document,
  intakeForms: document.intakeForms.map(({ hasSecret: _hasSecret, ...form }) => form),
  marketplaces: document.marketplaces.map(({ hasSecret: _hasSecret, ...connector }) => connector),
});

/**
 * The settings document being edited: read with its ETag, changed section by section, then
 * validated and written whole with If-Match. A 412 reloads (someone else saved meanwhile).
 */
export const useSettingsEditor = () => {
  const { api, refreshSettings } = useSession();
  const { t, locale } = useI18n();
  const [read, setRead] = useState<Versioned<ManagerSettings> | null>(null);
  const [draft, setDraft] = useState<ManagerSettings | null>(null);
  const [durations, setDurations] = useState<DurationInputs>({});
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((next: Versioned<ManagerSettings>) => {
    setRead(next);
    setDraft(next.data);
    setDurations(toDurationInputs(next.data));
    setErrors(NO_ERRORS);
  }, []);

  const load = useCallback(async () => {
    try {
      show(await api.readSettings());
      setLoadError(null);
    } catch (reason) {
      setLoadError(describeApiError(reason));
    }
  }, [api, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const dirty = useMemo(
    () =>
      read !== null &&
      draft !== null &&
      (JSON.stringify(draft) !== JSON.stringify(read.data) ||
        JSON.stringify(durations) !== JSON.stringify(toDurationInputs(read.data))),
    [read, draft, durations],
  );

  const update = useCallback((change: (draft: ManagerSettings) => ManagerSettings) => {
    setDraft((current) => (current ? change(current) : current));
    setNotice(null);
  }, []);

  const setDuration = useCallback((path: string, input: DurationInput) => {
    setDurations((current) => ({ ...current, [path]: input }));
    setNotice(null);
  }, []);

  // After a 412 the draft is stale: show what is stored now, or say why it could not be read.
  const reload = async (why: string) => {
    try {
      show(await api.readSettings());
      setNotice({ intent: "warning", text: why });
    } catch (reason) {
      setNotice({ intent: "error", text: `${why}\n${describeApiError(reason)}` });
    }
  };

  /** Returns the errors found (empty when saved), so the view can show the first one. */
  const save = async (): Promise<FieldErrors> => {
    if (!read || !draft) return NO_ERRORS;
    const found = validateSettings(draft, durations, t, locale);
    setErrors(found);
    if (found.size > 0) {
      setNotice({ intent: "error", text: t("settings.invalid", { count: found.size }) });
      return found;
    }
    setBusy(true);
    try {
      show(await api.saveSettings(toWritable(applyDurations(draft, durations)), read.etag));
      setNotice({ intent: "success", text: t("settings.saved") });
      // The other views (sources, discard reasons, pipelines, durations) read the session's.
      await refreshSettings().catch(() => undefined);
      return NO_ERRORS;
    } catch (reason) {
      if (reason instanceof ApiError && reason.isConflict) {
        await reload(t("settings.conflict"));
        return NO_ERRORS;
      }
      const fromServer: FieldErrors =
        reason instanceof ApiError
          ? new Map(reason.errors.map((error) => [error.path, error.message]))
          : NO_ERRORS;
      setErrors(fromServer);
      setNotice({ intent: "error", text: describeApiError(reason) });
      return fromServer;
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    if (read) show(read);
    setNotice({ intent: "success", text: t("settings.reverted") });
  };

  /** A rotated secret exists now (of the intake form or connector `key`), whatever else the draft holds. */
  const markSecret = (key: string) => {
    const mark = (document: ManagerSettings): ManagerSettings => ({
      ...document,
      intakeForms: document.intakeForms.map((form) =>
        form.key === key ? { ...form, hasSecret: true } : form,
      ),
      marketplaces: document.marketplaces.map((connector) =>
        connector.key === key ? { ...connector, hasSecret: true } : connector,
      ),
    });
    setRead((current) => (current ? { ...current, data: mark(current.data) } : current));
    setDraft((current) => (current ? mark(current) : current));
  };

  return {
    read,
    draft,
    durations,
    errors,
    notice,
    loadError,
    busy,
    dirty,
    load,
    update,
    setDuration,
    save,
    cancel,
    markSecret,
  };
};

export type SettingsEditor = ReturnType<typeof useSettingsEditor>;
