import type { Page } from "playwright-core";

export interface TextProblem {
  text: string;
  fontSize: number;
  contrast: number;
}

/**
 * Every visible text under `selector` whose computed font size is under `minPx` or whose
 * contrast with what is behind it is under `minContrast` (WCAG's ratio, from computed colours:
 * the text's colour with every ancestor's opacity, over each colour stop of the backgrounds
 * behind it down to the first opaque one, the worst stop counted).
 */
export function textProblems(page: Page, selector: string, minPx = 14, minContrast = 4.5): Promise<TextProblem[]> {
  return page.evaluate(
    ({ selector, minPx, minContrast }) => {
      type RGBA = [number, number, number, number];
      const parse = (s: string): RGBA[] => {
        const out: RGBA[] = [];
        for (const m of s.matchAll(/rgba?\(([^)]+)\)|color\(srgb ([^)]+)\)/g)) {
          if (m[1]) {
            const [r, g, b, a = "1"] = m[1].split(/[ ,/]+/).filter(Boolean);
            out.push([+r, +g, +b, +a]);
          } else {
            const [r, g, b, a = "1"] = m[2].split(/[ /]+/).filter(Boolean);
            out.push([+r * 255, +g * 255, +b * 255, +a]);
          }
        }
        return out;
      };
      const over = (top: RGBA, below: RGBA): RGBA => {
        const a = top[3];
        return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
      };
      const lum = ([r, g, b]: RGBA) => {
        const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a: RGBA, b: RGBA) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      /** The colours that may be behind `el`, each a possible mix of its backgrounds. */
      const behind = (el: Element): RGBA[] => {
        const layers: RGBA[][] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const st = getComputedStyle(e);
          const layer = [...parse(st.backgroundImage), ...parse(st.backgroundColor)].filter((c) => c[3] > 0);
          if (layer.length === 0) continue;
          layers.push(layer);
          if (parse(st.backgroundColor)[0]?.[3] === 1) break;
        }
        let under: RGBA[] = [[11, 15, 26, 1]];
        for (const layer of layers.reverse()) under = layer.flatMap((c) => under.map((u) => over(c, u))).slice(0, 64);
        return under;
      };
      const opacity = (el: Element) => {
        let o = 1;
        for (let e: Element | null = el; e; e = e.parentElement) o *= +getComputedStyle(e).opacity;
        return o;
      };
      const problems: { text: string; fontSize: number; contrast: number }[] = [];
      const root = document.querySelector(selector);
      if (!root) return problems;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = n.textContent?.trim() ?? "";
        if (!el || !text || el.closest("select") || !el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue;
        const st = getComputedStyle(el);
        const fontSize = parseFloat(st.fontSize);
        const [fg] = parse(st.color);
        const ink: RGBA = [fg[0], fg[1], fg[2], fg[3] * opacity(el)];
        const contrast = Math.min(...behind(el).map((bg) => ratio(over(ink, bg), bg)));
        if (fontSize < minPx || contrast < minContrast) problems.push({ text: text.slice(0, 60), fontSize, contrast: Math.round(contrast * 100) / 100 });
      }
      return problems;
    },
    { selector, minPx, minContrast },
  );
}

/** The box of the first element with this test id, or null when it is not rendered. */
export async function boxOf(page: Page, testid: string) {
  return page.getByTestId(testid).first().boundingBox();
}
