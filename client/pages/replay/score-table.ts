import { t } from "../../../shared/i18n/index.ts";
import { tierOf } from "../../../shared/rules/state.ts";
import { tierText } from "../../../shared/text/tiers.ts";
import { h, throttle } from "../../ui/dom.ts";
import { clockText, localScore, scoreAt } from "./score-lines.ts";
import type { Loaded } from "./worker-protocol.ts";

/**
 * The score chart's text equivalent, for a screen reader or a keyboard: one row per player, their
 * score at the end of each round ended by then and at the timeline's time, and the tier that score was in under
 * the rules then in force; the same lines the canvas draws. Folded by default, as the graph's
 * list is; built while open and kept to the timeline at most twice a second.
 */
export function scoreTable(data: Loaded) {
  const body = h("div", { class: "chart-text-body", tabindex: 0, role: "region", "aria-label": t("a11y.chart.open") });
  const el = h("details", { class: "chart-text", testid: "chart-text" }, h("summary", { class: "btn btn-ghost" }, t("a11y.chart.open")), body);
  const names = new Map(data.players.map((p) => [p.id, p.nickname]));
  let at = data.to;

  const cell = (score: number | null) =>
    h("td", { class: score === null ? "muted" : "num mono" }, score === null ? t("a11y.chart.absent") : localScore(score, data.config));
  const draw = () => {
    if (!el.open) return;
    const clock = clockText(at - data.from);
    const rules = [...data.rules].reverse().find((r) => r.at <= at)?.config ?? data.config;
    const rows = data.lines
      .map((line) => ({ line, now: scoreAt(data, line, at) }))
      .sort((a, b) => (b.now ?? Number.NEGATIVE_INFINITY) - (a.now ?? Number.NEGATIVE_INFINITY));
    const ended = data.rounds.filter((r) => r.endAt !== undefined && r.endAt <= at);
    body.replaceChildren(
      h(
        "table",
        { class: "chart-table" },
        h("caption", {}, t("a11y.chart.caption", { clock })),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("a11y.chart.player")),
            ...ended.map((r) => h("th", { scope: "col", class: "num" }, t("a11y.chart.round-end", { round: r.round }))),
            h("th", { scope: "col", class: "num" }, t("a11y.chart.at", { clock })),
            h("th", { scope: "col" }, t("a11y.chart.tier", { clock })),
          ),
        ),
        h(
          "tbody",
          {},
          ...rows.map(({ line, now }) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, names.get(line.id) ?? line.id),
              ...ended.map((r) => cell(scoreAt(data, line, r.endAt!))),
              cell(now),
              h("td", {}, now === null ? t("a11y.chart.absent") : tierText(tierOf(now, rules), rules).name),
            ),
          ),
        ),
      ),
    );
  };
  const soon = throttle(draw, 500);
  el.addEventListener("toggle", draw);
  return {
    el,
    setTime(time: number) {
      at = time;
      soon();
    },
  };
}
