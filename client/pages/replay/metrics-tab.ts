import { t } from "../../../shared/i18n/index.ts";
import type { RoundMetrics } from "../../../shared/replay/index.ts";
import { h } from "../../ui/dom.ts";
import { answerTarget, auditCard, ballotCard, type AnswerTarget } from "./answers.ts";
import { changedText } from "../../../shared/text/changes.ts";
import { dissentBins, dissentLabel, gapLabel, metricsTable, pct } from "./metrics-table.ts";
import { clockText } from "./score-lines.ts";
import type { Loaded } from "./worker-protocol.ts";

function bars(rows: { label: string; value: number | null; note: string }[]): HTMLElement {
  return h(
    "ul",
    { class: "bars" },
    ...rows.map((r) =>
      h(
        "li",
        {},
        h("span", { class: "bar-label" }, r.label),
        h("span", { class: "bar" }, h("span", { class: "bar-fill", style: `width:${Math.round((r.value ?? 0) * 100)}%` })),
        h("span", { class: "bar-value mono" }, pct(r.value)),
        h("span", { class: "bar-note" }, r.note),
      ),
    ),
  );
}

function card(title: string, explain: string, ...body: (Node | string)[]): HTMLElement {
  return h("section", { class: "panel card" }, h("h2", {}, title), h("p", { class: "explain" }, explain), ...body);
}

/** The scenario's questions, each with a button to the moment or table that answers it in this session. */
function prompts(data: Loaded, answer: (target: AnswerTarget) => void): HTMLElement {
  const scenario = data.config.scenario;
  const items = scenario.debriefPrompts.map((q, i) => {
    const key = scenario.promptAnswers?.[i];
    const target = key ? answerTarget(key, data) : undefined;
    return h(
      "li",
      {},
      h("span", {}, q),
      target
        ? h("button", { class: "btn btn-small answer-link", type: "button", testid: `answer-${key}-link`, onclick: () => answer(target) }, `→ ${target.label}`)
        : "",
    );
  });
  return h(
    "section",
    { class: "panel card prompts", testid: "debrief-prompts" },
    h("h2", {}, t("replay.metrics.questions")),
    h("p", { class: "explain" }, scenario.title),
    h("ol", {}, ...items),
  );
}

/** The debrief metrics of GAME.md: the round-by-round table, the pooled views, the ballot and audits, and the scenario's questions. */
export function metricsTab(data: Loaded, jump: (round: RoundMetrics) => void, answer: (target: AnswerTarget) => void): HTMLElement {
  const m = data.metrics;
  const of = (part: number, whole: number) => t("replay.metric.of", { part, whole });
  const gaps = card(
    t("replay.metrics.gaps.title"),
    t("replay.metrics.gaps.explain"),
    bars(m.unfriending.map((b) => ({ label: gapLabel(b), value: b.rate, note: of(b.unfriended, b.friendships) }))),
  );
  const dissent = card(
    t("replay.metrics.dissent.title"),
    t("replay.metrics.dissent.explain"),
    bars(dissentBins(m.dissent).map((b) => ({ label: dissentLabel(b.k), value: b.probability, note: of(b.dissented, b.players) }))),
  );
  const changes = card(
    t("replay.metrics.changes.title"),
    t("replay.metrics.changes.explain"),
    m.ruleChanges.length === 0
      ? h("p", { class: "muted" }, t("replay.metrics.changes.none"))
      : h(
          "ul",
          { class: "rule-changes" },
          ...m.ruleChanges.map((c) =>
            h(
              "li",
              {},
              h(
                "b",
                {},
                t("replay.metrics.changes.when", { clock: clockText(c.at - data.from), round: c.round, changes: changedText(c.changed, data.config) }),
              ),
              h("span", { class: "mono" }, t("replay.metrics.changes.shares", { before: pct(c.before.approvedShare), after: pct(c.after.approvedShare) })),
            ),
          ),
        ),
  );
  gaps.dataset.answer = "unfriending";
  const ballot = ballotCard(data, "metrics");
  if (ballot) ballot.dataset.answer = "ballot";
  const seek = (at: number) => answer({ tab: "replay", at, label: "" });
  const table = m.rounds.length === 0 ? h("p", { class: "muted" }, t("replay.metrics.no-rounds")) : metricsTable(m.rounds, jump);
  return h(
    "div",
    { class: "metrics-tab scroll-tab" },
    h(
      "div",
      { class: "metrics-top" },
      h(
        "section",
        { class: "panel table-panel", "data-answer": "metrics" },
        h("h2", {}, t("replay.answer.card.metrics"), h("span", { class: "muted" }, t("replay.metrics.table-hint"))),
        h("div", { class: "table-scroll" }, table),
      ),
      prompts(data, answer),
    ),
    ballot || auditCard(data, seek) ? h("div", { class: "metrics-answers" }, ballot, auditCard(data, seek)) : "",
    h("div", { class: "metrics-cards" }, gaps, dissent, changes),
  );
}
