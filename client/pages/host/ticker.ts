import { feedLine, type FeedEntry, type FeedLine } from "../../../shared/text/feed.ts";
import { addToGroups, groupFeed, groupLine, type FeedGroup } from "../../../shared/text/feed-groups.ts";
import { liveText, type LiveEntry } from "../../../shared/text/live.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** More lines than fit the panel at the projector's sizes; the panel's fade hides the rest. */
const SHOWN = 12;
const ICON = { good: "▲", bad: "▼", social: "◆", system: "●" } as const;

/**
 * The public feed as sentences, newest first, with runs of the same thing in one line that
 * grows ("12 players joined: …"); read out politely to screen readers.
 */
export function ticker(model: ClassroomModel) {
  const el = h("ol", { class: "ticker", testid: "ticker", "aria-live": "polite", "aria-label": t("host.ticker.label") });
  let groups: FeedGroup[] = [];
  const items = new Map<FeedGroup, HTMLElement>();
  const liveLine = (e: LiveEntry): FeedLine => ({ text: liveText(e, model.config, model.nameOf).title, tone: "system" });
  const single = (item: FeedEntry): FeedLine => {
    const live = item.type === "live" ? model.live.find((e) => e.seq === item.seq) : undefined;
    return live ? liveLine(live) : feedLine(item, model.nameOf, model.config);
  };

  const draw = (group: FeedGroup, li: HTMLElement, fresh: boolean) => {
    const line = groupLine(group, model.nameOf, single, model.config);
    li.className = `tick tone-${line.tone}`;
    li.dataset.count = String(group.entries.length);
    setText(li.querySelector(".tick-icon")!, ICON[line.tone]);
    setText(li.querySelector(".tick-text")!, line.text);
    if (!fresh) return;
    // Restarts the entrance, so a line that grew is seen to change.
    void li.offsetWidth;
    li.classList.add("fresh");
  };

  const add = (item: FeedEntry, fresh: boolean) => {
    const into = addToGroups(groups, item);
    if (!into) return;
    let li = items.get(into.group);
    if (!li) {
      li = h("li", { class: "tick", "data-seq": item.seq }, h("span", { class: "tick-icon", "aria-hidden": "true" }), h("span", { class: "tick-text" }));
      items.set(into.group, li);
      el.prepend(li);
    }
    draw(into.group, li, fresh);
    while (groups.length > SHOWN) {
      const gone = groups.shift()!;
      items.get(gone)?.remove();
      items.delete(gone);
    }
  };

  return {
    el,
    add,
    /** A live event's details may land just after its feed line: the line then says what changed. */
    relabel(e: LiveEntry) {
      const text = el.querySelector(`li[data-seq="${e.seq}"][data-count="1"] .tick-text`);
      if (text) setText(text, liveLine(e).text);
    },
    reset() {
      el.replaceChildren();
      items.clear();
      groups = [];
      for (const group of groupFeed(model.feedItems).slice(-SHOWN)) {
        const li = h(
          "li",
          { class: "tick", "data-seq": group.entries[0].seq },
          h("span", { class: "tick-icon", "aria-hidden": "true" }),
          h("span", { class: "tick-text" }),
        );
        items.set(group, li);
        groups.push(group);
        el.prepend(li);
        draw(group, li, false);
      }
    },
  };
}
