import type { DissentBin, GapBin, RoundMetrics } from "../../../shared/replay/index.ts";
import { h } from "../../ui/dom.ts";

type Cell = { text: string; title?: string; heat?: number | null };
interface Row {
  label: string;
  cell: (r: RoundMetrics) => Cell;
}
interface Group {
  title: string;
  explain: string;
  rows: Row[];
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);
const num = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? "–" : x.toFixed(digits));
const plain = (text: string | number): Cell => ({ text: String(text) });

export function gapLabel(b: GapBin): string {
  return b.to === null ? `${b.from}+ points apart` : `${b.from}–${b.to - 1} points apart`;
}

/** Dissent bins with 2 or more friends pooled, so small classes still get readable rows. */
export function dissentBins(bins: readonly DissentBin[]): DissentBin[] {
  const out = [0, 1, 2].map((k) => ({ k, players: 0, dissented: 0, probability: null as number | null }));
  for (const b of bins) {
    const t = out[Math.min(2, b.k)];
    t.players += b.players;
    t.dissented += b.dissented;
  }
  for (const b of out) b.probability = b.players ? b.dissented / b.players : null;
  return out;
}

const GROUPS: Group[] = [
  {
    title: "1 · Unfriending against the score gap",
    explain: "Each friendship standing in a round is one chance to be cut. If wide gaps are cut more often, people are shedding friends who drag them down.",
    rows: [0, 1, 2, 3, 4].map((i) => ({
      label: "",
      cell: (r) => {
        const b = r.unfriending[i];
        return { text: pct(b.rate), title: `${b.unfriended} of ${b.friendships} friendships cut`, heat: b.rate };
      },
    })),
  },
  {
    title: "2 · Fragmentation and assortativity",
    explain:
      "Groups are separate clusters of friends (someone without friends is a group of one). Assortativity runs from −1 to +1: above 0, friends have similar scores — people cluster by score.",
    rows: [
      { label: "Friendships", cell: (r) => plain(r.network.friendships) },
      { label: "Groups", cell: (r) => plain(r.network.components) },
      { label: "Largest group", cell: (r) => plain(r.network.largestComponent) },
      { label: "Players without friends", cell: (r) => plain(r.network.isolated) },
      { label: "Assortativity", cell: (r) => ({ text: num(r.network.assortativity, 2), heat: r.network.assortativity }) },
    ],
  },
  {
    title: "3 · Conformity",
    explain: "The share of posts that were approved ones. A rise after a rule change or a banned topic is self-censorship at work.",
    rows: [
      { label: "Approved posts", cell: (r) => plain(r.posts.approved) },
      { label: "Own opinions", cell: (r) => plain(r.posts.opinions) },
      { label: "Approved share", cell: (r) => ({ text: pct(r.posts.approvedShare), heat: r.posts.approvedShare }) },
      { label: "Rule changes", cell: (r) => ({ text: r.posts.ruleChanges ? `${r.posts.ruleChanges} ⚙` : r.posts.afterRuleChange ? "after" : "–" }) },
    ],
  },
  {
    title: "4 · Inequality",
    explain:
      "Gini measures inequality: 0 when everyone has the same score, 1 when one person has everything. Compare rounds with the leaderboard shown and hidden.",
    rows: [
      { label: "Leaderboard", cell: (r) => ({ text: r.leaderboardPublic ? "shown" : "hidden" }) },
      { label: "Gini", cell: (r) => ({ text: num(r.scores.gini, 3), heat: Math.min(1, r.scores.gini * 10) }) },
      { label: "Mean score", cell: (r) => plain(num(r.scores.mean)) },
      { label: "Lowest – highest", cell: (r) => plain(`${num(r.scores.min)}–${num(r.scores.max)}`) },
      { label: "Blacklisted", cell: (r) => plain(r.scores.blacklisted) },
    ],
  },
  {
    title: "5 · Lookups before unfriending",
    explain: "Did people check a score before cutting someone? The share of unfriendings where the unfriender had looked the other person up earlier.",
    rows: [
      { label: "Lookups", cell: (r) => plain(r.lookups.lookups) },
      { label: "Unfriendings", cell: (r) => plain(r.lookups.unfriendings) },
      {
        label: "…after a lookup",
        cell: (r) => ({
          text: pct(r.lookups.afterLookupShare),
          title: `${r.lookups.afterLookup} of ${r.lookups.unfriendings}`,
          heat: r.lookups.afterLookupShare,
        }),
      },
    ],
  },
  {
    title: "6 · Reports and retaliation",
    explain: "A retaliation is a report that answers an earlier report by the person who was reported.",
    rows: [
      { label: "Reports", cell: (r) => plain(r.reports.reports) },
      { label: "Retaliations", cell: (r) => plain(r.reports.retaliations) },
    ],
  },
  {
    title: "7 · Bunching above the thresholds",
    explain: "Players just above a threshold (+0 to +20) against just below it (−20 to −1). Many above and few below means people worked to clear the line.",
    rows: [
      ...[0, 1].map((i) => ({
        label: "",
        cell: (r: RoundMetrics) => {
          const b = r.scores.bunching[i];
          // The line in force at the round's end: a vote or a rule change may have moved it since round 1.
          return { text: `${b.justAbove} : ${b.justBelow}`, title: `around ${b.threshold}, the line at the round's end`, heat: b.aboveShare };
        },
      })),
      { label: "Changed tier", cell: (r) => plain(r.scores.tierChanges) },
    ],
  },
  {
    title: "8 · How dissent spreads",
    explain:
      "The chance that a player posts their own opinion when k of their friends did in the round before. If it rises with k, dissent spreads along friendships.",
    rows: [0, 1, 2].map((k) => ({
      label: k === 2 ? "2+ friends posted" : `${k} friend${k === 1 ? "" : "s"} posted`,
      cell: (r) => {
        const b = dissentBins(r.dissent)[k];
        return { text: r.round === 1 ? "" : pct(b.probability), title: `${b.dissented} of ${b.players} players`, heat: b.probability };
      },
    })),
  },
];

/** The eight debrief metrics, one column per round; a round's heading opens it in the replay. */
export function metricsTable(rounds: RoundMetrics[], jump: (round: RoundMetrics) => void): HTMLElement {
  const first = rounds[0];
  const labels = new Map<Row, string>();
  if (first) {
    GROUPS[0].rows.forEach((row, i) => labels.set(row, gapLabel(first.unfriending[i])));
    GROUPS[6].rows.slice(0, 2).forEach((row, i) => {
      const lines = [...new Set(rounds.map((r) => r.scores.bunching[i].threshold))];
      labels.set(row, `${lines.join(" → ")}: above : below`);
    });
  }
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Round"),
    ...rounds.map((r) =>
      h(
        "th",
        { scope: "col" },
        h(
          "button",
          {
            type: "button",
            class: "round-link",
            title: `Show round ${r.round} in the replay${r.complete ? "" : " (the log stops in it)"}`,
            onclick: () => jump(r),
          },
          `R${r.round}${r.complete ? "" : "*"}`,
        ),
      ),
    ),
  );
  const body = GROUPS.flatMap((g) => [
    h("tr", { class: "group" }, h("th", { colspan: rounds.length + 1, scope: "colgroup" }, h("b", {}, g.title), h("span", { class: "explain" }, g.explain))),
    ...g.rows.map((row) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, labels.get(row) ?? row.label),
        ...rounds.map((r) => {
          const c = row.cell(r);
          const heat = c.heat === null || c.heat === undefined ? 0 : Math.max(0, Math.min(1, c.heat));
          return h("td", { class: "mono", title: c.title, style: heat ? `--heat:${heat.toFixed(2)}` : undefined }, c.text);
        }),
      ),
    ),
  ]);
  return h("table", { class: "metrics-table", testid: "metrics-table" }, h("thead", {}, head), h("tbody", {}, ...body));
}
