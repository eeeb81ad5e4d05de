import { h } from "../../ui/dom.ts";

const SHOWN_MS = 4500;
const KEPT = 2;

export type ToastTone = "social" | "up" | "down" | "look";

/**
 * Something another player did to me, said at the top of the screen whatever tab is open: a
 * friend request, a lookup, a report, a friend's post that cost me. Tapping it opens where to
 * answer it. Screen readers already hear each of these from the announcer, so the toasts are
 * for the eyes only.
 */
export function toastStack() {
  const el = h("div", { class: "toasts", testid: "toasts", "aria-hidden": "true" });
  /** `about` names where the toast leads; opening that place by other means dismisses it too. */
  const show = (title: string, detail: string, tone: ToastTone, about: string, open?: () => void) => {
    const item = h(
      "button",
      { class: `toast toast-${tone}`, type: "button", tabindex: -1, testid: "toast", "data-about": about },
      h("span", { class: "toast-dot" }),
      h("span", { class: "toast-text" }, h("b", {}, title), detail ? h("span", {}, detail) : null),
    );
    const leave = () => {
      item.classList.add("leaving");
      setTimeout(() => item.remove(), 300);
    };
    item.addEventListener("click", () => {
      open?.();
      leave();
    });
    el.prepend(item);
    while (el.childElementCount > KEPT) el.lastElementChild?.remove();
    setTimeout(leave, SHOWN_MS);
  };
  const dismiss = (about: string) => {
    for (const item of el.querySelectorAll<HTMLElement>(`.toast[data-about="${about}"]:not(.leaving)`)) {
      item.classList.add("leaving");
      setTimeout(() => item.remove(), 300);
    }
  };
  return { el, show, dismiss };
}
