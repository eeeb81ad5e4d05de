import type { Page } from "playwright-core";
import { withAxe } from "./axe.ts";

/** What a keyboard walk found wrong, one line per control. Empty when the page passes. */
export interface WalkResult {
  /** Controls Tab reached, by their name, in order. */
  reached: string[];
  problems: string[];
}

/** A control, told apart from its neighbours in a problem's line. */
type Seen = { key: string; what: string; name: string; ring: boolean };

/**
 * Walks the page with Tab from its top until focus comes back round, as a keyboard user would,
 * and checks three things: every control a keyboard user should reach is reached (visible, not
 * disabled, not folded away, not taken out of the order with tabindex=-1; one radio per group; controls present
 * both before and after the walk, since a live page redraws some), each one shows that it has
 * focus (an outline on it or on its box, or its shadow, border, colour or background differs
 * from the same control at rest), and each has an accessible name (axe-core's own name computation).
 */
export async function keyboardWalk(page: Page, limit = 400): Promise<WalkResult> {
  await withAxe(page);
  const controls = () =>
    page.evaluate(() => {
      const w = window as unknown as { walkRest: Map<Element, string>; walkKeys: WeakMap<Element, string>; walkNext: number };
      w.walkRest ??= new Map();
      w.walkKeys ??= new WeakMap();
      w.walkNext ??= 0;
      const look = (el: Element) => {
        const s = getComputedStyle(el);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.color, s.backgroundColor].join("|");
      };
      const radios = new Set<string>();
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex], [contenteditable=true]")) {
        if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest("[inert], [hidden]")) continue;
        // Shown: not in a folded <details>, not display:none or visibility:hidden.
        if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
        if (el instanceof HTMLInputElement && el.type === "radio") {
          if (radios.has(el.name)) continue;
          radios.add(el.name);
        }
        if (!w.walkKeys.has(el)) w.walkKeys.set(el, String(w.walkNext++));
        if (document.activeElement !== el) w.walkRest.set(el, look(el));
        out.push(w.walkKeys.get(el)!);
      }
      return out;
    });
  const before = await controls();
  // Tab starts from the page's top: from a mark focused there (out of the tab order itself).
  await page.evaluate(() => {
    const start = document.createElement("span");
    start.tabIndex = -1;
    start.id = "keyboard-walk-start";
    document.body.prepend(start);
    start.focus();
  });
  const seen: Seen[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await page.evaluate(() => {
      const w = window as unknown as {
        walkRest: Map<Element, string>;
        walkKeys: WeakMap<Element, string>;
        walkNext: number;
        axe: { setup(): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } };
      };
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement || el.id === "keyboard-walk-start") return null;
      if (!w.walkKeys.has(el)) w.walkKeys.set(el, String(w.walkNext++));
      const s = getComputedStyle(el);
      const look = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.color, s.backgroundColor].join("|");
      const ringed = (x: Element) => {
        const r = getComputedStyle(x);
        return r.outlineStyle !== "none" && parseFloat(r.outlineWidth) >= 1 && r.outlineColor !== "rgba(0, 0, 0, 0)";
      };
      // A ring on the control, or on the box around it (a :focus-within ring round a select laid over its picture).
      const outline = ringed(el) || (el.parentElement?.matches(":focus-within") === true && ringed(el.parentElement));
      w.axe.setup();
      const name = w.axe.commons.text.accessibleText(el).trim();
      w.axe.teardown();
      const testid = el.getAttribute("data-testid");
      const what = `${el.tagName.toLowerCase()}${testid ? `[data-testid=${testid}]` : el.id ? `#${el.id}` : el.className ? `.${String(el.className).split(" ")[0]}` : ""}`;
      return { key: w.walkKeys.get(el)!, what, name, ring: outline || (w.walkRest.has(el) && w.walkRest.get(el) !== look) };
    });
    if (!now) continue;
    if (keys.has(now.key)) break;
    keys.add(now.key);
    seen.push(now);
  }
  await page.evaluate(() => document.getElementById("keyboard-walk-start")?.remove());
  const after = new Set(await controls());
  const problems: string[] = [];
  const unreached = before.filter((k) => after.has(k) && !keys.has(k));
  if (unreached.length) {
    const named = await page.evaluate((missing) => {
      const w = window as unknown as { walkKeys: WeakMap<Element, string> };
      return [...document.querySelectorAll<HTMLElement>("*")]
        .filter((el) => missing.includes(w.walkKeys.get(el) ?? ""))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`);
    }, unreached);
    problems.push(...named.map((n) => `not reached by Tab: ${n}`));
  }
  for (const s of seen) {
    if (!s.name) problems.push(`no accessible name: ${s.what}`);
    if (!s.ring) problems.push(`no visible focus: ${s.what} "${s.name}"`);
  }
  return { reached: seen.map((s) => s.name), problems };
}
