import type { SurveyAnswer, SurveyQuestion, SurveyStage } from "../../../shared/debrief/types.ts";
import { t } from "../../../shared/i18n/index.ts";
import type { DebriefWords } from "../../../shared/text/debrief.ts";
import { h, setText } from "../../ui/dom.ts";

/** The confidence scale's named ends; the middle three are their numbers. */
const sureWord = (k: number): string => (k === 1 ? t("debrief.survey.guess") : k === 5 ? t("debrief.survey.certain") : String(k));

/**
 * The scenario's questions on a phone, before round 1 and again after the debrief: a choice and
 * a confidence from 1 to 5 for each. The class's answers are shown only as totals, before beside after.
 */
export function surveyCard(send: (stage: SurveyStage, answers: SurveyAnswer[]) => void, words: () => DebriefWords) {
  const kicker = h("div", { class: "survey-kicker" });
  const fields = h("div", { class: "survey-fields" });
  const submit = h("button", { class: "btn btn-primary", type: "submit", testid: "survey-submit", disabled: true }, t("debrief.survey.send"));
  const form = h("form", { class: "survey-form" }, fields, submit, h("p", { class: "survey-note" }, t("debrief.survey.note")));
  const el = h("section", { class: "survey-card", "aria-label": t("debrief.survey.label"), testid: "survey-card", hidden: true }, kicker, form);
  let built = "";
  let stage: SurveyStage = "before";
  let count = 0;

  const picked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  const complete = () => Array.from({ length: count }, (_, i) => picked(`q${i}`) && picked(`c${i}`)).every(Boolean);
  form.addEventListener("change", () => (submit.disabled = !complete()));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!complete()) return;
    submit.disabled = true;
    setText(submit, t("debrief.survey.sending"));
    send(
      stage,
      Array.from({ length: count }, (_, i) => ({ choice: Number(picked(`q${i}`)!.value), confidence: Number(picked(`c${i}`)!.value) })),
    );
  });

  const build = (sent: SurveyQuestion[]) => {
    // The questions in this phone's words of the scenario, where it has them (the server sends its own).
    const own = words().scenario?.survey ?? [];
    const questions = sent.map((q) => own.find((o) => o.id === q.id && o.options.length === q.options.length) ?? q);
    count = questions.length;
    setText(kicker, t(stage === "before" ? "debrief.survey.kicker-before" : "debrief.survey.kicker-after", { n: questions.length }));
    setText(submit, t("debrief.survey.send"));
    submit.disabled = true;
    fields.replaceChildren(
      ...questions.map((q, i) =>
        h(
          "fieldset",
          { class: "survey-question", testid: `survey-q${i}` },
          h("legend", {}, t("debrief.survey.legend", { n: i + 1, question: q.question })),
          ...q.options.map((o, j) =>
            h("label", { class: "ballot-option" }, h("input", { type: "radio", name: `q${i}`, value: j, testid: `survey-q${i}-${j}` }), h("span", {}, o)),
          ),
          h(
            "div",
            { class: "survey-sure", role: "radiogroup", "aria-label": t("debrief.survey.sure-label") },
            h("span", {}, t("debrief.survey.sure")),
            ...[0, 1, 2, 3, 4].map((k) =>
              h(
                "label",
                { title: sureWord(k + 1), testid: `survey-c${i}-${k + 1}` },
                h("input", { type: "radio", name: `c${i}`, value: k + 1 }),
                h("span", {}, String(k + 1)),
              ),
            ),
          ),
        ),
      ),
    );
  };

  return {
    el,
    /** `pending`: the questions waiting for this player now, or nothing. */
    render(pending: { stage: SurveyStage; questions: SurveyQuestion[] } | undefined) {
      el.hidden = !pending;
      if (!pending) return;
      const key = JSON.stringify(pending);
      if (key === built) return;
      built = key;
      stage = pending.stage;
      build(pending.questions);
    },
    /** The server refused the answers: let the player send them again. */
    refused() {
      setText(submit, t("debrief.survey.send"));
      submit.disabled = !complete();
    },
  };
}
