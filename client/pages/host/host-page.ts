import type * as Phaser from "phaser";
import type { CreateOptions } from "../../../shared/messages/messages.ts";
import { feedLine } from "../../../shared/text/feed.ts";
import { bindClassroom } from "../../net/bind-classroom.ts";
import type { Connection } from "../../net/connection.ts";
import { currentConnection, newConnection } from "../../net/current.ts";
import { hostKeys } from "../../net/storage.ts";
import { startGame } from "../../scenes/start-game.ts";
import { GraphScene } from "../../scenes/graph/graph-scene.ts";
import { announce, formatClock, h, perFrame, setText, throttle } from "../../ui/dom.ts";
import { leaderboardList } from "../../ui/leaderboard.ts";
import { flashBanner } from "../../ui/flash-banner.ts";
import { connectionBanner, errorTray } from "../../ui/status.ts";
import { ClassroomModel } from "../../view/classroom-model.ts";
import { hostControls } from "./controls.ts";
import { removeDialog, settingsDialog } from "./dialogs.ts";
import { finalPanel } from "./final-panel.ts";
import { legend } from "./legend.ts";
import { lobbyPanel } from "./lobby-panel.ts";
import { setupPanel } from "./setup-panel.ts";
import { ticker } from "./ticker.ts";
import "./host.css";

/** The projector: a lobby with the code and QR, then the live graph, leaderboard, timer and ticker. */
export function mount(root: HTMLElement): () => void {
  const errors = errorTray();
  const code = new URLSearchParams(location.search).get("code")?.toUpperCase() ?? "";
  let conn: Connection = currentConnection()?.role === "host" && currentConnection()?.code === code ? currentConnection()! : newConnection();
  let teardown = () => {};

  const showSession = () => {
    teardown();
    root.replaceChildren();
    history.replaceState(null, "", `/host?code=${conn.code}`);
    teardown = sessionView(root, conn, errors.show);
    root.append(errors.el);
  };
  const fail = (err: Error) => errors.show(err.message);
  const actions = {
    async create(options: CreateOptions) {
      conn = newConnection();
      await conn.create(options).then(showSession, fail);
    },
    async reopen(c: string, key: string) {
      if (!/^[A-Z0-9]{5}$/.test(c) || !key) return errors.show("Give the session's 5-character code and its host key.");
      conn = newConnection();
      await conn.host(c, key).then(showSession, (err: Error) => {
        if ((err as { code?: number }).code === 4406) hostKeys.remove(c);
        fail(err);
      });
    },
  };
  const showSetup = () => root.replaceChildren(setupPanel(actions, code), errors.el);

  if (conn.room) showSession();
  else if (code && hostKeys.get(code)) {
    showSetup();
    void actions.reopen(code, hostKeys.get(code)!);
  } else {
    showSetup();
    if (code) errors.show(`This browser has no host key for ${code}. Enter it below to reopen the session.`);
  }
  return () => teardown();
}

function sessionView(root: HTMLElement, conn: Connection, showError: (m: string) => void): () => void {
  const model = new ClassroomModel();
  const send = (msg: Parameters<Connection["facilitate"]>[0]) => conn.facilitate(msg);
  const settings = settingsDialog(model, send);
  const remove = removeDialog(model, send);
  const controls = hostControls(model, send, () => settings.open());
  const joinAt = h("span", { class: "join-at mono" });
  const lobby = lobbyPanel(model, (display) => setText(joinAt, display));
  const final = finalPanel(model);
  const board = leaderboardList(model, { onSelect: (id) => remove.open(id) });
  const feed = ticker(model);
  const banner = connectionBanner(conn);
  const graphHost = h("div", { class: "graph", "aria-hidden": "true" });
  const timer = h("div", { class: "host-timer mono", testid: "timer", role: "timer" });
  const round = h("div", { class: "host-round", testid: "round" });
  const codePill = h("div", { class: "code-pill" }, h("span", {}, "Code"), h("b", { class: "mono", testid: "session-code" }, conn.code), joinAt);
  const count = h("span", { class: "count mono" });
  const flash = flashBanner();
  const paused = h("div", { class: "paused-overlay", hidden: true }, h("div", {}, "❚❚ Paused"));
  const page = h(
    "div",
    { class: "host-page" },
    h("header", { class: "host-top" }, h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"), codePill, round, timer, controls.el),
    h(
      "main",
      { class: "host-main" },
      h("div", { class: "stage" }, graphHost, lobby.el, h("div", { class: "lobby-start" }, controls.start), paused, final.el),
      h(
        "aside",
        { class: "side" },
        h("section", { class: "panel board-panel" }, h("h2", {}, "Leaderboard ", count), board.el),
        h("section", { class: "panel ticker-panel" }, h("h2", {}, "Live"), feed.el),
      ),
    ),
    legend(),
    settings.el,
    remove.el,
    flash.el,
  );

  const renderBoard = throttle(() => board.render(), 250);
  const render = perFrame(() => {
    const { phase, paused: isPaused, round: r, rounds } = model.info;
    page.dataset.phase = phase;
    controls.render();
    lobby.render();
    final.render();
    renderBoard();
    setText(count, String(model.players.size));
    setText(round, phase === "lobby" ? "Lobby" : phase === "ended" ? "Game over" : `Round ${r} / ${rounds}`);
    paused.hidden = !isPaused;
    renderClock();
  });
  const renderClock = () => {
    const { phase, paused: isPaused } = model.info;
    setText(timer, phase === "round" ? formatClock(model.secondsLeft) : phase === "ended" ? "—" : formatClock(model.info.roundSeconds));
    timer.classList.toggle("urgent", phase === "round" && !isPaused && model.secondsLeft <= 10);
  };

  model.subscribe({
    reset: () => feed.reset(),
    ready: () => (feed.reset(), render()),
    session: render,
    clock: renderClock,
    playerJoined: render,
    playerLeft: render,
    playerChanged: render,
    leaderboard: render,
    feed: (item) => {
      if (!model.isReady) return;
      feed.add(item, true);
      if (item.type !== "phase") return;
      announce(feedLine(item, model.nameOf).text);
      if (item.action === "round-started") flash.show(`Round ${item.round}`, item.round === model.info.rounds ? "The final round" : `of ${model.info.rounds}`);
    },
  });

  let unbind = conn.room ? bindClassroom(conn.room, model) : () => {};
  const offRoom = conn.onRoom((room) => {
    unbind();
    unbind = bindClassroom(room, model);
  });
  const offError = conn.onError((e) => showError(e.message));
  root.append(page, banner.el);
  let game: Phaser.Game | undefined;
  void document.fonts.load('15px "Space Grotesk Variable"').finally(() => {
    game = startGame(graphHost, new GraphScene(model, (id) => remove.open(id)));
  });
  render();
  return () => {
    unbind();
    offRoom();
    offError();
    banner.dispose();
    game?.destroy(true);
  };
}
