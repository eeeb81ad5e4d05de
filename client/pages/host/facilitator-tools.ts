import type { Connection } from "../../net/connection.ts";
import { h } from "../../ui/dom.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { hostControls } from "./controls.ts";
import { removeDialog, settingsDialog } from "./dialogs.ts";
import { eventsDrawer } from "./events-drawer.ts";
import { phoneLinkPrompt } from "./phone-link-prompt.ts";
import { seatRequestsPanel } from "./seat-requests-panel.ts";
import { t } from "../../../shared/i18n/index.ts";

/**
 * What the projector's view holds besides what it shows the class: the facilitator's buttons,
 * dialogs and drawer, and the private view. The watch view (/watch/CODE) is the same view
 * without any of it: `watchTools` has no control, no action and no true score.
 */
export interface Tools {
  /** Buttons in the top bar, after the timer. */
  top: HTMLElement[];
  /** Beside the content note in the lobby: the handout link and the start button. */
  lobby: HTMLElement[];
  /** Beside the stage and sidebar (the drawer), and over the page (dialogs, requests). */
  main: HTMLElement[];
  overlays: HTMLElement[];
  /** A player clicked on the graph or the leaderboard. */
  select: ((id: string) => void) | undefined;
  privateView(): boolean;
  render(): void;
  dispose(): void;
}

/** The watch view's: only a chip saying that this screen watches. */
export function watchTools(): Tools {
  const chip = h("span", { class: "watch-chip", testid: "watch-chip" }, t("host.tools.watching"));
  return { top: [chip], lobby: [], main: [], overlays: [], select: undefined, privateView: () => false, render() {}, dispose() {} };
}

/** The facilitator's tools on the host page; `onPrivate` redraws the board when the private view is switched. */
export function facilitatorTools(model: ClassroomModel, conn: Connection, onPrivate: () => void): Tools {
  let privateView = false;
  const send = (msg: Parameters<Connection["facilitate"]>[0]) => conn.facilitate(msg);
  const settings = settingsDialog(model, send, conn);
  const requests = seatRequestsPanel(conn);
  const phoneAsk = phoneLinkPrompt(conn);
  const remove = removeDialog(model, send, () => privateView);
  const controls = hostControls(model, send, () => settings.open());
  const handoutLink = h("a", { class: "btn", href: "/guide", target: "_blank", rel: "noopener", testid: "handout-link" }, t("host.tools.handout"));
  const privateBadge = h("span", { class: "private-badge", testid: "private-badge", hidden: true }, t("host.tools.privateBadge"));
  const drawer = eventsDrawer(model, send, (on) => {
    privateView = on;
    // The badge changes with the board, in the same frame: true scores never show unmarked.
    privateBadge.hidden = !on;
    onPrivate();
  });
  const eventsButton = h(
    "button",
    { class: "btn btn-events", type: "button", testid: "events-button", "aria-expanded": "false", onclick: () => drawer.toggle() },
    t("host.tools.events"),
  );
  drawer.el.addEventListener("toggle", () => eventsButton.setAttribute("aria-expanded", String(!drawer.el.hidden)));
  return {
    top: [privateBadge, controls.el, eventsButton],
    lobby: [handoutLink, controls.start],
    main: [drawer.el],
    overlays: [settings.el, remove.el, requests.el, phoneAsk.el],
    select: (id) => remove.open(id),
    privateView: () => privateView,
    render() {
      controls.render();
      drawer.render();
      privateBadge.hidden = !privateView;
      handoutLink.setAttribute("href", `/guide/${model.info.code}/handout?code=${model.info.code}`);
    },
    dispose: () => {
      requests.dispose();
      phoneAsk.dispose();
    },
  };
}
