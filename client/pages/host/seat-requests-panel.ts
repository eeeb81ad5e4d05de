import type { SeatRequest } from "../../../shared/messages/seat-messages.ts";
import type { Connection } from "../../net/connection.ts";
import { roomMessages } from "../../net/room-messages.ts";
import { announce, h } from "../../ui/dom.ts";
import "./seat-requests.css";

/** What each kind of request says on the projector: its title, why it waits, the yes button. */
function words(r: SeatRequest): { title: string; help: string; yes: string } {
  if (r.kind === "seat-back") return { title: `${r.nickname} asks for their seat back`, help: `From another phone, without the seat's PIN. Say yes only if it really is ${r.nickname}.`, yes: "Give it back" };
  if (r.kind === "late") return { title: `“${r.nickname}” arrived late and asks to join`, help: "The game has started, so newcomers ask first. Say yes to someone from your class.", yes: "Let them in" };
  return { title: `“${r.nickname}” asks to join`, help: `The name check refused it: ${r.reason}`, yes: "Let them in" };
}

function card(r: SeatRequest, answer: (allow: boolean) => void): HTMLElement {
  const said = words(r);
  return h(
    "li",
    { class: "seat-request", testid: "seat-request" },
    h("p", { class: "seat-request-title" }, said.title),
    h("p", { class: "seat-request-help" }, said.help),
    h(
      "div",
      { class: "seat-request-buttons" },
      h("button", { class: "btn btn-ghost", type: "button", testid: "deny-request", onclick: () => answer(false) }, "No"),
      h("button", { class: "btn btn-primary", type: "button", testid: "allow-request", onclick: () => answer(true) }, said.yes),
    ),
  );
}

/**
 * The phones waiting for the facilitator, on every facilitator screen: a seat asked back after
 * its grace period, or a name the checks refused. One click answers; the list comes from the
 * server, so an answer on one screen clears it on all.
 */
export function seatRequestsPanel(conn: Connection): { el: HTMLElement; dispose: () => void } {
  const list = h("ul", { class: "seat-request-list", "aria-live": "polite" });
  const el = h("section", { class: "seat-requests", testid: "seat-requests", hidden: true, "aria-label": "Requests to join" }, list);
  let seen = new Set<string>();
  let off = () => {};
  const render = (requests: SeatRequest[]) => {
    el.hidden = requests.length === 0;
    list.replaceChildren(...requests.map((r) => card(r, (allow) => conn.answerRequest(r.id, allow))));
    for (const r of requests) if (!seen.has(r.id)) announce(`${words(r).title}.`);
    seen = new Set(requests.map((r) => r.id));
  };
  const bind = (room: NonNullable<Connection["room"]>) => {
    off();
    const messages = roomMessages(room);
    off = messages.onSeatRequests(() => render(messages.seatRequests));
    render(messages.seatRequests);
  };
  if (conn.room) bind(conn.room);
  const offRoom = conn.onRoom(bind);
  return {
    el,
    dispose: () => {
      off();
      offRoom();
    },
  };
}
