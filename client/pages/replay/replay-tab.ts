import type * as Phaser from "phaser";
import { t } from "../../../shared/i18n/index.ts";
import type { CauseChain } from "../../../shared/replay/index.ts";
import type { GameEvent } from "../../../shared/rules/events.ts";
import type { Visibility } from "../../../shared/rules/live/types.ts";
import { GraphScene } from "../../scenes/graph/graph-scene.ts";
import { startGame } from "../../scenes/start-game.ts";
import { formatClock, h, setText, throttle } from "../../ui/dom.ts";
import { leaderboardList } from "../../ui/leaderboard.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { legend } from "../host/legend.ts";
import { detailPanel } from "./detail-panel.ts";
import { momentText } from "./moment-text.ts";
import { scoreTable } from "./score-table.ts";
import { trajectoryChart } from "./trajectory-chart.ts";
import { graphText } from "../../ui/graph-text.ts";
import type { Loaded } from "./worker-protocol.ts";

/** How long after a key moment its caption stays over the graph, in session time. */
const CAPTION_MS = 25_000;

/**
 * The replay itself: the graph and leaderboard as they stood (the live host's own scene and
 * list, driven through the same view interface), the score lines, and the detail panel.
 */
export function replayTab(
  data: Loaded,
  model: ClassroomModel,
  opts: { select: (id: string | undefined) => void; cause: (seq: number) => Promise<CauseChain | undefined> },
) {
  let selected: string | undefined;
  let at = data.to;
  let recent: readonly GameEvent[] = [];
  let animating = false;
  const graphHost = h("div", { class: "graph", "aria-hidden": "true" });
  const round = h("div", { class: "stage-round", testid: "replay-round" });
  const clock = h("div", { class: "stage-clock mono" });
  const caption = h("div", { class: "moment-caption", testid: "moment-caption", hidden: true });
  const seen = h("span", { class: "seen", testid: "visibility" });
  const chart = trajectoryChart(data, (id, t) => {
    opts.select(id);
    const line = data.lines.find((l) => l.id === id);
    if (!line) return;
    let i = line.at.length - 1;
    while (i > 0 && line.at[i] > t) i--;
    if (i > 0) void detail.showCause(line.event[i]);
  });
  const chartText = scoreTable(data);
  // Rows flash when a score changes as the replay plays, not when a scrub jumps over hundreds.
  const board = leaderboardList(model, { onSelect: (id) => opts.select(id), me: () => selected ?? "", flash: () => animating });
  const detail = detailPanel(data, model, { cause: opts.cause, clear: () => opts.select(undefined) });
  const key = legend(model);
  const names = h("datalist", { id: "replay-names" }, ...data.players.map((p) => h("option", { value: p.nickname })));
  const search = h("input", {
    class: "search",
    type: "search",
    list: "replay-names",
    placeholder: t("replay.board.search-placeholder"),
    testid: "player-search",
    "aria-label": t("replay.board.search"),
  });
  const pick = () => {
    const q = search.value.trim().toLowerCase();
    if (!q) return;
    const found = data.players.find((p) => p.nickname.toLowerCase() === q) ?? data.players.find((p) => p.nickname.toLowerCase().startsWith(q));
    if (found) opts.select(found.id);
  };
  search.addEventListener("change", pick);
  search.addEventListener("keydown", (e) => e.key === "Enter" && pick());

  const el = h(
    "div",
    { class: "replay-tab" },
    h("div", { class: "stage" }, graphHost, graphText(model), h("div", { class: "stage-status" }, round, clock), caption),
    h(
      "section",
      { class: "chart-panel" },
      h("div", { class: "chart-head" }, h("h2", {}, t("replay.chart.title"), h("span", { class: "muted" }, t("replay.chart.hint"))), chartText.el),
      chart.el,
    ),
    h("aside", { class: "side" }, h("section", { class: "panel board-panel" }, h("h2", {}, t("replay.board.title"), seen), search, names, board.el), detail.el),
    key.el,
  );

  const renderBoard = throttle(() => {
    board.render();
    if (selected) el.querySelector(`.lb-row[data-player="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "nearest" });
  }, 120);
  const renderDetail = throttle(() => detail.render(selected, at, recent), 200);
  const renderStatus = () => {
    key.render();
    const { phase, paused, round: r, rounds } = model.info;
    setText(
      round,
      phase === "lobby"
        ? t("replay.stage.lobby")
        : phase === "ended"
          ? t("replay.stage.over")
          : t("replay.stage.round", { round: r, rounds, paused: String(paused) }),
    );
    setText(clock, phase === "round" ? t("replay.stage.left", { clock: formatClock(model.secondsLeft) }) : "");
  };
  const renderCaption = () => {
    let latest: (typeof data.moments)[number] | undefined;
    for (const m of data.moments) if (m.at <= at && m.kind !== "resume" && m.kind !== "blacklisted") latest = m;
    const show = latest !== undefined && at - latest.at < CAPTION_MS;
    caption.hidden = !show;
    if (show) {
      const said = momentText(latest!, data.config, (id) => model.nameOf(id), data.from);
      caption.className = `moment-caption mark-${said.tone}`;
      caption.replaceChildren(h("span", { class: "moment-icon" }, said.icon), h("span", {}, said.text));
    }
  };

  let game: Phaser.Game | undefined;
  let scene: GraphScene | undefined;
  return {
    el,
    start() {
      scene = new GraphScene(model, (id) => opts.select(id));
      game = startGame(graphHost, scene);
      scene.focus(selected);
    },
    frame(events: readonly GameEvent[], animate: boolean, visibility: Visibility) {
      // What players themselves could see then; the debrief shows every score whatever they saw.
      setText(seen, t(`replay.board.seen.${visibility}`));
      seen.dataset.mode = visibility;
      recent = events;
      animating = animate;
      renderBoard();
      renderDetail();
      renderStatus();
    },
    setTime(time: number) {
      at = time;
      chart.setTime(time);
      chartText.setTime(time);
      renderCaption();
    },
    select(id: string | undefined) {
      selected = id;
      chart.select(id);
      scene?.focus(id);
      board.render();
      detail.render(selected, at, recent);
      renderBoard();
    },
    showCause: (seq: number) => detail.showCause(seq),
    sleep: (on: boolean) => (on ? game?.loop.sleep() : game?.loop.wake()),
    dispose() {
      chart.dispose();
      game?.destroy(true);
    },
  };
}
