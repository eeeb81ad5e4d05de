import { languagePicker } from "./language.ts";

const SVG = "http://www.w3.org/2000/svg";

/** A globe drawn in lines: a phone's fonts may lack the emoji. */
function globe(): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "language-picker-icon language-globe");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.4 3.8 5.4 3.8 9s-1.3 6.6-3.8 9M12 3C9.5 5.4 8.2 8.4 8.2 12s1.3 6.6 3.8 9");
  svg.append(path);
  return svg;
}

/**
 * The language switch as the phone shows it: the shared picker with a drawn globe. `compact`
 * is the header's and the end screen's: the globe alone, the select laid over it, one tap.
 */
export function languageButton(compact = false): HTMLElement {
  const picker = languagePicker(compact ? "language-picker language-compact" : "language-picker");
  picker.querySelector(".language-picker-icon")?.replaceWith(globe());
  return picker;
}
