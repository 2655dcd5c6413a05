import { useCallback, useEffect, useRef, useState } from "react";

export type Loaded<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: unknown };

/**
 * Runs `load` now and whenever it changes (a new period or filter); an answer that arrives
 * after a newer request was started is dropped, so a slow old period never overwrites a new one.
 */
export const useLoad = <T>(load: () => Promise<T>) => {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const latest = useRef(0);
  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setState({ status: "loading" });
    try {
      const data = await load();
      if (ticket === latest.current) setState({ status: "ready", data });
    } catch (error) {
      if (ticket === latest.current) setState({ status: "error", error });
    }
  }, [load]);
  useEffect(() => {
    void run();
  }, [run]);
  return { state, reload: run };
};
