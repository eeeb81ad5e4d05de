import type { RoundMetrics } from "../../../shared/replay/index.ts";
import { h } from "../../ui/dom.ts";
import { answerTarget, auditCard, ballotCard, type AnswerTarget } from "./answers.ts";
import { changedText } from "../../../shared/text/changes.ts";
import { dissentBins, gapLabel, metricsTable, pct } from "./metrics-table.ts";
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
    h("h2", {}, "Questions for the class"),
    h("p", { class: "explain" }, scenario.title),
    h("ol", {}, ...items),
  );
}

/** The debrief metrics of GAME.md: the round-by-round table, the pooled views, the ballot and audits, and the scenario's questions. */
export function metricsTab(data: Loaded, jump: (round: RoundMetrics) => void, answer: (target: AnswerTarget) => void): HTMLElement {
  const m = data.metrics;
  const gaps = card(
    "Unfriending by score gap · all rounds",
    "How often a friendship was cut, by how far apart the two scores were.",
    bars(m.unfriending.map((b) => ({ label: gapLabel(b), value: b.rate, note: `${b.unfriended} of ${b.friendships}` }))),
  );
  const dissent = card(
    "Does dissent spread? · all rounds",
    "The chance of posting an opinion, by how many friends posted one the round before.",
    bars(
      dissentBins(m.dissent).map((b) => ({
        label: b.k === 2 ? "2+ friends posted" : `${b.k} friend${b.k === 1 ? "" : "s"} posted`,
        value: b.probability,
        note: `${b.dissented} of ${b.players}`,
      })),
    ),
  );
  const changes = card(
    "Conformity around each rule change",
    "The approved share of posts over the whole session, before and after each change of the rules.",
    m.ruleChanges.length === 0
      ? h("p", { class: "muted" }, "The rules did not change during this session.")
      : h(
          "ul",
          { class: "rule-changes" },
          ...m.ruleChanges.map((c) =>
            h(
              "li",
              {},
              h("b", {}, `${clockText(c.at - data.from)} · round ${c.round}: `, changedText(c.changed, data.config)),
              h("span", { class: "mono" }, `approved ${pct(c.before.approvedShare)} before → ${pct(c.after.approvedShare)} after`),
            ),
          ),
        ),
  );
  gaps.dataset.answer = "unfriending";
  const ballot = ballotCard(data, "metrics");
  if (ballot) ballot.dataset.answer = "ballot";
  const seek = (at: number) => answer({ tab: "replay", at, label: "" });
  const table = m.rounds.length === 0 ? h("p", { class: "muted" }, "The game never started, so there are no rounds to measure.") : metricsTable(m.rounds, jump);
  return h(
    "div",
    { class: "metrics-tab scroll-tab" },
    h(
      "div",
      { class: "metrics-top" },
      h(
        "section",
        { class: "panel table-panel", "data-answer": "metrics" },
        h("h2", {}, "Round by round", h("span", { class: "muted" }, "hover a number for its counts · click a round to replay it")),
        h("div", { class: "table-scroll" }, table),
      ),
      prompts(data, answer),
    ),
    ballot || auditCard(data, seek) ? h("div", { class: "metrics-answers" }, ballot, auditCard(data, seek)) : "",
    h("div", { class: "metrics-cards" }, gaps, dissent, changes),
  );
}
