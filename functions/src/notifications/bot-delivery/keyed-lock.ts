/**
 * Runs tasks with the same key one after another (in this process): two updates of one
 * opportunity for one follower must not both decide to post a new card at the same moment.
 */
export const createKeyedLock = () => {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(task);
    tails.set(key, run);
    try {
      return await run;
    } finally {
      if (tails.get(key) === run) tails.delete(key);
    }
  };
};

export type KeyedLock = ReturnType<typeof createKeyedLock>;
