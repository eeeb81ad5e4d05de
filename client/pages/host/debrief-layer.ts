import { phaseTitle } from "../../../shared/debrief/kinds.ts";
import type { DebriefShow } from "../../../shared/debrief/types.ts";
import { t } from "../../../shared/i18n/index.ts";
import type { DebriefWords } from "../../../shared/text/debrief.ts";
import type { Connection } from "../../net/connection.ts";
import { roomMessages } from "../../net/room-messages.ts";
import { h, setText } from "../../ui/dom.ts";
import { debriefView } from "./debrief-view.ts";

const KEYS_NEXT = new Set(["ArrowRight", " ", "PageDown"]);
const KEYS_BACK = new Set(["ArrowLeft", "PageUp"]);

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The guided debrief over the projector's stage, with the facilitator's controls beside the
 * view (left out on a watching screen): back, next, the end screen, and the keyboard (arrows, space, Page Up/Down, which a
 * presenter's clicker sends). The step lives in the room's log, so a reload comes back to it.
 */
export function debriefLayer(conn: Connection, opts: { controls: boolean; words: () => DebriefWords }) {
  const view = debriefView(opts.words);
  let show: DebriefShow | undefined;
  const where = h("span", { class: "db-where", testid: "debrief-where" });
  const back = h("button", { class: "btn", type: "button", testid: "debrief-back", onclick: () => move(-1) }, t("debrief.layer.back"));
  const next = h("button", { class: "btn btn-primary", type: "button", testid: "debrief-next", onclick: () => move(1) }, t("debrief.layer.next"));
  const toEnd = h("button", { class: "btn", type: "button", testid: "debrief-end-screen", onclick: () => ask("") }, t("debrief.layer.end-screen"));
  const controls = h(
    "nav",
    { class: "debrief-controls", "aria-label": t("debrief.layer.controls") },
    where,
    h("span", { class: "db-keys" }, t("debrief.layer.keys")),
    toEnd,
    back,
    next,
  );
  // A watching screen (no host key) shows the view alone: no button, no key moves anything.
  const el = h("div", { class: "debrief-layer", hidden: true, testid: "debrief-layer" }, view.el, opts.controls ? controls : null);
  const start = h(
    "button",
    { class: "btn btn-primary", type: "button", testid: "start-debrief", hidden: true, onclick: () => ask(show?.steps[0]?.id ?? "") },
    t("debrief.layer.start"),
  );

  // The step this projector last asked for, until the room's answer shows it. A key pressed
  // before that answer counts from the step asked for, never from the one still on screen:
  // Left then Right in quick succession comes back to the step, it does not skip ahead (from the
  // step before the closing one, skipping ahead would close the game for good).
  let asked: string | undefined;
  const ask = (step: string) => {
    asked = step;
    conn.debriefStep(step);
  };
  const index = (id = show?.current) => (show ? show.steps.findIndex((s) => s.id === id) : -1);
  const move = (delta: number) => {
    if (!show || show.closed) return;
    const i = index(asked ?? show.current) + delta;
    if (i < 0) return ask("");
    const step = show.steps[i];
    if (step) ask(step.id);
  };

  const render = () => {
    const on = !!show && show.current !== "";
    el.hidden = !on;
    start.hidden = !show || on;
    view.render(show);
    if (!show || !on) return;
    const i = index();
    const step = show.steps[i];
    setText(where, t("debrief.layer.where", { n: i + 1, total: show.steps.length, phase: phaseTitle(step.phase) }));
    // Closed is closed: the scores are gone, so there is no way back to them from here.
    back.hidden = show.closed;
    toEnd.hidden = show.closed;
    next.hidden = show.closed;
    next.disabled = i >= show.steps.length - 1;
    setText(next, t(show.steps[i + 1]?.id === "close" ? "debrief.layer.close-next" : "debrief.layer.next"));
  };

  const onKey = (e: KeyboardEvent) => {
    if (el.hidden || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    // Space on a focused button clicks it: moving here too would skip a step.
    if (e.key === " " && e.target instanceof HTMLButtonElement) return;
    if (KEYS_NEXT.has(e.key)) move(1);
    else if (KEYS_BACK.has(e.key)) move(-1);
    else return;
    e.preventDefault();
  };
  if (opts.controls) document.addEventListener("keydown", onKey);

  let off = () => {};
  const bind = () => {
    off();
    if (!conn.room) return;
    const messages = roomMessages(conn.room);
    const take = () => {
      show = messages.debrief;
      if (show?.current === asked) asked = undefined;
      render();
    };
    const offDebrief = messages.onDebrief(take);
    // A step the room refused (the debrief closed meanwhile) is not waited for.
    const offError = conn.onError((e) => {
      if (e.about === "debrief") asked = undefined;
    });
    off = () => {
      offDebrief();
      offError();
    };
    take();
  };
  const offRoom = conn.onRoom(bind);
  bind();

  return {
    el,
    /** The button that opens the debrief, for the end screen's row of buttons. */
    start,
    dispose() {
      off();
      offRoom();
      document.removeEventListener("keydown", onKey);
    },
  };
}
