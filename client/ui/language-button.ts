import { languagePicker } from "./language.ts";

/**
 * The language switch as the phone shows it. `compact` is the header's and the end screen's:
 * the globe alone, the select laid over it, one tap.
 */
export function languageButton(compact = false): HTMLElement {
  return languagePicker(compact ? "language-picker language-compact" : "language-picker");
}
