/**
 * Runs `job` for every item with at most `limit` jobs before their send: a job calls `sent()`
 * once the connector has answered, and its slot goes to the next item while it records the
 * result, so storage writes never hold back the next send. Resolves when every job is done.
 */
export const runSendPipeline = async <T>(
  items: readonly T[],
  limit: number,
  job: (item: T, sent: () => void) => Promise<void>,
): Promise<void> => {
  const running: Promise<void>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      let markSent = () => {};
      const sent = new Promise<void>((resolve) => {
        markSent = resolve;
      });
      const done = job(item, markSent);
      running.push(done);
      await Promise.race([sent, done.catch(() => undefined)]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  await Promise.all(running);
};
