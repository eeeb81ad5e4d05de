import type { SeatRequest } from "../../../shared/messages/seat-messages.ts";
import type { Connection } from "../../net/connection.ts";
import { roomMessages } from "../../net/room-messages.ts";
import { announce, h } from "../../ui/dom.ts";
import "./seat-requests.css";
import { t } from "../../../shared/i18n/index.ts";
import { errorText } from "../../../shared/text/errors.ts";

/** What each kind of request says on the projector: its title, why it waits, the yes button. */
function words(r: SeatRequest): { title: string; help: string; yes: string } {
  if (r.kind === "seat-back")
    return {
      title: t("host.seats.seatBack.title", { name: r.nickname }),
      help: t("host.seats.seatBack.help", { name: r.nickname }),
      yes: t("host.seats.giveBack"),
    };
  if (r.kind === "late")
    return {
      title: t("host.seats.late.title", { name: r.nickname }),
      help: t("host.seats.late.help"),
      yes: t("host.seats.letIn"),
    };
  return {
    title: t("host.seats.name.title", { name: r.nickname }),
    help: t("host.seats.name.help", { reason: errorText({ code: "", message: r.reason, key: r.reasonKey, params: r.params }) }),
    yes: t("host.seats.letIn"),
  };
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
      h("button", { class: "btn btn-ghost", type: "button", testid: "deny-request", onclick: () => answer(false) }, t("host.seats.no")),
      h("button", { class: "btn btn-primary", type: "button", testid: "allow-request", onclick: () => answer(true) }, said.yes),
    ),
  );
}

/** Cards the projector shows at once; a crowd of requests (puppet seats, say) would run off the top of the screen. */
const CARDS_SHOWN = 3;

/** Below the cards: how many more wait, and one click that says No to every request waiting. */
function crowd(requests: SeatRequest[], answerAll: () => void): HTMLElement {
  const more = requests.length - CARDS_SHOWN;
  return h(
    "li",
    { class: "seat-request seat-request-all", testid: "seat-requests-all" },
    h("p", { class: "seat-request-help" }, more > 0 ? t("host.seats.more", { count: more }) : t("host.seats.waiting", { count: requests.length })),
    h(
      "button",
      { class: "btn btn-ghost", type: "button", testid: "deny-all-requests", onclick: answerAll },
      t("host.seats.noToAll", { count: requests.length }),
    ),
  );
}

/**
 * The phones waiting for the facilitator, on every facilitator screen: a seat asked back after
 * its grace period, a name the checks refused, or a newcomer after the start. One click answers
 * one, or says No to all of them; the list comes from the server, so an answer on one screen
 * clears it on all.
 */
export function seatRequestsPanel(conn: Connection): { el: HTMLElement; dispose: () => void } {
  const list = h("ul", { class: "seat-request-list", "aria-live": "polite" });
  const el = h("section", { class: "seat-requests", testid: "seat-requests", hidden: true, "aria-label": t("host.seats.label") }, list);
  let seen = new Set<string>();
  let off = () => {};
  const render = (requests: SeatRequest[]) => {
    el.hidden = requests.length === 0;
    const cards = requests.slice(0, CARDS_SHOWN).map((r) => card(r, (allow) => conn.answerRequest(r.id, allow)));
    if (requests.length > 1) cards.push(crowd(requests, () => requests.forEach((r) => conn.answerRequest(r.id, false))));
    list.replaceChildren(...cards);
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
