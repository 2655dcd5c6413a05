export type WakeSignal = {
  /** Wakes whoever waits now; a later wait needs a later `notify`. */
  notify(): void;
  /** Resolves at the next `notify`, or after `ms` when given; leaves no timer behind. */
  wait(ms?: number): Promise<void>;
};

export const createWakeSignal = (): WakeSignal => {
  let wake = () => {};
  let next = new Promise<void>((resolve) => {
    wake = resolve;
  });
  return {
    notify() {
      wake();
      next = new Promise<void>((resolve) => {
        wake = resolve;
      });
    },
    async wait(ms) {
      if (ms === undefined) return next;
      let timer: NodeJS.Timeout | undefined;
      const elapsed = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      try {
        await Promise.race([next, elapsed]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
};
