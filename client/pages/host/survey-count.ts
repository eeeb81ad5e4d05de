import type { Connection } from "../../net/connection.ts";
import type { ClassroomRoom } from "../../net/bind-classroom.ts";
import { roomMessages } from "../../net/room-messages.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

/**
 * The lobby's count of the questions before the game, for a scenario that asks them: "12 of 20
 * answered the questions", counted among the players in the lobby now (one who answered and left
 * is not counted), so the facilitator knows when to start. Round 1 closes the questions.
 */
export function surveyCount(conn: Connection, model: ClassroomModel) {
  const el = h("p", { class: "survey-count", testid: "survey-count", hidden: true });
  let answered: string[] | undefined;
  const render = () => {
    el.hidden = answered === undefined || model.info.phase !== "lobby" || model.players.size === 0;
    if (el.hidden || !answered) return;
    const n = answered.filter((p) => model.players.has(p)).length;
    const all = model.players.size;
    setText(el, t("debrief.survey-count", { n, all }));
    el.classList.toggle("all", n === all);
  };
  let off = () => {};
  const follow = (room: ClassroomRoom) => {
    off();
    const messages = roomMessages(room);
    off = messages.onDebrief(() => {
      answered = messages.surveyBefore;
      render();
    });
    answered = messages.surveyBefore;
    render();
  };
  if (conn.room) follow(conn.room);
  const offRoom = conn.onRoom(follow);
  return {
    el,
    render,
    dispose() {
      off();
      offRoom();
    },
  };
}
