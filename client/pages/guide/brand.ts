import { h } from "../../ui/dom.ts";

/** The product's name atop the kit and the handout; no language translates it. */
export function brand(): HTMLElement {
  return h("div", { class: "brand", "data-untranslated": "" }, h("span", { class: "brand-mark" }), "Citizen Score");
}
