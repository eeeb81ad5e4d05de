import { h, setText } from "./dom.ts";

/** A big moment across the screen (a new round, a new tier) that comes and goes by itself. */
export function flashBanner() {
  const title = h("div", { class: "flash-title" });
  const sub = h("div", { class: "flash-sub" });
  const el = h("div", { class: "flash-banner", "aria-hidden": "true", hidden: true }, title, sub);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    el,
    show(text: string, detail = "", tone: "neutral" | "up" | "down" = "neutral") {
      setText(title, text);
      setText(sub, detail);
      el.dataset.tone = tone;
      el.hidden = false;
      el.classList.remove("run");
      void el.offsetWidth;
      el.classList.add("run");
      clearTimeout(timer);
      timer = setTimeout(() => (el.hidden = true), 2200);
    },
  };
}
