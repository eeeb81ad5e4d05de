import { formatNumber, isMessageKey, t } from "../../../shared/i18n/index.ts";
import { histogram } from "../../../shared/replay/compare.ts";
import { gini, mean } from "../../../shared/replay/metrics/stats.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { h } from "../../ui/dom.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { WhatIf, WorldNumbers } from "./worker-protocol.ts";

/** Why the other world refused a recorded choice, by the rules' code; a code the catalog lacks is shown as it is. */
function refusalText(code: string): string {
  const key = `replay.whatif.refusal.${code}`;
  return isMessageKey(key) ? t(key) : code.replace(/-/g, " ");
}

const fixed = (x: number | null, digits = 0) => (x === null ? "–" : formatNumber(x, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const count = (n: number) => formatNumber(n);

/** Numbers of one world at the timeline's moment, read from its model. */
export function momentStats(model: ClassroomModel) {
  const scores = [...model.players.values()].map((p) => p.score);
  return h(
    "dl",
    { class: "world-stats" },
    ...(
      [
        [t("replay.whatif.stat.players"), count(scores.length)],
        [t("replay.whatif.stat.mean"), fixed(mean(scores))],
        [t("replay.whatif.stat.gini"), fixed(gini(scores), 3)],
        [t("replay.whatif.stat.friendships"), count(model.friendships.size)],
        [t("replay.whatif.stat.blacklisted"), count([...model.players.values()].filter((p) => p.blacklisted).length)],
      ] as const
    ).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", { class: "mono" }, v))),
  );
}

/** The two score distributions at this moment, bin by bin, side by side. */
export function distributions(config: GameConfig, recorded: ClassroomModel, other: ClassroomModel, label: string): HTMLElement {
  const bins = (m: ClassroomModel) =>
    histogram(
      [...m.players.values()].map((p) => p.score),
      config.scoreMin,
      config.scoreMax,
      50,
    );
  const a = bins(recorded);
  const b = bins(other);
  const top = Math.max(1, ...a.map((x) => x.players), ...b.map((x) => x.players));
  return h(
    "div",
    { class: "dist", testid: "distributions", role: "img", "aria-label": t("replay.whatif.dist.aria", { label }) },
    h(
      "div",
      { class: "dist-key" },
      h("span", { class: "key-rec" }, t("replay.whatif.recorded")),
      h("span", { class: "key-other" }, t("replay.whatif.other", { label })),
    ),
    h(
      "div",
      { class: "dist-bins" },
      ...a.map((bin, i) =>
        h(
          "div",
          { class: "dist-bin", title: t("replay.whatif.dist.bin", { from: bin.from, to: bin.to - 1, recorded: bin.players, other: b[i].players }) },
          h(
            "div",
            { class: "dist-bars" },
            h("span", { class: "bar-rec", style: `height:${(bin.players / top) * 100}%` }),
            h("span", { class: "bar-other", style: `height:${(b[i].players / top) * 100}%` }),
          ),
          h("span", { class: "dist-label mono" }, count(bin.from)),
        ),
      ),
    ),
  );
}

function summaryRows(a: WorldNumbers, b: WorldNumbers): [string, string, string][] {
  return [
    [t("replay.whatif.row.players"), count(a.players), count(b.players)],
    [t("replay.whatif.row.mean"), fixed(a.mean), fixed(b.mean)],
    [t("replay.whatif.row.gini"), fixed(a.gini, 3), fixed(b.gini, 3)],
    [t("replay.whatif.row.blacklisted"), count(a.blacklisted), count(b.blacklisted)],
    [t("replay.whatif.row.visa-travel"), `${count(a.tiers.visa)} / ${count(a.tiers.travel)}`, `${count(b.tiers.visa)} / ${count(b.tiers.travel)}`],
    [t("replay.whatif.row.restricted"), count(a.tiers.restricted), count(b.tiers.restricted)],
    [
      t("replay.whatif.row.friendships-groups"),
      `${count(a.network.friendships)} / ${count(a.network.components)}`,
      `${count(b.network.friendships)} / ${count(b.network.components)}`,
    ],
    [t("replay.whatif.row.assortativity"), fixed(a.network.assortativity, 2), fixed(b.network.assortativity, 2)],
  ];
}

function moverRow(p: WhatIf["players"][number]): HTMLElement {
  return h(
    "tr",
    {},
    h("th", { scope: "row" }, p.nickname),
    h("td", { class: "mono" }, fixed(p.recorded)),
    h("td", { class: "mono" }, fixed(p.counterfactual)),
    h("td", { class: `mono ${p.difference! < 0 ? "down" : "up"}` }, signed(p.difference!)),
  );
}

/** What a re-run held fixed, in one sentence, and what it left out or cannot know: shown above its result. */
export function heldPanel(result: WhatIf): HTMLElement {
  const said = result.said;
  return h(
    "section",
    { class: "panel held-panel", testid: "what-if-held" },
    h("p", { class: "held-fixed", testid: "what-if-fixed" }, said.fixed),
    said.onlyRules ? h("p", { class: "held-only", testid: "only-rules" }, said.onlyRules) : "",
    h("ul", { class: "held-caveats", testid: "what-if-caveats" }, ...said.caveats.map((c) => h("li", {}, c))),
  );
}

const MOVERS = 3;

/** What the re-run changed by the end: both worlds' numbers, the refused actions, who gained and lost most. */
export function outcomes(result: WhatIf): HTMLElement {
  const { refused, label } = result;
  const codes = Object.entries(refused.byCode)
    .sort((x, y) => (y[1] ?? 0) - (x[1] ?? 0))
    .map(([code, n]) => h("li", {}, h("b", { class: "mono" }, count(n ?? 0)), " ", refusalText(code)));
  const moved = result.players.filter((p) => p.difference !== null && p.difference !== 0).sort((x, y) => x.difference! - y.difference!);
  // The three who lost and the three who gained most: a table a room reads at once, above the fold.
  const shown = [...moved.slice(0, MOVERS), ...moved.slice(-MOVERS).filter((p) => !moved.slice(0, MOVERS).includes(p))].sort(
    (x, y) => y.difference! - x.difference!,
  );
  return h(
    "div",
    { class: "outcomes", testid: "what-if-outcomes" },
    h(
      "section",
      { class: "panel" },
      h("h2", {}, t("replay.whatif.end.title")),
      h(
        "table",
        { class: "compare" },
        h("thead", {}, h("tr", {}, h("th", {}), h("th", {}, t("replay.whatif.recorded")), h("th", {}, t("replay.whatif.other", { label })))),
        h(
          "tbody",
          {},
          ...summaryRows(result.recorded, result.counterfactual).map(([k, a, b]) =>
            h("tr", {}, h("th", { scope: "row" }, k), h("td", { class: "mono" }, a), h("td", { class: "mono" }, b)),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "outcomes-side" },
      h(
        "section",
        { class: "panel", testid: "refused" },
        h("h2", {}, t("replay.whatif.refused.title")),
        h(
          "p",
          { class: "big-number" },
          h("b", { class: "mono", testid: "refused-count" }, count(refused.actions)),
          " ",
          t("replay.whatif.refused.line", { n: refused.actions, joins: refused.joins }),
        ),
        codes.length ? h("ul", { class: "codes" }, ...codes) : h("p", { class: "muted" }, t("replay.whatif.refused.none")),
      ),
      h(
        "section",
        { class: "panel", testid: "movers" },
        h("h2", {}, t("replay.whatif.movers.title")),
        shown.length === 0
          ? h("p", { class: "muted" }, t("replay.whatif.movers.none"))
          : h(
              "table",
              { class: "compare movers" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", {}, t("replay.whatif.movers.player")),
                  h("th", {}, t("replay.whatif.movers.recorded")),
                  h("th", {}, t("replay.whatif.movers.other")),
                  h("th", {}, t("replay.whatif.movers.difference")),
                ),
              ),
              h("tbody", {}, ...shown.map(moverRow)),
            ),
      ),
    ),
  );
}
