import { pollLabels } from "../../../shared/debrief/polls.ts";
import { PHASE_TITLE, PHASES, type Bar, type DebriefShow, type DebriefStep, type SurveySummary, type SurveyTally } from "../../../shared/debrief/types.ts";
import { ballotGap } from "../../ui/ballot-gap.ts";
import { h } from "../../ui/dom.ts";
import "./debrief.css";

/** Bars in the DOM, so a screen reader reads each one's label and number. */
function bars(title: string, rows: Bar[], testid: string): HTMLElement {
  return h(
    "figure",
    { class: "db-chart", testid },
    h("figcaption", {}, title),
    h(
      "ul",
      {},
      ...rows.map((b) =>
        h(
          "li",
          { role: "listitem" },
          h("span", { class: "db-bar-label" }, b.label),
          h(
            "span",
            { class: "db-bar-track", "aria-hidden": "true" },
            h("span", { class: "db-bar", style: `width: ${Math.round(100 * Math.max(0, Math.min(1, b.value)))}%` }),
          ),
          h("span", { class: "db-bar-text mono" }, b.text),
        ),
      ),
    ),
  );
}

/** The class's answers to the step's poll, live: one bar per answer with its count and share. */
function pollChart(step: DebriefStep, tally: number[] | undefined): HTMLElement | null {
  if (!step.poll) return null;
  const counts = tally ?? [];
  const total = counts.reduce((a, b) => a + b, 0);
  const most = Math.max(1, ...counts);
  const rows = pollLabels(step.poll).map((label, i) => {
    const n = counts[i] ?? 0;
    return { label, value: n / most, text: total ? `${n} (${Math.round((100 * n) / total)}%)` : "0" };
  });
  return h(
    "section",
    { class: "db-poll", "aria-label": "The class's answers", testid: "debrief-poll" },
    h("h3", {}, "Answer on your phone"),
    h("p", { class: "db-poll-q" }, step.poll.question),
    bars(total === 1 ? "1 answer so far" : `${total} answers so far`, rows, "debrief-poll-chart"),
  );
}

function pct(part: number, whole: number): string {
  return whole ? `${Math.round((100 * part) / whole)}% (${part} of ${whole})` : "no answers yet";
}

function mean(t: SurveyTally): string {
  return t.confidence === null ? "–" : `${t.confidence.toFixed(1)} of 5`;
}

/** The class before and after: per scored question the share who chose right, per question the mean confidence. */
function surveyCharts(summary: SurveySummary): HTMLElement {
  const scored = summary.questions.filter((q) => q.scored);
  return h(
    "div",
    { class: "db-survey", testid: "debrief-survey" },
    ...scored.map((q) =>
      bars(
        q.question,
        [
          { label: "Before", value: q.before.answers ? q.before.correct / q.before.answers : 0, text: pct(q.before.correct, q.before.answers) },
          { label: "After", value: q.after.answers ? q.after.correct / q.after.answers : 0, text: pct(q.after.correct, q.after.answers) },
        ],
        `survey-${q.id}`,
      ),
    ),
  );
}

/** Who the comparison holds: how many answered each stage, how many both, and who joined too late to be asked before. */
function surveyWho(summary: SurveySummary): string {
  const first = summary.questions[0];
  const late = summary.late ? ` ${summary.late} joined late, after round 1 had started: no answers before.` : "";
  return `${first.before.answers} answered before the game, ${first.after.answers} after the debrief; ${summary.both} answered both.${late}`;
}

function surveySide(summary: SurveySummary): HTMLElement {
  return h(
    "section",
    { class: "db-poll", "aria-label": "Confidence before and after", testid: "debrief-survey-side" },
    h("h3", {}, "Answer on your phone"),
    h("p", { class: "db-poll-q", testid: "survey-who" }, surveyWho(summary)),
    bars(
      "Mean confidence (1: a guess, 5: sure)",
      summary.questions.flatMap((q, i) => [
        { label: `Q${i + 1} before`, value: (q.before.confidence ?? 0) / 5, text: mean(q.before) },
        { label: `Q${i + 1} after`, value: (q.after.confidence ?? 0) / 5, text: mean(q.after) },
      ]),
      "survey-confidence",
    ),
  );
}

function phaseStrip(step: DebriefStep): HTMLElement {
  return h(
    "ol",
    { class: "db-phases", "aria-label": "Debrief phases" },
    ...PHASES.map((p, i) =>
      h("li", { class: p === step.phase ? "on" : "", "aria-current": p === step.phase ? "step" : undefined }, `${i + 1}. ${PHASE_TITLE[p]}`),
    ),
  );
}

function stepBody(step: DebriefStep): HTMLElement {
  if (step.id === "close") {
    return h(
      "div",
      { class: "db-close", testid: "debrief-close" },
      h("p", { class: "db-close-head" }, step.headline),
      ...step.lines.map((l) => h("p", {}, l)),
      h("p", { class: "db-question" }, step.question),
    );
  }
  return h(
    "div",
    { class: "db-main" },
    h("h2", { class: "db-title" }, step.title),
    h("p", { class: "db-question", testid: "debrief-question" }, step.question),
    h("p", { class: "db-headline", testid: "debrief-headline" }, step.headline),
    step.lines.length ? h("ul", { class: "db-lines", testid: "debrief-lines" }, ...step.lines.map((l) => h("li", {}, l))) : null,
    step.chart ? bars(step.chart.title, step.chart.bars, "debrief-chart") : null,
    step.gap ? ballotGap(step.gap.ballot, step.gap.record, "step") : null,
    step.cards
      ? h(
          "ul",
          { class: `db-cards${step.cards.some((c) => c.claim.length > 90) ? " with-findings" : ""}`, testid: "debrief-cards" },
          ...step.cards.map((c) => h("li", { class: `db-grade-${c.grade.toLowerCase().replace(/\s+/g, "-")}` }, h("b", {}, c.grade), h("span", {}, c.claim))),
        )
      : null,
  );
}

/**
 * The guided debrief as the class sees it: the step's phase, question, reveal and chart, and
 * the class's answers to its poll. No control inside: the host page puts its buttons beside it,
 * and a read-only view (the watch page) can show it as it is.
 */
export function debriefView() {
  const el = h("section", { class: "debrief-view", "aria-label": "Guided debrief", "aria-live": "polite", testid: "debrief-view" });
  let drawn = "";
  return {
    el,
    render(show: DebriefShow | undefined) {
      const step = show?.steps.find((s) => s.id === show.current);
      const key = JSON.stringify([step, step && show?.tallies[step.id], step?.id === "learned" && show?.survey]);
      if (key === drawn) return;
      drawn = key;
      el.dataset.step = step?.id ?? "";
      if (!step) return el.replaceChildren();
      el.classList.toggle("with-cards", !!step.cards);
      const survey = step.id === "learned" ? show?.survey : null;
      const body = stepBody(step);
      if (survey) body.append(surveyCharts(survey));
      const side = survey ? surveySide(survey) : pollChart(step, show?.tallies[step.id]);
      el.replaceChildren(...(step.id === "close" ? [] : [phaseStrip(step)]), body, side ?? h("div", { class: "db-side-empty" }));
    },
  };
}
