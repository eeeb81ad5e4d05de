import { blacklistName } from "../../../shared/text/score.ts";
import { reachableTiers, tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** What the graph's shapes, colours and sizes mean in this scenario, always on screen. */
export function legend(model: ClassroomModel) {
  const el = h("footer", { class: "legend", "aria-label": t("host.legend.label"), testid: "legend" });
  let drawn = "";
  const render = () => {
    const c = model.config;
    const hidden = model.info.visibility !== "public";
    const key = JSON.stringify([c.scenario.labels, c.visaAt, c.travelAt, c.restrictedBelow, model.info.visibility]);
    if (key === drawn) return;
    drawn = key;
    el.replaceChildren(
      ...reachableTiers(c).map((t) => {
        const info = tierText(t, c);
        return h(
          "span",
          { class: `legend-item tier-${t}` },
          h("span", { class: "glyph", "aria-hidden": "true" }, info.glyph),
          h("b", {}, info.name),
          h("span", { class: "mono" }, info.range),
        );
      }),
      ...(hidden ? [h("span", { class: "legend-item tier-unknown" }, h("span", { class: "glyph" }, "●"), h("b", {}, t("host.legend.notShown")))] : []),
      h("span", { class: "legend-item is-blacklisted" }, h("span", { class: "glyph" }, "◯"), h("b", {}, blacklistName(c))),
      h(
        "span",
        { class: "legend-item legend-note" },
        `${t("host.legend.size")} · ${t("host.legend.lines")} · `,
        h("span", { class: "up" }, t("host.legend.gain")),
        " ",
        h("span", { class: "down" }, t("host.legend.loss")),
      ),
    );
  };
  render();
  return { el, render };
}
