import { feedLine, type FeedEntry, type FeedLine } from "../../../shared/text/feed.ts";
import { liveText, type LiveEntry } from "../../../shared/text/live.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";

const SHOWN = 14;
const ICON = { good: "▲", bad: "▼", social: "◆", system: "●" } as const;

/** The public feed as sentences, newest first; read out politely to screen readers. */
export function ticker(model: ClassroomModel) {
  const el = h("ol", { class: "ticker", testid: "ticker", "aria-live": "polite", "aria-label": "What just happened" });
  const liveLine = (e: LiveEntry): FeedLine => ({ text: liveText(e, model.config, model.nameOf).title, tone: "system" });
  const add = (item: FeedEntry, fresh: boolean) => {
    const live = item.type === "live" ? model.live.find((e) => e.seq === item.seq) : undefined;
    const line = live ? liveLine(live) : feedLine(item, model.nameOf);
    const li = h(
      "li",
      { class: `tick tone-${line.tone}${fresh ? " fresh" : ""}`, "data-seq": item.seq },
      h("span", { class: "tick-icon", "aria-hidden": "true" }, ICON[line.tone]),
      h("span", { class: "tick-text" }, line.text),
    );
    el.prepend(li);
    while (el.childElementCount > SHOWN) el.lastElementChild?.remove();
  };
  return {
    el,
    add,
    /** A live event's details may land just after its feed line: the line then says what changed. */
    relabel(e: LiveEntry) {
      const text = el.querySelector(`li[data-seq="${e.seq}"] .tick-text`);
      if (text) setText(text, liveLine(e).text);
    },
    reset() {
      el.replaceChildren();
      for (const item of model.feedItems.slice(-SHOWN)) add(item, false);
    },
  };
}
