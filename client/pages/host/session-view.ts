import type * as Phaser from "phaser";
import { feedLine } from "../../../shared/text/feed.ts";
import { bindClassroom } from "../../net/bind-classroom.ts";
import type { Connection } from "../../net/connection.ts";
import { startGame } from "../../scenes/start-game.ts";
import { GraphScene } from "../../scenes/graph/graph-scene.ts";
import { announce, formatClock, h, perFrame, setText, throttle } from "../../ui/dom.ts";
import { leaderboardList } from "../../ui/leaderboard.ts";
import { flashBanner } from "../../ui/flash-banner.ts";
import { liveBanner } from "../../ui/live-banner.ts";
import { connectionBanner } from "../../ui/status.ts";
import { ClassroomModel } from "../../view/classroom-model.ts";
import { facilitatorTools, watchTools } from "./facilitator-tools.ts";
import { surveyCount } from "./survey-count.ts";
import { watchersLine } from "./watchers-line.ts";
import { finalPanel } from "./final-panel.ts";
import { contentNotePanel } from "./content-note-panel.ts";
import { debriefLayer } from "./debrief-layer.ts";
import { legend } from "./legend.ts";
import { lobbyPanel } from "./lobby-panel.ts";
import { soundCues } from "../../ui/sound.ts";
import { displayToggles } from "./display-toggles.ts";
import { projectorCues } from "./projector-cues.ts";
import { graphText } from "../../ui/graph-text.ts";
import { ticker } from "./ticker.ts";
import { formatNumber, t } from "../../../shared/i18n/index.ts";
import { languagePicker } from "../../ui/language.ts";
import { canvasFontsReady } from "../../scenes/graph/canvas-fonts.ts";

const NO_BOARD = { hidden: "host.board.noneHidden", owner: "host.board.noneOwner" } as const;

/**
 * The projector: a lobby with the code and QR, then the live graph, the current event's
 * banner, leaderboard, timer and ticker. The facilitator's live events sit in a drawer; true
 * scores appear only when this screen is switched to the private view. With `watch`, the same
 * view without the facilitator's tools (facilitator-tools.ts): the watch view and observers.
 */
export function sessionView(root: HTMLElement, conn: Connection, showError: (m: string) => void, opts: { watch?: boolean } = {}): () => void {
  const model = new ClassroomModel();
  const tools = opts.watch ? watchTools() : facilitatorTools(model, conn, () => (board.render(), render()));
  const privateView = () => tools.privateView();
  const joinAt = h("span", { class: "join-at mono" });
  // A watching screen shows the debrief as the class sees it; only the facilitator's has its controls.
  const guided = debriefLayer(conn, { controls: !opts.watch, words: () => model.config });
  const final = finalPanel(model, { facilitator: !opts.watch, extra: opts.watch ? [] : [guided.start] });
  const note = contentNotePanel(model);
  const watching = watchersLine(conn);
  const answered = surveyCount(conn, model);
  const lobby = lobbyPanel(model, (display) => setText(joinAt, display), watching.el, answered.el);
  const board = leaderboardList(model, { ...(tools.select ? { onSelect: tools.select } : {}), trueScores: privateView });
  const boardNote = h("p", { class: "board-note", testid: "leaderboard-note" });
  const feed = ticker(model);
  const connection = connectionBanner(conn);
  const graphHost = h("div", { class: "graph", "aria-hidden": "true" });
  const timer = h("div", { class: "host-timer mono", testid: "timer", role: "timer" });
  const round = h("div", { class: "host-round", testid: "round" });
  const scenarioName = h("div", { class: "scenario-name", testid: "scenario-name" });
  const locked = h("span", { class: "locked-chip", testid: "locked-chip", hidden: true }, t("host.top.locked"));
  // A watching screen learns its code once its join is answered: the pill follows the session's own.
  const codeText = h("b", { class: "mono", testid: "session-code" }, conn.code);
  const codePill = h("div", { class: "code-pill" }, h("span", {}, t("host.top.code")), codeText, joinAt);
  const count = h("span", { class: "count mono" });
  const boardTitle = h("span", {}, t("host.board.title"));
  const flash = flashBanner();
  const banner = liveBanner(model, (t) => flash.show(t.name, t.title, "event"));
  const key = legend(model);
  const paused = h("div", { class: "paused-overlay", hidden: true }, h("div", {}, t("host.stage.paused")));
  const sound = soundCues(true);
  const offCues = projectorCues(model, sound);
  const top = h(
    "header",
    { class: "host-top" },
    h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"),
    codePill,
    locked,
    h("div", { class: "round-box" }, round, scenarioName),
    timer,
    ...tools.top,
    languagePicker("language-picker host-language"),
  );
  const stageBanner = h("div", { class: "stage-banner" }, banner.el);
  const page = h(
    "div",
    { class: opts.watch ? "host-page is-watch" : "host-page" },
    top,
    h(
      "main",
      { class: "host-main" },
      h(
        "div",
        { class: "stage", "data-game-over": t("host.stage.gameOver") },
        graphHost,
        graphText(model),
        stageBanner,
        lobby.el,
        h("div", { class: "lobby-start" }, note.button, ...tools.lobby),
        note.el,
        paused,
        final.el,
      ),
      h(
        "aside",
        { class: "side" },
        h("section", { class: "panel board-panel" }, h("h2", {}, boardTitle, count), boardNote, board.el),
        h("section", { class: "panel ticker-panel" }, h("h2", {}, t("host.side.live")), feed.el),
      ),
      ...tools.main,
      guided.el,
    ),
    key.el,
    ...tools.overlays,
    flash.el,
  );

  const renderBoard = throttle(() => board.render(), 250);
  const render = perFrame(() => {
    const { phase, paused: isPaused, round: r, rounds, visibility } = model.info;
    page.dataset.phase = phase;
    page.classList.toggle("is-private", privateView());
    tools.render();
    lobby.render();
    answered.render();
    note.render();
    final.render();
    key.render();
    renderBoard();
    setText(count, formatNumber(model.players.size));
    setText(boardTitle, privateView() ? t("host.board.trueScores") : t("host.board.title"));
    boardNote.hidden = privateView() || visibility === "public";
    setText(boardNote, visibility === "public" ? "" : t(NO_BOARD[visibility]));
    locked.hidden = !model.info.locked;
    setText(codeText, model.info.code || conn.code);
    setText(scenarioName, model.config.scenario.title);
    setText(round, phase === "lobby" ? t("host.top.lobby") : phase === "ended" ? t("host.top.gameOver") : t("host.top.round", { round: r, rounds }));
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
    rules: render,
    vote: render,
    ballot: render,
    liveEvent: (e) => (feed.relabel(e), render()),
    feed: (item) => {
      if (!model.isReady) return;
      feed.add(item, true);
      if (item.type !== "phase") return;
      announce(feedLine(item, model.nameOf).text);
      if (item.action === "round-started")
        flash.show(
          t("host.flash.round", { round: item.round }),
          item.round === model.info.rounds ? t("host.flash.final") : t("host.flash.of", { rounds: model.info.rounds }),
        );
    },
  });

  let unbind = conn.room ? bindClassroom(conn.room, model) : () => {};
  const offRoom = conn.onRoom((room) => {
    unbind();
    unbind = bindClassroom(room, model);
  });
  const offRules = conn.onRules((r) => model.rules(r));
  if (conn.rules) model.rules(conn.rules);
  const offError = conn.onError((e) => showError(e.message));
  top.append(displayToggles(sound));
  root.append(page, connection.el);
  let game: Phaser.Game | undefined;
  // The banner (or, over the final network, the end screen's bar) sits over the top of the
  // stage: the graph is framed in the space below it.
  let scene: GraphScene | undefined;
  const coveredTop = () => {
    if (page.dataset.phase === "ended") return final.el.classList.contains("dismissed") ? final.el.offsetHeight : 0;
    return banner.el.hidden ? 0 : stageBanner.offsetTop + stageBanner.offsetHeight;
  };
  const insetGraph = () => scene?.setInsetTop(coveredTop());
  const bannerSize = new ResizeObserver(insetGraph);
  bannerSize.observe(stageBanner);
  bannerSize.observe(final.el);
  void canvasFontsReady().finally(() => {
    scene = new GraphScene(model, tools.select ?? (() => {}));
    game = startGame(graphHost, scene);
    insetGraph();
  });
  render();
  return () => {
    unbind();
    offRoom();
    offRules();
    offError();
    connection.dispose();
    banner.dispose();
    bannerSize.disconnect();
    offCues();
    sound.dispose();
    tools.dispose();
    watching.dispose();
    answered.dispose();
    guided.dispose();
    game?.destroy(true);
  };
}
