import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** Where an element goes inside a translated sentence: each language puts the address where its grammar wants it. */
const SLOT = "\u2063";

function around(sentence: string, el: HTMLElement): (string | HTMLElement)[] {
  const [before, after = ""] = sentence.split(SLOT);
  return [before, el, after].filter((part) => part !== "");
}

interface JoinLink {
  url: string;
  display: string;
  qr: string;
}

/**
 * The lobby on the projector: the code in huge type, the address, a QR code, and who has joined
 * (with `answered`, how many answered the questions before the game; in `watching`, who only watches).
 */
export function lobbyPanel(model: ClassroomModel, onLink: (display: string) => void = () => {}, watching?: HTMLElement, answered?: HTMLElement) {
  const code = h("div", { class: "big-code mono", testid: "join-code", "aria-label": t("host.lobby.codeLabel") });
  const url = h("div", { class: "join-url mono", testid: "join-url" });
  const qr = h("img", { class: "qr", alt: t("host.lobby.qrAlt"), testid: "join-qr" });
  const count = h("div", { class: "joined-count", testid: "joined-count" });
  const qrFrame = h("figure", { class: "qr-frame" }, qr, h("figcaption", {}, t("host.lobby.scan")));
  const chips = h("ul", { class: "chips", "aria-label": t("host.lobby.players") });
  const el = h(
    "section",
    { class: "lobby", "aria-label": t("host.lobby.label") },
    h(
      "div",
      { class: "lobby-join" },
      h("div", { class: "lobby-kicker" }, t("host.lobby.onPhone")),
      h("div", { class: "lobby-url-line" }, ...around(t("host.lobby.goTo", { address: SLOT }), url)),
      h("div", { class: "lobby-kicker" }, t("host.lobby.enterCode")),
      code,
    ),
    qrFrame,
    h("div", { class: "lobby-people" }, count, answered, chips, watching),
  );
  let loadedFor = "";

  // Without the server's link (a code it refuses, or no answer) the lobby says this page's own
  // address and shows no QR code, and the code pill shows no address rather than a wrong one.
  const unlinked = () => {
    setText(url, location.host);
    qr.removeAttribute("src");
    qrFrame.hidden = true;
  };
  const loadLink = async (c: string) => {
    if (!c || loadedFor === c) return;
    loadedFor = c;
    let res: Response;
    try {
      res = await fetch(`/api/join-link?code=${encodeURIComponent(c)}`);
    } catch {
      loadedFor = "";
      unlinked();
      return;
    }
    const link = res.ok ? ((await res.json().catch(() => null)) as JoinLink | null) : null;
    if (typeof link?.display !== "string") return unlinked();
    setText(url, link.display);
    onLink(link.display);
    url.title = link.url;
    qr.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qr)}`;
    qrFrame.hidden = false;
  };

  const seen = new Set<string>();
  return {
    el,
    render() {
      const c = model.info.code;
      setText(code, c);
      void loadLink(c);
      const n = model.players.size;
      setText(count, n === 0 ? t("host.lobby.waiting") : t("host.lobby.registered", { count: n }));
      for (const [id, p] of model.players) {
        if (seen.has(id)) continue;
        seen.add(id);
        // Newest first, so whoever just joined sees their name appear.
        chips.prepend(h("li", { class: "chip", "data-player": id }, p.nickname));
      }
      chips.classList.toggle("crowded", n > 40);
      for (const li of [...chips.children] as HTMLElement[]) if (!model.players.has(li.dataset.player!)) li.remove(), seen.delete(li.dataset.player!);
    },
  };
}
