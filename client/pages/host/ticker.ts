import { feedLine, type FeedEntry } from "../../../shared/text/feed.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h } from "../../ui/dom.ts";

const SHOWN = 14;
const ICON = { good: "▲", bad: "▼", social: "◆", system: "●" } as const;

/** The public feed as sentences, newest first; read out politely to screen readers. */
export function ticker(model: ClassroomModel) {
  const el = h("ol", { class: "ticker", testid: "ticker", "aria-live": "polite", "aria-label": "What just happened" });
  const add = (item: FeedEntry, fresh: boolean) => {
    const line = feedLine(item, model.nameOf);
    const li = h("li", { class: `tick tone-${line.tone}${fresh ? " fresh" : ""}` }, h("span", { class: "tick-icon", "aria-hidden": "true" }, ICON[line.tone]), h("span", {}, line.text));
    el.prepend(li);
    while (el.childElementCount > SHOWN) el.lastElementChild?.remove();
  };
  return {
    el,
    add,
    reset() {
      el.replaceChildren();
      for (const item of model.feedItems.slice(-SHOWN)) add(item, false);
    },
  };
}
