import { contentNote } from "../../../shared/content/content-note.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/**
 * The content note on the projector, over the lobby, in type the back row reads: the same text
 * as the lesson kit's and the handout's (shared/content/content-note.ts). `button` opens and
 * closes it; it is drawn from the session's rules, so a scenario's own names are in it.
 */
export function contentNotePanel(model: ClassroomModel) {
  const title = h("h2", { id: "content-note-title" });
  // Focusable: a note longer than the stage scrolls here, by keyboard too.
  const body = h("div", { class: "note-body", tabindex: 0 });
  const close = h("button", { class: "btn btn-primary", type: "button", testid: "content-note-close", onclick: () => show(false) }, t("host.note.close"));
  const el = h(
    "section",
    { class: "content-note-stage", hidden: true, testid: "content-note", "aria-labelledby": "content-note-title" },
    h("div", { class: "note-card" }, title, body, close),
  );
  const button = h(
    "button",
    { class: "btn btn-note", type: "button", testid: "content-note-button", "aria-expanded": "false", onclick: () => show(el.hidden === true) },
    t("host.note.button"),
  );
  let drawn = "";
  const show = (on: boolean) => {
    el.hidden = !on;
    button.setAttribute("aria-expanded", String(on));
    (on ? close : button).focus();
  };
  return {
    el,
    button,
    render() {
      if (model.info.phase !== "lobby" && !el.hidden) show(false);
      const note = contentNote(model.config);
      const key = JSON.stringify(note);
      if (key === drawn) return;
      drawn = key;
      setText(title, note.title);
      body.replaceChildren(...note.paragraphs.map((p) => h("p", {}, p)));
    },
  };
}
