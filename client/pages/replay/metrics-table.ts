import { formatNumber, t } from "../../../shared/i18n/index.ts";
import type { DissentBin, GapBin, RoundMetrics } from "../../../shared/replay/index.ts";
import { h } from "../../ui/dom.ts";

type Cell = { text: string; title?: string; heat?: number | null };
interface Row {
  /** Words drawn when the table is (not at module load, before the page's language is in use). */
  label: () => string;
  cell: (r: RoundMetrics) => Cell;
}
interface Group {
  /** `replay.metric.<id>.title` and `.explain` in the catalogs. */
  id: "unfriending" | "network" | "conformity" | "inequality" | "lookups" | "reports" | "bunching" | "dissent";
  rows: Row[];
}

export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? "–" : formatNumber(Math.round(x * 100) / 100, { style: "percent", maximumFractionDigits: 0 });
const num = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined ? "–" : formatNumber(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const plain = (n: number): Cell => ({ text: num(n) });

export function gapLabel(b: GapBin): string {
  return b.to === null ? t("replay.metric.gap-open", { from: b.from }) : t("replay.metric.gap", { from: b.from, to: b.to - 1 });
}

/** "2+ friends posted", "1 friend posted" */
export function dissentLabel(k: number): string {
  return k === 2 ? t("replay.metric.dissent.many") : t("replay.metric.dissent.k", { k });
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

const none = () => "";

const GROUPS: Group[] = [
  {
    id: "unfriending",
    rows: [0, 1, 2, 3, 4].map((i) => ({
      label: none,
      cell: (r) => {
        const b = r.unfriending[i];
        return { text: pct(b.rate), title: t("replay.metric.unfriending.cell", { cut: b.unfriended, friendships: b.friendships }), heat: b.rate };
      },
    })),
  },
  {
    id: "network",
    rows: [
      { label: () => t("replay.metric.network.friendships"), cell: (r) => plain(r.network.friendships) },
      { label: () => t("replay.metric.network.groups"), cell: (r) => plain(r.network.components) },
      { label: () => t("replay.metric.network.largest"), cell: (r) => plain(r.network.largestComponent) },
      { label: () => t("replay.metric.network.isolated"), cell: (r) => plain(r.network.isolated) },
      { label: () => t("replay.metric.network.assortativity"), cell: (r) => ({ text: num(r.network.assortativity, 2), heat: r.network.assortativity }) },
    ],
  },
  {
    id: "conformity",
    rows: [
      { label: () => t("replay.metric.conformity.approved"), cell: (r) => plain(r.posts.approved) },
      { label: () => t("replay.metric.conformity.opinions"), cell: (r) => plain(r.posts.opinions) },
      { label: () => t("replay.metric.conformity.share"), cell: (r) => ({ text: pct(r.posts.approvedShare), heat: r.posts.approvedShare }) },
      {
        label: () => t("replay.metric.conformity.changes"),
        cell: (r) => ({ text: r.posts.ruleChanges ? `${num(r.posts.ruleChanges)} ⚙` : r.posts.afterRuleChange ? t("replay.metric.conformity.after") : "–" }),
      },
    ],
  },
  {
    id: "inequality",
    rows: [
      {
        label: () => t("replay.metric.inequality.leaderboard"),
        cell: (r) => ({ text: r.leaderboardPublic ? t("replay.metric.inequality.shown") : t("replay.metric.inequality.hidden") }),
      },
      { label: () => t("replay.metric.inequality.gini"), cell: (r) => ({ text: num(r.scores.gini, 3), heat: Math.min(1, r.scores.gini * 10) }) },
      { label: () => t("replay.metric.inequality.mean"), cell: (r) => ({ text: num(r.scores.mean) }) },
      { label: () => t("replay.metric.inequality.range"), cell: (r) => ({ text: `${num(r.scores.min)}–${num(r.scores.max)}` }) },
      { label: () => t("replay.metric.inequality.blacklisted"), cell: (r) => plain(r.scores.blacklisted) },
    ],
  },
  {
    id: "lookups",
    rows: [
      { label: () => t("replay.metric.lookups.lookups"), cell: (r) => plain(r.lookups.lookups) },
      { label: () => t("replay.metric.lookups.unfriendings"), cell: (r) => plain(r.lookups.unfriendings) },
      {
        label: () => t("replay.metric.lookups.after"),
        cell: (r) => ({
          text: pct(r.lookups.afterLookupShare),
          title: t("replay.metric.of", { part: r.lookups.afterLookup, whole: r.lookups.unfriendings }),
          heat: r.lookups.afterLookupShare,
        }),
      },
    ],
  },
  {
    id: "reports",
    rows: [
      { label: () => t("replay.metric.reports.reports"), cell: (r) => plain(r.reports.reports) },
      { label: () => t("replay.metric.reports.retaliations"), cell: (r) => plain(r.reports.retaliations) },
    ],
  },
  {
    id: "bunching",
    rows: [
      ...[0, 1].map((i) => ({
        label: none,
        cell: (r: RoundMetrics) => {
          const b = r.scores.bunching[i];
          // The line in force at the round's end: a vote or a rule change may have moved it since round 1.
          return {
            text: `${num(b.justAbove)} : ${num(b.justBelow)}`,
            title: t("replay.metric.bunching.cell", { threshold: b.threshold }),
            heat: b.aboveShare,
          };
        },
      })),
      { label: () => t("replay.metric.bunching.tier-changes"), cell: (r) => plain(r.scores.tierChanges) },
    ],
  },
  {
    id: "dissent",
    rows: [0, 1, 2].map((k) => ({
      label: () => dissentLabel(k),
      cell: (r) => {
        const b = dissentBins(r.dissent)[k];
        return {
          text: r.round === 1 ? "" : pct(b.probability),
          title: t("replay.metric.dissent.cell", { dissented: b.dissented, players: b.players }),
          heat: b.probability,
        };
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
      labels.set(row, t("replay.metric.bunching.row", { lines: lines.map((x) => num(x)).join(" → ") }));
    });
  }
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, t("replay.metric.round")),
    ...rounds.map((r) =>
      h(
        "th",
        { scope: "col" },
        h(
          "button",
          {
            type: "button",
            class: "round-link",
            title: t(r.complete ? "replay.metric.show-round" : "replay.metric.show-round-cut", { round: r.round }),
            onclick: () => jump(r),
          },
          `${t("replay.timeline.round-short", { round: r.round })}${r.complete ? "" : "*"}`,
        ),
      ),
    ),
  );
  const body = GROUPS.flatMap((g) => [
    h(
      "tr",
      { class: "group" },
      h(
        "th",
        { colspan: rounds.length + 1, scope: "colgroup" },
        h("b", {}, t(`replay.metric.${g.id}.title`)),
        h("span", { class: "explain" }, t(`replay.metric.${g.id}.explain`)),
      ),
    ),
    ...g.rows.map((row) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, labels.get(row) ?? row.label()),
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
