import { h, setText } from "./dom.ts";

const SHOWN_MS = 2200;

/**
 * A big moment across the screen (a new round, a new tier, a live event) that comes and goes
 * by itself. Moments that arrive together (a round opening with a planned event) queue up
 * rather than cut each other off.
 */
export function flashBanner() {
  const title = h("div", { class: "flash-title" });
  const sub = h("div", { class: "flash-sub" });
  const el = h("div", { class: "flash-banner", "aria-hidden": "true", hidden: true }, title, sub);
  const queue: { text: string; detail: string; tone: string }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    const moment = queue.shift();
    if (!moment) {
      timer = undefined;
      el.hidden = true;
      return;
    }
    setText(title, moment.text);
    setText(sub, moment.detail);
    el.dataset.tone = moment.tone;
    el.hidden = false;
    el.classList.remove("run");
    void el.offsetWidth;
    el.classList.add("run");
    timer = setTimeout(next, SHOWN_MS);
  };
  return {
    el,
    show(text: string, detail = "", tone: "neutral" | "up" | "down" | "event" = "neutral") {
      queue.push({ text, detail, tone });
      // More than a couple waiting would keep the screen covered: the newest ones matter most.
      while (queue.length > 2) queue.shift();
      if (!timer) next();
    },
  };
}
