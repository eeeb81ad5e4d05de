import type { Guide } from "../../../shared/content/guide.ts";
import { h, setText } from "../../ui/dom.ts";

/**
 * The one-page student handout: how to join, what the game is, the content note. With
 * `?code=ABCDE` (the lobby's handout link) it carries the session's code, address and QR code.
 */
export function handout(g: Guide, code: string): HTMLElement {
  const address = h("b", { class: "mono" }, "the address on the projector");
  const qr = h("img", { class: "handout-qr", alt: "QR code to join this session", hidden: true });
  const codeText = code ? h("b", { class: "mono handout-code", testid: "handout-code" }, code) : h("b", {}, "the 5-character code on the projector");
  if (code) {
    void fetch(`/api/join-link?code=${encodeURIComponent(code)}`)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((link?: { url: string; display: string; qr: string }) => {
        if (!link) return;
        setText(address, link.display);
        qr.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qr)}`;
        qr.hidden = false;
      })
      .catch(() => undefined);
  }
  return h(
    "main",
    { class: "handout", testid: "handout" },
    h("header", { class: "handout-head" }, h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"), h("h1", {}, g.title)),
    h(
      "section",
      { class: "handout-join", testid: "handout-join" },
      h("h2", {}, "How to join"),
      h(
        "div",
        { class: "handout-join-row" },
        h(
          "ol",
          {},
          h("li", {}, "On your phone, tablet or laptop, open ", address, " (or scan the QR code)."),
          h("li", {}, "Type ", codeText, " and a nickname. Not your real name."),
          h(
            "li",
            {},
            "Keep the page open. If your phone drops out, open it again: your seat waits for you. Your rejoin PIN (on the Me tab) gets it back on another phone.",
          ),
        ),
        qr,
      ),
    ),
    h("section", { class: "handout-about", testid: "handout-about" }, h("h2", {}, "What the game is"), ...g.studentIntro.map((p) => h("p", {}, p))),
    h("section", { class: "handout-note", testid: "handout-note" }, h("h2", {}, g.contentNote.title), ...g.contentNote.paragraphs.map((p) => h("p", {}, p))),
  );
}
