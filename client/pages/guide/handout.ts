import type { Guide } from "../../../shared/content/guide.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import { languagePicker } from "../../ui/language.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import { brand } from "./brand.ts";

/** Stands in a message for an element placed inside the sentence (the address, the code), wherever the language puts it. */
const SLOT = "\u0000";

/** A sentence with one element inside it: the text before the slot, the element, the text after. */
function around(sentence: string, el: HTMLElement): (string | HTMLElement)[] {
  const [before, after = ""] = sentence.split(SLOT);
  return [before, el, after];
}

/**
 * The one-page student handout: how to join, what the game is, the content note. With
 * `?code=ABCDE` (the lobby's handout link) it carries the session's code, address and QR code.
 */
export function handout(g: Guide, code: string): HTMLElement {
  const address = h("b", { class: "mono" }, t("guide.handout.address"));
  const qr = h("img", { class: "handout-qr", alt: t("guide.handout.qr"), hidden: true });
  const codeText = code ? h("b", { class: "mono handout-code", testid: "handout-code" }, code) : h("b", {}, t("guide.handout.code"));
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
    h(
      "header",
      { class: "handout-head" },
      h("div", { class: "guide-top" }, brand(), h("span", { class: "page-settings no-print" }, languagePicker("language-picker no-print"), displaySettings())),
      h("h1", {}, g.title),
    ),
    h(
      "section",
      { class: "handout-join", testid: "handout-join" },
      h("h2", {}, t("guide.handout.join")),
      h(
        "div",
        { class: "handout-join-row" },
        h(
          "ol",
          {},
          h("li", {}, ...around(t("guide.handout.open", { address: SLOT }), address)),
          h("li", {}, ...around(t("guide.handout.type", { code: SLOT }), codeText)),
          h("li", {}, t("guide.handout.keep")),
        ),
        qr,
      ),
    ),
    h("section", { class: "handout-about", testid: "handout-about" }, h("h2", {}, t("guide.handout.about")), ...g.studentIntro.map((p) => h("p", {}, p))),
    h("section", { class: "handout-note", testid: "handout-note" }, h("h2", {}, g.contentNote.title), ...g.contentNote.paragraphs.map((p) => h("p", {}, p))),
  );
}
