import { currentLocale } from "../../../shared/i18n/index.ts";

/**
 * The fonts the graph draws with on its canvas. A canvas does not inherit the page's CSS, so
 * its text takes the page's own stacks (`--font`, `--mono` in base.css), which cover Chinese
 * through Noto Sans SC; and a canvas does not wait for a font to load, so the graph starts once
 * the fonts it will need are in.
 */
export function canvasFont(name: "--font" | "--mono"): string {
  const stack = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return stack || (name === "--mono" ? "monospace" : "sans-serif");
}

/** Resolves when the graph's fonts are loaded (or failed to: it then draws with what there is). */
export async function canvasFontsReady(): Promise<void> {
  const loads = [document.fonts.load('24px "Space Grotesk Variable"'), document.fonts.load('24px "JetBrains Mono Variable"')];
  // Noto Sans SC comes in slices by character range: asking with Chinese text loads the common ones.
  if (currentLocale() === "zh-Hans") loads.push(document.fonts.load('24px "Noto Sans SC Variable"', "玩家分数回合"));
  await Promise.allSettled(loads);
}
