import type * as Phaser from "phaser";
import { t } from "../../../shared/i18n/index.ts";
import type { ConfigChanges } from "../../../shared/replay/index.ts";
import { GraphScene } from "../../scenes/graph/graph-scene.ts";
import { startGame } from "../../scenes/start-game.ts";
import { h, throttle } from "../../ui/dom.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { progressBar } from "./progress.ts";
import type { ReplayEngine } from "./replay-engine.ts";
import { whatIfForm } from "./what-if-form.ts";
import { distributions, heldPanel, momentStats, outcomes } from "./what-if-results.ts";
import type { Loaded } from "./worker-protocol.ts";

/**
 * The counterfactual: the recorded actions re-applied under other rules, both worlds side by
 * side as graphs and score distributions at the timeline's moment, and the end results.
 */
export function whatIfTab(
  data: Loaded,
  recorded: ClassroomModel,
  other: ClassroomModel,
  engine: ReplayEngine,
  opts: { ready: () => void; select: (id: string | undefined) => void; toEnd: () => void },
) {
  const progress = progressBar();
  const results = h(
    "div",
    { class: "whatif-results" },
    h("div", { class: "empty-state" }, h("h2", {}, t("replay.whatif.empty.title")), h("p", {}, t("replay.whatif.empty.text"))),
  );
  let label = "";
  let games: Phaser.Game[] = [];
  let scenes: GraphScene[] = [];
  let selected: string | undefined;
  const recordedHost = h("div", { class: "graph", "aria-hidden": "true" });
  const otherHost = h("div", { class: "graph", "aria-hidden": "true" });
  const recordedStats = h("div", {});
  const otherStats = h("div", {});
  const dist = h("div", {});
  const otherTitle = h("h3", {});
  const nickOf = new Map(data.players.map((p) => [p.id, p.nickname]));
  const idOfNick = new Map(data.players.map((p) => [p.nickname, p.id]));
  const otherId = (id: string) => [...other.players.values()].find((p) => p.nickname === nickOf.get(id))?.id;

  const run = async (changes: ConfigChanges, letLaterChanges: boolean) => {
    form.busy(true);
    results.replaceChildren(progress.el);
    progress.set(t("replay.progress.start-rerun"), 0, 1);
    engine.onProgress = (stage, done, total) => progress.set(stage, done, total);
    try {
      const result = await engine.whatIf(changes, letLaterChanges);
      label = result.label;
      otherTitle.replaceChildren(h("span", { class: "key-other" }, t("replay.whatif.other", { label })));
      other.reset();
      // What it held fixed and how the session ended there come first, above the fold; both
      // worlds at the timeline's moment follow.
      results.replaceChildren(
        heldPanel(result),
        outcomes(result),
        h(
          "div",
          { class: "worlds" },
          h(
            "section",
            { class: "world panel" },
            h("h3", {}, h("span", { class: "key-rec" }, t("replay.whatif.recorded"))),
            recordedStats,
            h("div", { class: "world-graph" }, recordedHost),
          ),
          h("section", { class: "world panel", testid: "other-world" }, otherTitle, otherStats, h("div", { class: "world-graph" }, otherHost)),
        ),
        h(
          "section",
          { class: "panel dist-panel" },
          h(
            "h2",
            {},
            t("replay.whatif.dist.title"),
            h("button", { class: "btn btn-ghost btn-small", type: "button", testid: "what-if-end", onclick: opts.toEnd }, t("replay.whatif.dist.to-end")),
          ),
          h("p", { class: "explain" }, t("replay.whatif.dist.explain")),
          dist,
        ),
      );
      if (games.length === 0) {
        scenes = [
          new GraphScene(recorded, (id) => opts.select(id)),
          new GraphScene(other, (id) => opts.select(idOfNick.get(other.players.get(id)?.nickname ?? ""))),
        ];
        games = [startGame(recordedHost, scenes[0]), startGame(otherHost, scenes[1])];
      }
      scenes[0].focus(selected);
      opts.ready();
    } catch (err) {
      results.replaceChildren();
      form.fail((err as Error).message);
    } finally {
      form.busy(false);
    }
  };
  const form = whatIfForm(data.config, (c, letLater) => void run(c, letLater));
  const el = h("div", { class: "whatif-tab" }, form.el, results);

  const render = throttle(() => {
    if (!label) return;
    recordedStats.replaceChildren(momentStats(recorded));
    otherStats.replaceChildren(momentStats(other));
    dist.replaceChildren(distributions(data.config, recorded, other, label));
    scenes[1]?.focus(selected && otherId(selected));
  }, 200);

  return {
    el,
    frame: render,
    select(id: string | undefined) {
      selected = id;
      scenes[0]?.focus(id);
      scenes[1]?.focus(id && otherId(id));
    },
    sleep(on: boolean) {
      for (const g of games) on ? g.loop.sleep() : g.loop.wake();
    },
    dispose() {
      for (const g of games) g.destroy(true);
    },
  };
}
