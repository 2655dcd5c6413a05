import type { DequeuedMessageItem, QueueClient } from "@azure/storage-queue";

export type MessageLease = {
  /** Stops renewing and waits for a renewal under way; the pop receipt to settle the message with. */
  release(): Promise<string>;
  /** Stops renewing at once, aborting a renewal under way (the host is giving up on the message). */
  cancel(): void;
};

/**
 * Keeps a received message invisible while its handler runs, as the Functions host does: the
 * visibility timeout is renewed at half its length, each renewal giving a new pop receipt. If a
 * renewal fails, the message may be delivered again once the timeout runs out (at least once).
 */
export const holdMessage = (
  queue: QueueClient,
  message: DequeuedMessageItem,
  visibilityTimeoutSeconds: number,
  onRenewalFailed: (error: unknown) => void,
): MessageLease => {
  const abort = new AbortController();
  let popReceipt = message.popReceipt;
  let timer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> | undefined;
  let held = true;

  const renew = async () => {
    try {
      const renewed = await queue.updateMessage(
        message.messageId,
        popReceipt,
        undefined,
        visibilityTimeoutSeconds,
        { abortSignal: abort.signal },
      );
      popReceipt = renewed.popReceipt ?? popReceipt;
      schedule();
    } catch (error) {
      if (held) onRenewalFailed(error);
    }
  };
  const schedule = () => {
    if (!held) return;
    timer = setTimeout(() => {
      renewing = renew().finally(() => {
        renewing = undefined;
      });
    }, visibilityTimeoutSeconds * 500);
  };
  schedule();

  return {
    async release() {
      held = false;
      clearTimeout(timer);
      await renewing;
      return popReceipt;
    },
    cancel() {
      held = false;
      clearTimeout(timer);
      abort.abort();
    },
  };
};
