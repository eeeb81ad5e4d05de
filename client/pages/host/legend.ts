import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import { BLACKLIST_TEXT, TIER_ORDER, tierText } from "../../../shared/text/tiers.ts";
import { h } from "../../ui/dom.ts";

/** What the graph's shapes, colours and sizes mean, always on screen. */
export function legend(): HTMLElement {
  return h(
    "footer",
    { class: "legend", "aria-label": "Legend" },
    ...TIER_ORDER.map((t) => {
      const info = tierText(t, DEFAULT_CONFIG);
      return h("span", { class: `legend-item tier-${t}` }, h("span", { class: "glyph", "aria-hidden": "true" }, info.glyph), h("b", {}, info.name), h("span", { class: "mono" }, info.range));
    }),
    h("span", { class: "legend-item is-blacklisted" }, h("span", { class: "glyph" }, "◯"), h("b", {}, BLACKLIST_TEXT.name)),
    h("span", { class: "legend-item legend-note" }, "Size = score · Lines = friendships · ", h("span", { class: "up" }, "▲ gain"), " ", h("span", { class: "down" }, "▼ loss")),
  );
}
