import type { Page } from "playwright-core";

/**
 * Checks for a screen shown in the pseudo-locale (`?lang=en-XA`), where every catalog message
 * is accented, 35% longer and bracketed ⟦…⟧. Text left in plain English skipped the catalogs;
 * text cut off by its box would be cut off in a longer language too.
 */

/** Visible text that reads as English: a run of three or more plain ASCII letters outside ⟦…⟧, not one of `allowed` (names typed by players, codes). */
export function untranslated(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  return page.evaluate((allowed) => {
    const found: string[] = [];
    // A message may hold another as a parameter (⟦… ⟦name⟧ …⟧): strip the innermost pair until none is left.
    const outside = (s: string) => {
      let rest = s;
      for (let prev = ""; prev !== rest; ) {
        prev = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, " ");
      }
      return rest;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const visible = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.display === "none" || st.visibility === "hidden") return false;
      }
      return !!el && (el as HTMLElement).getClientRects().length > 0;
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script,style,[data-untranslated],option") || !visible(parent)) continue;
      // Strip bracketed (translated) spans and what players typed; what is left must not be words.
      let rest = outside(node.textContent ?? "");
      for (const a of allowed) rest = rest.split(a).join(" ");
      if (/[A-Za-z]{3,}/.test(rest)) found.push((node.textContent ?? "").trim().slice(0, 80));
    }
    // Labels a screen reader says count as text too.
    for (const el of document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
      if (!visible(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        let v = outside(el.getAttribute(attr) ?? "");
        for (const a of allowed) v = v.split(a).join(" ");
        if (/[A-Za-z]{3,}/.test(v)) found.push(`[${attr}] ${el.getAttribute(attr)!.slice(0, 80)}`);
      }
    }
    return [...new Set(found)];
  }, allowed);
}

/** Elements whose text overflows a box that clips it (overflow hidden/clip, or ellipsis). */
export function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      // Text clipped on purpose, for screen readers only, is not cut off.
      if (!el.childNodes.length || el.getClientRects().length === 0 || el.closest(".visually-hidden")) continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!hasText) continue;
      const st = getComputedStyle(el);
      const clipsX = st.overflowX === "hidden" || st.overflowX === "clip" || st.textOverflow === "ellipsis";
      const clipsY = st.overflowY === "hidden" || st.overflowY === "clip";
      if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) found.push(el.textContent!.trim().slice(0, 80));
    }
    return found;
  });
}
