import type { BallotRecord } from "../../shared/rules/ballot.ts";
import type { BallotConfig } from "../../shared/rules/live/types.ts";
import { gapSentences } from "../../shared/text/debrief.ts";
import { t } from "../../shared/i18n/index.ts";
import { h } from "./dom.ts";

function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((n) => (total ? Math.round((100 * n) / total) : 0));
}

/**
 * The secret ballot's totals, before and after, beside what was posted in public round by round:
 * the projector's end screen and the debrief show the same card. `testid` prefixes its test ids
 * where a page shows it twice.
 */
export function ballotGap(ballot: BallotConfig, b: BallotRecord, testid = "debrief"): HTMLElement {
  const start = percentages(b.startResults);
  const end = percentages(b.endResults);
  const gap = gapSentences(ballot, b);
  const bar = (pct: number | undefined, cls: string) =>
    h(
      "span",
      { class: `gap-cell ${cls}` },
      h("span", { class: "gap-track" }, h("i", { style: `--w: ${pct ?? 0}%` })),
      h("span", { class: "gap-pct mono" }, pct === undefined ? "–" : t("phone.gap.percent", { share: pct / 100 })),
    );
  const rows = ballot.options.map((option, i) =>
    h(
      "li",
      {},
      h("span", { class: "gap-option" }, option),
      bar(b.startResults.length ? start[i] : undefined, "start"),
      bar(b.endResults.length ? end[i] : undefined, "end"),
    ),
  );
  const most = Math.max(1, ...b.approvedPosts.map((a, i) => a + (b.opinionPosts[i] ?? 0)));
  const rounds = b.approvedPosts.map((a, i) => {
    const o = b.opinionPosts[i] ?? 0;
    return h(
      "li",
      { title: t("phone.gap.round-title", { round: i + 1, approved: a, opinions: o }) },
      h(
        "span",
        { class: "col-stack", style: `--h: ${(100 * (a + o)) / most}%` },
        h("i", { class: "opinion", style: `--h: ${a + o ? (100 * o) / (a + o) : 0}%` }),
      ),
      h("small", {}, t("phone.gap.round-short", { round: i + 1 })),
    );
  });
  return h(
    "section",
    { class: "gap-card", testid: `${testid}-gap` },
    h("h3", {}, t("phone.gap.title")),
    h("p", { class: "gap-question" }, ballot.question),
    h("div", { class: "gap-legend" }, h("span", { class: "key start" }, t("phone.gap.before")), h("span", { class: "key end" }, t("phone.gap.after"))),
    h("ol", { class: "gap-rows" }, ...rows),
    h("p", { class: "gap-line", testid: `${testid}-private` }, gap.private),
    h(
      "div",
      { class: "gap-public" },
      h("ol", { class: "post-cols", "aria-hidden": "true" }, ...rounds),
      h("p", { class: "gap-line", testid: `${testid}-public` }, gap.public),
    ),
  );
}
