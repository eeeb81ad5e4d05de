import type { Connection, Status } from "../net/connection.ts";
import { type MessageKey, t } from "../../shared/i18n/index.ts";
import { h } from "./dom.ts";

/** What the banner says in each state (none while online). */
const TEXT: Record<Exclude<Status, "online">, MessageKey> = {
  connecting: "phone.connection.connecting",
  reconnecting: "phone.connection.reconnecting",
  waiting: "phone.connection.waiting",
  closed: "phone.connection.closed",
};

/** A banner across the top while the connection is down; hidden while all is well. */
export function connectionBanner(conn: Connection): { el: HTMLElement; dispose: () => void } {
  const el = h("div", { class: "conn-banner", role: "status", testid: "connection", hidden: true });
  const off = conn.onStatus((status) => {
    el.hidden = status === "online" || status === "connecting";
    el.dataset.status = status;
    el.textContent = ((status === "waiting" || status === "reconnecting") && conn.waitingNote) || (status === "online" ? "" : t(TEXT[status]));
    if (status === "reconnecting" || status === "waiting") el.dataset.testid = "reconnecting";
    else el.dataset.testid = "connection";
  });
  return { el, dispose: off };
}

/**
 * Errors in words, never swallowed: each stays on screen for a while and is read out at once.
 * The newest one is also kept as the element's text for anyone (or any test) checking it.
 * `inline`: the tray sits in a form's flow and holds the newest error until the next one (or
 * `clear`), so a refusal never floats over the field or button that cures it.
 */
export function errorTray(opts: { inline?: boolean } = {}): { el: HTMLElement; show: (message: string) => void; clear: () => void } {
  const el = h("div", { class: opts.inline ? "error-tray error-inline" : "error-tray", role: "alert", "aria-live": "assertive", testid: "error" });
  const show = (message: string) => {
    const item = h("div", { class: "error-toast" }, h("span", { class: "error-icon", "aria-hidden": "true" }, "!"), h("span", {}, message));
    if (opts.inline) return el.replaceChildren(item);
    el.append(item);
    while (el.childElementCount > 3) el.firstElementChild?.remove();
    setTimeout(() => {
      item.classList.add("leaving");
      setTimeout(() => item.remove(), 400);
    }, 6000);
  };
  return { el, show, clear: () => el.replaceChildren() };
}
