import type { Page } from "playwright-core";

/** What shows that a view is still filling in: Fluent's Spinner and Skeleton, aria-busy. */
const BUSY = '[aria-busy="true"], [role="progressbar"]:not([aria-valuenow])';

export type Settler = {
  /** Resolves once no request has been in flight for `quietMs`, nothing is busy, nothing moves. */
  settled(quietMs?: number): Promise<void>;
};

/**
 * Follows a page's requests from now on. A view reached by a hash change has no load event to
 * wait for: it is ready when its reads have answered, its skeletons are gone and its
 * transitions (a dialog fading in, a drawer sliding) have ended.
 */
export const followRequests = (page: Page): Settler => {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);

  const quiet = async (quietMs: number, deadline: number) => {
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < quietMs))
      await page.waitForTimeout(50);
  };

  return {
    async settled(quietMs = 250) {
      const deadline = Date.now() + 20_000;
      await quiet(quietMs, deadline);
      const busy = page
        .locator(BUSY)
        .or(page.getByText(/^Loading/))
        .locator("visible=true");
      while (Date.now() < deadline && (await busy.count()) > 0) await page.waitForTimeout(100);
      await quiet(quietMs, deadline);
      await page.evaluate(async () => {
        type Animation = {
          finished: Promise<unknown>;
          effect: { getComputedTiming(): { endTime?: number | string } } | null;
        };
        type Animated = { getAnimations(): Animation[] };
        const { document } = globalThis as unknown as { document: Animated };
        // A spinner turns forever; only what ends is waited for.
        const ending = document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
        await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
      });
    },
  };
};
