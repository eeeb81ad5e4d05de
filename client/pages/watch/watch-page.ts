import { cleanJoinCode } from "../../../shared/messages/join-code.ts";
import { currentConnection, newConnection } from "../../net/current.ts";
import { watching } from "../../net/storage.ts";
import { h } from "../../ui/dom.ts";
import { errorTray } from "../../ui/status.ts";
import { sessionView } from "../host/session-view.ts";
import "../host/host.css";
import "../host/host-phone.css";
import "./watch.css";
import { t } from "../../../shared/i18n/index.ts";
import { languagePicker } from "../../ui/language.ts";

/**
 * /watch/CODE: the projector's view with no control and no key, for a video call's shared screen,
 * students following from home, or an observer's phone (who joined with "Just watch"). It is
 * the host page's own view (sessionView with `watch`), joined as a watching screen, which the
 * server sends nothing only a facilitator may see.
 */
export function mount(root: HTMLElement): () => void {
  const code = cleanJoinCode(decodeURIComponent(location.pathname.split("/")[2] ?? ""));
  const errors = errorTray();
  const current = currentConnection();
  const conn = current?.role === "watch" && current.code === code ? current : newConnection();
  const off = sessionView(root, conn, errors.show, { watch: true });
  root.append(errors.el);
  if (!conn.room) {
    // After a reload the same screen (and an observer's name) comes back by its token.
    const saved = watching.get();
    conn.watch(code, saved?.code === code ? saved.name : undefined).catch((err: Error) => {
      root.replaceChildren(
        h(
          "main",
          { class: "watch-failed", testid: "watch-failed" },
          h("div", { class: "watch-failed-top" }, h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"), languagePicker()),
          h("h1", {}, code ? t("host.watch.failed", { code }) : t("host.watch.failedNoCode")),
          h("p", {}, err.message),
          h("a", { class: "btn", href: "/" }, t("host.watch.back")),
        ),
        errors.el,
      );
    });
  }
  return off;
}
