/**
 * Chinese text on any device, in the bundled Noto Sans SC: a Chinese nickname or scenario title
 * shows on German projectors and English phones too, and a device without a CJK font of its own
 * (Debian's headless Chromium has none) would draw it as boxes. The font's stylesheet declares
 * it in ~100 slices by unicode-range (100 KB of CSS), so it is loaded only once such text
 * appears; the browser then fetches only the slices of the characters shown. A page with no
 * Chinese on it loads none of it.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** The family the page's stacks (`--font`, `--mono` in base.css) fall back to for these characters. */
const FAMILY = '"Noto Sans SC Variable"';

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

let sheet: Promise<void> | undefined;

/** Declares the font (its slices by character range) on this page, once. */
export function loadCjkFont(): Promise<void> {
  sheet ??= import("@fontsource-variable/noto-sans-sc").then(
    () => undefined,
    () => {
      // Offline or mid-deploy: the page shows what the device has, and the next sighting retries.
      sheet = undefined;
    },
  );
  return sheet;
}

const slices = new Map<string, Promise<void>>();

/**
 * Resolves once the slices that draw `text` have loaded. A canvas neither waits for a font nor
 * redraws when one arrives, so canvas text containing these characters redraws then.
 */
export function cjkTextReady(text: string): Promise<void> {
  let ready = slices.get(text);
  if (!ready) {
    ready = loadCjkFont()
      .then(() => document.fonts.load(`24px ${FAMILY}`, text))
      .then(
        () => undefined,
        () => undefined,
      );
    slices.set(text, ready);
  }
  return ready;
}

/**
 * Whether a node shows such text. The language picker on every page names Chinese in Chinese
 * inside a closed select (its list is drawn by the device): that alone does not load the font.
 */
function showsCjk(node: Node): boolean {
  if (!hasCjk(node.textContent ?? "")) return false;
  if (node.nodeType === Node.TEXT_NODE) return !node.parentElement?.closest("select");
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (hasCjk(text.nodeValue ?? "") && !text.parentElement?.closest("select")) return true;
  }
  return false;
}

/**
 * Loads the font as soon as Chinese text appears anywhere on the page, or is typed into a field
 * (a field's value is no node the page can watch). Once the font is declared, the browser
 * fetches the slices that later text needs by itself, so the watch ends there.
 */
export function loadCjkFontWhenShown(root: Node = document.body): void {
  if (sheet) return;
  const found = () => {
    observer.disconnect();
    document.removeEventListener("input", typed, true);
    void loadCjkFont();
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData" ? showsCjk(r.target) : [...r.addedNodes].some(showsCjk)) return found();
    }
  });
  const typed = (e: Event) => {
    const value = (e.target as Partial<HTMLInputElement> | null)?.value;
    if (typeof value === "string" && hasCjk(value)) found();
  };
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  document.addEventListener("input", typed, true);
  if (showsCjk(root)) found();
}
