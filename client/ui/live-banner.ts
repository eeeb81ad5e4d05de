import { liveText, type LiveEntry, type LiveText } from "../../shared/text/live.ts";
import type { ClassroomModel } from "../view/classroom-model.ts";
import { announce, h, setText } from "./dom.ts";

/**
 * The current live event as a banner: what changed, in words, on every screen (projector and
 * phones). A new one glows for a moment and is passed to `onFresh` for the full-screen flash;
 * an event seen on joining is shown quietly.
 */
export function liveBanner(model: ClassroomModel, onFresh: (text: LiveText, e: LiveEntry) => void = () => {}) {
  const icon = h("span", { class: "live-icon", "aria-hidden": "true" });
  const kicker = h("span", { class: "live-kicker" });
  const title = h("strong", { class: "live-title", testid: "live-title" });
  const detail = h("span", { class: "live-detail", testid: "live-detail" });
  const count = h("span", { class: "live-count mono" });
  const el = h(
    "section",
    { class: "live-banner", role: "status", "aria-label": "Latest event", testid: "live-banner", hidden: true },
    icon,
    h("div", { class: "live-body" }, h("div", { class: "live-top" }, kicker, count), title, detail),
  );
  const seen = new Set<number>();

  const render = () => {
    const e = model.live[model.live.length - 1];
    el.hidden = !e;
    if (!e) return;
    const t = liveText(e, model.config, model.nameOf);
    el.dataset.tone = t.tone;
    el.dataset.kind = e.kind;
    setText(icon, t.icon);
    setText(kicker, `${t.name} · ${e.round > 0 ? `round ${e.round}` : "lobby"} · ${e.scheduled ? "planned" : "by the facilitator"}`);
    setText(count, model.live.length > 1 ? `${model.live.length} events` : "");
    setText(title, t.title);
    setText(detail, t.detail);
    detail.hidden = !t.detail;
    return t;
  };

  const off = model.subscribe({
    reset: () => (seen.clear(), render()),
    ready: () => {
      for (const e of model.live) seen.add(e.seq);
      render();
    },
    rules: () => render(),
    liveEvent: (e) => {
      const t = render();
      if (!model.isReady || seen.has(e.seq)) return;
      seen.add(e.seq);
      if (!t || model.live[model.live.length - 1] !== e) return;
      el.classList.remove("fresh");
      void el.offsetWidth;
      el.classList.add("fresh");
      announce(`${t.title}. ${t.detail}`);
      onFresh(t, e);
    },
  });
  render();
  return { el, render, dispose: off };
}
