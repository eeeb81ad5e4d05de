import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

/** axe-core's own browser build, from the installed package (nothing fetched). */
const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the standard issue 22 names. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Puts axe-core on the page once, for `axeViolations` or a test's own use of `window.axe`. */
export async function withAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
}

/**
 * Runs axe-core on the page as it is now and returns each violation as one line per element:
 * "rule: help — target (why)". Empty when the page meets the tags (WCAG 2.2 AA by default).
 * Elements under `exclude` (CSS selectors) are left out, e.g. a canvas with its own text twin.
 */
export async function axeViolations(page: Page, options: { tags?: string[]; rules?: string[]; exclude?: string[] } = {}): Promise<string[]> {
  await withAxe(page);
  const runOnly = options.rules ? { type: "rule", values: options.rules } : { type: "tag", values: options.tags ?? WCAG_AA };
  const result = (await page.evaluate(
    ([runOnly, exclude]) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
      const context = exclude.length ? { include: [["html"]], exclude: exclude.map((s) => [s]) } : document;
      return axe.run(context, { runOnly, resultTypes: ["violations"] });
    },
    [runOnly, options.exclude ?? []] as const,
  )) as AxeResults;
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").slice(0, 240)})` : ""}`),
  );
}
