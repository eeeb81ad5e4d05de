import { disputedNote } from "../../../shared/content/real-vs-myth.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { currentConnection } from "../../net/current.ts";
import { seats } from "../../net/storage.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import { languageButton } from "../../ui/language-button.ts";
import { go } from "../../router.ts";

/** What covers the phone when the game is over for me: the end, a removal, or a seat that is gone. */
export function endScreen(model: ClassroomModel, me: () => string, debrief: HTMLElement) {
  const title = h("h2", {}, "");
  const body = h("p", {}, "");
  const big = h("div", { class: "end-score mono" }, "");
  const leave = (code: string) => {
    seats.clear();
    void currentConnection()?.leave();
    go(`/?code=${code}`);
  };
  const again = h("button", { class: "btn btn-primary", type: "button", onclick: () => leave(model.info.code) }, t("phone.end.back"));
  const slot = h("div", { class: "end-slot" });
  // The source text's own caution, so players leave with it even when the debrief is cut short.
  const note = h("p", { class: "end-note", testid: "disputed-note", hidden: true }, disputedNote());
  const el = h(
    "div",
    { class: "end-screen", hidden: true, role: "dialog", "aria-modal": "true", testid: "end-screen" },
    h("div", { class: "end-card" }, h("div", { class: "end-top" }, languageButton(true)), title, big, body, debrief, note, slot, again),
  );
  let locked = false;

  const show = (heading: string, b: string, score = "") => {
    setText(title, heading);
    setText(body, b);
    setText(big, score);
    big.hidden = !score;
    el.hidden = false;
  };

  return {
    el,
    /** Where the closing question of the secret ballot goes once the game is over. */
    slot,
    render() {
      if (locked || model.info.phase !== "ended") return;
      const p = model.players.get(me());
      if (!p) return;
      const sight = model.mySight();
      const finished = model.placeOf(p.id);
      const body = finished
        ? t("phone.end.placed", { place: finished, count: model.players.size })
        : sight
          ? t("phone.end.stay")
          : t("phone.end.stayed-hidden");
      show(t("phone.end.title"), body, sight ? model.fmt(sight.score) : "");
      note.hidden = false;
      again.hidden = true;
    },
    /** While the guided debrief runs the card follows it instead of the score; `closed`: no score again. */
    follow(on: boolean) {
      el.classList.toggle("following", on && !locked);
    },
    removed(message: string) {
      locked = true;
      seats.clear();
      show(t("phone.end.removed"), message);
      again.hidden = false;
    },
    cannotRejoin(message: string, code: string) {
      locked = true;
      show(t("phone.end.cannot-rejoin"), message);
      again.onclick = () => leave(code);
      again.hidden = false;
    },
  };
}
