import { phaseTitle } from "../../../shared/debrief/kinds.ts";
import { pollLabels, pollQuestion } from "../../../shared/debrief/polls.ts";
import { PHASES, type DebriefShow, type DebriefStep, type SurveySummary, type SurveyTally } from "../../../shared/debrief/types.ts";
import { t } from "../../../shared/i18n/index.ts";
import { type DebriefWords, say, sayKey } from "../../../shared/text/debrief.ts";
import { ballotGap } from "../../ui/ballot-gap.ts";
import { h } from "../../ui/dom.ts";
import "./debrief.css";

/** One bar as drawn: what it counts, its length (0-1 of the longest) and its number in words. */
interface Row {
  label: string;
  value: number;
  text: string;
}

/** Bars in the DOM, so a screen reader reads each one's label and number. */
function bars(title: string, rows: Row[], testid: string): HTMLElement {
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
  const rows = pollLabels(step.id, step.poll, sayKey).map((label, i) => {
    const n = counts[i] ?? 0;
    return { label, value: n / most, text: total ? t("debrief.view.poll-count", { n, share: n / total }) : t("debrief.view.poll-none", { n: 0 }) };
  });
  return h(
    "section",
    { class: "db-poll", "aria-label": t("debrief.view.poll-label"), testid: "debrief-poll" },
    h("h3", {}, t("debrief.view.on-your-phone")),
    h("p", { class: "db-poll-q" }, pollQuestion(step.id, sayKey)),
    bars(t("debrief.view.answers-so-far", { n: total }), rows, "debrief-poll-chart"),
  );
}

function pct(part: number, whole: number): string {
  return whole ? t("debrief.share-of", { share: part / whole, part, whole }) : t("debrief.view.no-answers");
}

function mean(tally: SurveyTally): string {
  return tally.confidence === null ? "–" : t("debrief.view.mean", { mean: tally.confidence });
}

/** A question of the scenario's before and after, in this screen's words of the scenario (the summary has the server's). */
function surveyQuestion(words: DebriefWords, id: string, fallback: string): string {
  return words.scenario?.survey?.find((q) => q.id === id)?.question ?? fallback;
}

/** The class before and after: per scored question the share who chose right, per question the mean confidence. */
function surveyCharts(summary: SurveySummary, words: DebriefWords): HTMLElement {
  const scored = summary.questions.filter((q) => q.scored);
  return h(
    "div",
    { class: "db-survey", testid: "debrief-survey" },
    ...scored.map((q) =>
      bars(
        surveyQuestion(words, q.id, q.question),
        [
          { label: t("debrief.view.before"), value: q.before.answers ? q.before.correct / q.before.answers : 0, text: pct(q.before.correct, q.before.answers) },
          { label: t("debrief.view.after"), value: q.after.answers ? q.after.correct / q.after.answers : 0, text: pct(q.after.correct, q.after.answers) },
        ],
        `survey-${q.id}`,
      ),
    ),
  );
}

/** Who the comparison holds: how many answered each stage, how many both, and who joined too late to be asked before. */
function surveyWho(summary: SurveySummary): string {
  const first = summary.questions[0];
  const counts = { before: first.before.answers, after: first.after.answers, both: summary.both };
  return summary.late ? t("debrief.view.who-late", { ...counts, late: summary.late }) : t("debrief.view.who", counts);
}

function surveySide(summary: SurveySummary): HTMLElement {
  return h(
    "section",
    { class: "db-poll", "aria-label": t("debrief.view.confidence-label"), testid: "debrief-survey-side" },
    h("h3", {}, t("debrief.view.on-your-phone")),
    h("p", { class: "db-poll-q", testid: "survey-who" }, surveyWho(summary)),
    bars(
      t("debrief.view.confidence"),
      summary.questions.flatMap((q, i) => [
        { label: t("debrief.view.q-before", { n: i + 1 }), value: (q.before.confidence ?? 0) / 5, text: mean(q.before) },
        { label: t("debrief.view.q-after", { n: i + 1 }), value: (q.after.confidence ?? 0) / 5, text: mean(q.after) },
      ]),
      "survey-confidence",
    ),
  );
}

/**
 * The phases this deck goes through, numbered among themselves: a short session's deck may have
 * no step of the first phase, and a strip that lit "2." on "Step 1 of 5" read as a mistake.
 */
function phaseStrip(step: DebriefStep, steps: readonly DebriefStep[]): HTMLElement {
  const phases = PHASES.filter((p) => steps.some((s) => s.phase === p));
  return h(
    "ol",
    { class: "db-phases", "aria-label": t("debrief.view.phases") },
    ...phases.map((p, i) =>
      h(
        "li",
        { class: p === step.phase ? "on" : "", "aria-current": p === step.phase ? "step" : undefined },
        t("debrief.view.phase", { n: i + 1, phase: phaseTitle(p) }),
      ),
    ),
  );
}

function stepBody(step: DebriefStep, words: DebriefWords): HTMLElement {
  const w = (s: Parameters<typeof say>[0]) => say(s, words);
  if (step.id === "close") {
    return h(
      "div",
      { class: "db-close", testid: "debrief-close" },
      h("p", { class: "db-close-head" }, w(step.headline)),
      ...step.lines.map((l) => h("p", {}, w(l))),
      h("p", { class: "db-question" }, w(step.question)),
    );
  }
  const cards = step.cards?.map((c) => ({ grade: c.grade, text: w(c.text) }));
  return h(
    "div",
    { class: "db-main" },
    h("h2", { class: "db-title" }, w(step.title)),
    h("p", { class: "db-question", testid: "debrief-question" }, w(step.question)),
    h("p", { class: "db-headline", testid: "debrief-headline" }, w(step.headline)),
    step.lines.length ? h("ul", { class: "db-lines", testid: "debrief-lines" }, ...step.lines.map((l) => h("li", {}, w(l)))) : null,
    step.chart
      ? bars(
          w(step.chart.title),
          step.chart.bars.map((b) => ({ label: w(b.label), value: b.value, text: w(b.text) })),
          "debrief-chart",
        )
      : null,
    step.gap ? ballotGap(words.ballot ?? step.gap.ballot, step.gap.record, "step") : null,
    cards
      ? h(
          "ul",
          { class: `db-cards${cards.some((c) => c.text.length > 90) ? " with-findings" : ""}`, testid: "debrief-cards" },
          ...cards.map((c) => h("li", { class: `db-grade-${c.grade}` }, h("b", {}, t(`debrief.grade.${c.grade}`)), h("span", {}, c.text))),
        )
      : null,
  );
}

/**
 * The guided debrief as the class sees it: the step's phase, question, reveal and chart, and
 * the class's answers to its poll. No control inside: the host page puts its buttons beside it,
 * and a read-only view (the watch page) can show it as it is.
 */
export function debriefView(words: () => DebriefWords) {
  const el = h("section", { class: "debrief-view", "aria-label": t("debrief.view.label"), "aria-live": "polite", testid: "debrief-view" });
  let drawn = "";
  return {
    el,
    render(show: DebriefShow | undefined) {
      const step = show?.steps.find((s) => s.id === show.current);
      const key = JSON.stringify([step, step && show?.tallies[step.id], step?.id === "learned" && show?.survey, words().scenario?.id]);
      if (key === drawn) return;
      drawn = key;
      el.dataset.step = step?.id ?? "";
      if (!step) return el.replaceChildren();
      el.classList.toggle("with-cards", !!step.cards);
      const survey = step.id === "learned" ? show?.survey : null;
      const body = stepBody(step, words());
      if (survey) body.append(surveyCharts(survey, words()));
      const side = survey ? surveySide(survey) : pollChart(step, show?.tallies[step.id]);
      el.replaceChildren(...(step.id === "close" ? [] : [phaseStrip(step, show?.steps ?? [step])]), body, side ?? h("div", { class: "db-side-empty" }));
    },
  };
}
