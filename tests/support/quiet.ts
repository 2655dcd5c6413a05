/** A logger that drops everything: the tests read outcomes, not logs. */
export const quiet = {
  info: (..._args: unknown[]) => undefined,
  warn: (..._args: unknown[]) => undefined,
  error: (..._args: unknown[]) => undefined,
};

/** `quiet`, but errors still reach the test's output, where a failure's cause is read. */
export const quietButErrors = { ...quiet, error: (...args: unknown[]) => console.error(...args) };
