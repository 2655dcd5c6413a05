import { useRef, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import type { ImportKind, ImportReport } from "../../api/settings-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { MAX_IMPORT_BYTES } from "./import-columns.js";

export type ImportPhase = "reading" | "validating" | "importing";
export const IMPORT_PHASES: readonly ImportPhase[] = ["reading", "validating", "importing"];

export type ImportState =
  | { step: "idle" }
  | { step: "working"; phase: ImportPhase; fileName: string; report: ImportReport | null }
  | { step: "preview"; fileName: string; csv: string; report: ImportReport }
  | { step: "done"; fileName: string; report: ImportReport };

/**
 * A CSV import in two requests (SPEC §6): a dry run that reports every row, then — only when
 * no row has an error — the real import of exactly the text that was previewed.
 */
export const useCsvImport = (kind: ImportKind) => {
  const { api } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  // A newer file or kind makes an answer still on its way irrelevant.
  const generation = useRef(0);

  const reset = () => {
    generation.current++;
    setState({ step: "idle" });
    setError(null);
  };

  const preview = async (file: File) => {
    const mine = ++generation.current;
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setState({ step: "idle" });
      setError(t("import.tooLarge"));
      return;
    }
    setState({ step: "working", phase: "reading", fileName: file.name, report: null });
    try {
      const csv = await file.text();
      if (mine !== generation.current) return;
      setState({ step: "working", phase: "validating", fileName: file.name, report: null });
      const report = await api.importCsv(kind, csv, true);
      if (mine !== generation.current) return;
      setState({ step: "preview", fileName: file.name, csv, report });
    } catch (reason) {
      if (mine !== generation.current) return;
      setState({ step: "idle" });
      setError(describeApiError(reason));
    }
  };

  const runImport = async () => {
    if (state.step !== "preview" || state.report.invalid > 0) return;
    const mine = ++generation.current;
    const { fileName, csv, report } = state;
    setError(null);
    setState({ step: "working", phase: "importing", fileName, report });
    try {
      const result = await api.importCsv(kind, csv, false);
      if (mine !== generation.current) return;
      setState({ step: "done", fileName, report: result });
    } catch (reason) {
      if (mine !== generation.current) return;
      // Nothing was imported (all or nothing): back to the preview, with the reason.
      setState({ step: "preview", fileName, csv, report });
      setError(describeApiError(reason));
    }
  };

  return { state, error, preview, runImport, reset };
};
