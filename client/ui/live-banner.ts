import { liveText, type LiveEntry, type LiveText } from "../../shared/text/live.ts";
import type { ClassroomModel } from "../view/classroom-model.ts";
import { t } from "../../shared/i18n/index.ts";
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
    { class: "live-banner", role: "status", "aria-label": t("phone.live.label"), testid: "live-banner", hidden: true },
    icon,
    h("div", { class: "live-body" }, h("div", { class: "live-top" }, kicker, count), title, detail),
  );
  const seen = new Set<number>();

  const render = () => {
    const e = model.live[model.live.length - 1];
    el.hidden = !e;
    if (!e) return;
    const text = liveText(e, model.config, model.nameOf);
    el.dataset.tone = text.tone;
    el.dataset.kind = e.kind;
    setText(icon, text.icon);
    setText(kicker, t("phone.live.kicker", { name: text.name, round: e.round, planned: e.scheduled ? "yes" : "no" }));
    setText(count, model.live.length > 1 ? t("phone.live.count", { count: model.live.length }) : "");
    setText(title, text.title);
    setText(detail, text.detail);
    detail.hidden = !text.detail;
    return text;
  };

  const off = model.subscribe({
    reset: () => (seen.clear(), render()),
    ready: () => {
      for (const e of model.live) seen.add(e.seq);
      render();
    },
    rules: () => render(),
    liveEvent: (e) => {
      const text = render();
      if (!model.isReady || seen.has(e.seq)) return;
      seen.add(e.seq);
      if (!text || model.live[model.live.length - 1] !== e) return;
      el.classList.remove("fresh");
      void el.offsetWidth;
      el.classList.add("fresh");
      announce(text.detail ? t("phone.live.announce", { title: text.title, detail: text.detail }) : text.title);
      onFresh(text, e);
    },
  });
  render();
  return { el, render, dispose: off };
}
