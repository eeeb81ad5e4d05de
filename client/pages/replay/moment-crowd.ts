import { t } from "../../../shared/i18n/index.ts";
import { h } from "../../ui/dom.ts";
import type { MomentText } from "./moment-text.ts";
import { clockText } from "./score-lines.ts";
import type { Moment } from "./worker-protocol.ts";

/**
 * The moments a crowded stretch of the timeline hides behind its first mark: that mark carries
 * their count ("+2") and names them; pressed, it opens a list of every moment there, each one a
 * button that goes to it, so no moment is out of reach of a pointer, a keyboard or a screen
 * reader. Arrow keys move along the list; Escape closes it and returns to the mark.
 */
export function momentCrowd(moments: Moment[], said: MomentText[], marks: HTMLButtonElement[], from: number, pick: (i: number) => void) {
  const list = h("ul", { class: "track-crowd", id: "moment-crowd", testid: "moment-crowd", hidden: true, "aria-label": t("replay.timeline.crowd-list") });
  let crowds = new Map<number, number[]>();
  let open = -1;

  const close = (refocus: boolean) => {
    if (open < 0) return;
    marks[open].setAttribute("aria-expanded", "false");
    if (refocus) marks[open].focus();
    open = -1;
    list.hidden = true;
  };
  const show = (first: number) => {
    const members = crowds.get(first) ?? [first];
    list.replaceChildren(
      ...members.map((i) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: `crowd-item mark-${said[i].tone}`, onclick: () => (close(false), pick(i)) },
            h("span", { class: "crowd-icon", "aria-hidden": "true" }, said[i].icon),
            h("span", { class: "mono muted" }, clockText(moments[i].at - from)),
            h("span", {}, said[i].text),
          ),
        ),
      ),
    );
    open = first;
    marks[first].setAttribute("aria-expanded", "true");
    list.hidden = false;
    // Over its mark, kept inside the track's width.
    const lanes = list.parentElement!.getBoundingClientRect();
    const mark = marks[first].getBoundingClientRect();
    const left = Math.min(Math.max(0, mark.left + mark.width / 2 - lanes.left - list.offsetWidth / 2), Math.max(0, lanes.width - list.offsetWidth));
    list.style.insetInlineStart = `${Math.round(left)}px`;
    list.querySelector("button")?.focus();
  };

  list.addEventListener("keydown", (e) => {
    const items = [...list.querySelectorAll("button")];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const to = e.key === "ArrowDown" ? at + 1 : e.key === "ArrowUp" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? items.length - 1 : NaN;
    if (e.key === "Escape") close(true);
    else if (!Number.isNaN(to)) items[(to + items.length) % items.length].focus();
    else return;
    e.preventDefault();
  });
  // Focus leaving the list and its mark closes it, as a click elsewhere does.
  list.addEventListener("focusout", (e) => {
    const next = e.relatedTarget as Node | null;
    if (open >= 0 && next !== marks[open] && !list.contains(next)) close(false);
  });
  document.addEventListener("pointerdown", (e) => {
    const target = e.target as Node;
    if (open >= 0 && !list.contains(target) && !marks[open].contains(target)) close(false);
  });

  return {
    el: list,
    has: (i: number) => (crowds.get(i)?.length ?? 0) > 1,
    toggle(i: number) {
      const was = open;
      close(false);
      if (was !== i) show(i);
    },
    /** The marks as thinned: each group's first mark shown, the rest hidden behind it. */
    group(groups: number[][]) {
      close(false);
      crowds = new Map(groups.map((g) => [g[0], g]));
      for (const g of groups) {
        const mark = marks[g[0]];
        const more = g.length - 1;
        mark.dataset.more = more > 0 ? String(more) : "";
        if (more > 0) {
          const label = t("replay.timeline.crowd", { moment: said[g[0]].text, count: more });
          mark.setAttribute("aria-label", label);
          mark.title = label;
          mark.setAttribute("aria-expanded", "false");
          mark.setAttribute("aria-controls", list.id);
        } else {
          mark.setAttribute("aria-label", said[g[0]].text);
          mark.title = said[g[0]].text;
          mark.removeAttribute("aria-expanded");
          mark.removeAttribute("aria-controls");
        }
        // A crowd's mark shows how many more it holds, in the projector's full type size (a
        // corner badge small enough to fit beside the icon could not be read from the back row).
        mark.replaceChildren(
          more > 0 ? h("span", { class: "crowd-count", "aria-hidden": "true" }, t("replay.timeline.crowd-more", { count: more })) : said[g[0]].icon,
        );
      }
    },
  };
}
