import { formatNumber, t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

export type TabId = "act" | "people" | "me" | "board";

const SVG = "http://www.w3.org/2000/svg";
/** Line icons drawn here, not glyphs: a phone's fonts may lack any given symbol. */
const ICONS: Record<TabId, string> = {
  act: "M13 2 4.5 13.5H11L10 22l8.5-11.5H12z",
  people: "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.2a3.4 3.4 0 0 1 0 6.6M18 14.3c2.2.7 3.5 2.8 3.5 5.7",
  me: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4.2 3.6-7 8-7s8 2.8 8 7",
  board: "M4 21V11h4v10M10 21V4h4v17M16 21v-7h4v7",
};

function icon(id: TabId): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "tab-icon");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[id]);
  svg.append(path);
  return svg;
}

interface Tab {
  button: HTMLButtonElement;
  badge: HTMLElement;
  label: string;
  spoken: HTMLElement;
  panel: HTMLElement;
}

/**
 * The phone's four screens behind a bar at the bottom, within a thumb's reach: one panel shown
 * at a time on a narrow screen (play.css shows them all side by side on a wide one). Each tab
 * can carry a badge for what arrived there unseen. Arrow keys move along the bar, as in any
 * tab list.
 */
export function tabBar(onShow: (id: TabId) => void = () => {}) {
  const el = h("nav", { class: "play-tabs", role: "tablist", "aria-label": t("phone.tab.screens") });
  const tabs = new Map<TabId, Tab>();
  let current: TabId = "act";

  const show = (id: TabId, focus = false) => {
    current = id;
    for (const [key, tab] of tabs) {
      const on = key === id;
      tab.button.setAttribute("aria-selected", String(on));
      tab.button.tabIndex = on ? 0 : -1;
      tab.panel.classList.toggle("is-current", on);
    }
    if (focus) tabs.get(id)?.button.focus();
    window.scrollTo({ top: 0 });
    onShow(id);
  };

  el.addEventListener("keydown", (e) => {
    const ids = [...tabs.keys()];
    const at = ids.indexOf(current);
    const to = e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? ids.length - 1 : NaN;
    if (Number.isNaN(to)) return;
    e.preventDefault();
    show(ids[(to + ids.length) % ids.length], true);
  });

  return {
    el,
    get current() {
      return current;
    },
    /** Adds a tab whose screen is `panel`; the first one added is shown. */
    add(id: TabId, label: string, panel: HTMLElement) {
      const badge = h("span", { class: "tab-badge mono", testid: `badge-${id}`, hidden: true, "aria-hidden": "true" });
      // The tab's name is its own text, one message with any news ("People, 2 friend requests"), beginning with the visible name as a voice user says it; the visible label and badge are for the eye.
      const spoken = h("span", { class: "visually-hidden" }, label);
      const button = h(
        "button",
        { class: "tab", type: "button", role: "tab", id: `tab-${id}`, testid: `tab-${id}`, "aria-controls": `panel-${id}`, onclick: () => show(id) },
        icon(id),
        h("span", { class: "tab-label", "aria-hidden": "true" }, label),
        badge,
        spoken,
      );
      panel.id = `panel-${id}`;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", `tab-${id}`);
      panel.classList.add("tab-panel");
      el.append(button);
      tabs.set(id, { button, badge, label, spoken, panel });
      show(tabs.size === 1 ? id : current);
      return panel;
    },
    show,
    /** A count on a tab (0 hides it), told to screen readers as part of the tab's name: `what` says the count in words ("2 friend requests"). */
    badge(id: TabId, n: number, what: string) {
      const tab = tabs.get(id);
      if (!tab) return;
      tab.badge.hidden = n <= 0;
      setText(tab.badge, n > 9 ? t("phone.tab.badge-many", { count: 9 }) : formatNumber(n));
      setText(tab.spoken, n > 0 ? t("phone.tab.badge-label", { label: tab.label, what }) : tab.label);
    },
  };
}
