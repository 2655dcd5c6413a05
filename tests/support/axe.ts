import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

const AXE_PATH = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

export type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/** The rules of WCAG 2.2 level A and AA as axe-core tags them (target size is wcag22aa). */
export const WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core on the whole document, with every rule or only those with one of `tags`;
 * returns its serious and critical violations.
 */
export const seriousViolations = async (
  page: Page,
  options: { tags?: string[] } = {},
): Promise<Violation[]> => {
  if (!(await page.evaluate(() => "axe" in globalThis)))
    await page.addScriptTag({ path: AXE_PATH });
  // A dialog fades in; axe would measure the contrast of half-transparent text.
  await page.evaluate(async () => {
    type Animated = { getAnimations(): { finished: Promise<unknown> }[] };
    const { document } = globalThis as unknown as { document: Animated };
    // A cancelled animation (the dialog re-rendered when its data arrived) rejects `finished`
    // with an AbortError: it is over either way.
    await Promise.all(
      document.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
    );
  });
  return page.evaluate(async (tags) => {
    type AxeResults = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; html: string; failureSummary?: string }[];
      }[];
    };
    type Axe = { run(context: unknown, options: unknown): Promise<AxeResults> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    // Tabster's focus guards (<i tabindex="0" aria-hidden>, inserted by Fluent UI) hand focus on
    // at once; axe's aria-hidden-focus cannot know that.
    const results = await axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      tags ? { runOnly: { type: "tag", values: tags } } : {},
    );
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map(
          (node) =>
            `${node.target.join(" ")} ${node.html.slice(0, 120)} — ${node.failureSummary ?? ""}`,
        ),
      }));
  }, options.tags ?? null);
};
