import { histogram } from "../../../shared/replay/compare.ts";
import { gini, mean } from "../../../shared/replay/metrics/stats.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { whatIfText } from "../../../shared/text/what-if.ts";
import { h } from "../../ui/dom.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { WhatIf, WorldNumbers } from "./worker-protocol.ts";

const REFUSALS: Record<string, string> = {
  blacklisted: "blacklisted players may not do that",
  "no-action-points": "no action points left",
  "not-friends": "they were not friends there",
  "already-friends": "they were already friends there",
  "no-request": "no friend request to answer there",
  "already-requested": "a request was already waiting",
  "nothing-to-appeal": "nothing to appeal there",
  "bad-target": "the other player was not there",
  "unknown-player": "the player was not there",
  "not-joined": "the player never joined there",
  "not-eligible": "not among the top players there",
  "round-over": "the round was already over there",
  "game-ended": "the game had already ended there",
};

const fixed = (x: number | null, digits = 0) => (x === null ? "–" : x.toFixed(digits));

/** Numbers of one world at the timeline's moment, read from its model. */
export function momentStats(model: ClassroomModel) {
  const scores = [...model.players.values()].map((p) => p.score);
  return h(
    "dl",
    { class: "world-stats" },
    ...(
      [
        ["players", String(scores.length)],
        ["mean", fixed(mean(scores))],
        ["Gini", gini(scores).toFixed(3)],
        ["friendships", String(model.friendships.size)],
        ["blacklisted", String([...model.players.values()].filter((p) => p.blacklisted).length)],
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
    { class: "dist", testid: "distributions", role: "img", "aria-label": `Score distributions: recorded and ${label}` },
    h("div", { class: "dist-key" }, h("span", { class: "key-rec" }, "As recorded"), h("span", { class: "key-other" }, `What if: ${label}`)),
    h(
      "div",
      { class: "dist-bins" },
      ...a.map((bin, i) =>
        h(
          "div",
          { class: "dist-bin", title: `${bin.from}–${bin.to - 1}: ${bin.players} recorded, ${b[i].players} in the other world` },
          h(
            "div",
            { class: "dist-bars" },
            h("span", { class: "bar-rec", style: `height:${(bin.players / top) * 100}%` }),
            h("span", { class: "bar-other", style: `height:${(b[i].players / top) * 100}%` }),
          ),
          h("span", { class: "dist-label mono" }, String(bin.from)),
        ),
      ),
    ),
  );
}

function summaryRows(a: WorldNumbers, b: WorldNumbers): [string, string, string][] {
  return [
    ["Players at the end", String(a.players), String(b.players)],
    ["Mean score", fixed(a.mean), fixed(b.mean)],
    ["Gini (inequality)", a.gini.toFixed(3), b.gini.toFixed(3)],
    ["Blacklisted", String(a.blacklisted), String(b.blacklisted)],
    ["Visa fast-track / travel permit", `${a.tiers.visa} / ${a.tiers.travel}`, `${b.tiers.visa} / ${b.tiers.travel}`],
    ["Restricted", String(a.tiers.restricted), String(b.tiers.restricted)],
    ["Friendships / groups", `${a.network.friendships} / ${a.network.components}`, `${b.network.friendships} / ${b.network.components}`],
    ["Assortativity", fixed(a.network.assortativity, 2), fixed(b.network.assortativity, 2)],
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
export function heldPanel(result: WhatIf, label: string): HTMLElement {
  const said = whatIfText(result, label);
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
export function outcomes(result: WhatIf, label: string): HTMLElement {
  const { refused } = result;
  const codes = Object.entries(refused.byCode)
    .sort((x, y) => (y[1] ?? 0) - (x[1] ?? 0))
    .map(([code, n]) => h("li", {}, h("b", { class: "mono" }, String(n)), ` ${REFUSALS[code] ?? code.replace(/-/g, " ")}`));
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
      h("h2", {}, "At the end of the session"),
      h(
        "table",
        { class: "compare" },
        h("thead", {}, h("tr", {}, h("th", {}), h("th", {}, "As recorded"), h("th", {}, `What if: ${label}`))),
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
        h("h2", {}, "Recorded choices the other world refused"),
        h(
          "p",
          { class: "big-number" },
          h("b", { class: "mono", testid: "refused-count" }, String(refused.actions)),
          ` of the recorded actions were refused there${refused.joins ? `, and ${refused.joins} joins` : ""}.`,
        ),
        codes.length
          ? h("ul", { class: "codes" }, ...codes)
          : h("p", { class: "muted" }, "Every recorded choice was possible there too: only the points differ."),
      ),
      h(
        "section",
        { class: "panel", testid: "movers" },
        h("h2", {}, "Who gained and who lost most"),
        shown.length === 0
          ? h("p", { class: "muted" }, "Nobody's final score differs: under these rules the same choices ended the same way.")
          : h(
              "table",
              { class: "compare movers" },
              h("thead", {}, h("tr", {}, h("th", {}, "Player"), h("th", {}, "Recorded"), h("th", {}, "What if"), h("th", {}, "Difference"))),
              h("tbody", {}, ...shown.map(moverRow)),
            ),
      ),
    ),
  );
}
