import type { SurveyAnswer, SurveyQuestion, SurveyStage } from "../../../shared/debrief/types.ts";
import { h, setText } from "../../ui/dom.ts";

const WHEN: Record<SurveyStage, string> = { before: "Before the game", after: "After the debrief" };
const SURE = ["A guess", "", "", "", "Sure"];

/**
 * The scenario's questions on a phone, before round 1 and again after the debrief: a choice and
 * a confidence from 1 to 5 for each. The class's answers are shown only as totals, before beside after.
 */
export function surveyCard(send: (stage: SurveyStage, answers: SurveyAnswer[]) => void) {
  const kicker = h("div", { class: "survey-kicker" });
  const fields = h("div", { class: "survey-fields" });
  const submit = h("button", { class: "btn btn-primary", type: "submit", testid: "survey-submit", disabled: true }, "Send my answers");
  const form = h("form", { class: "survey-form" }, fields, submit, h("p", { class: "survey-note" }, "Only the class's totals are shown, before beside after."));
  const el = h("section", { class: "survey-card", "aria-label": "Questions before and after", testid: "survey-card", hidden: true }, kicker, form);
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
    setText(submit, "Sending…");
    send(
      stage,
      Array.from({ length: count }, (_, i) => ({ choice: Number(picked(`q${i}`)!.value), confidence: Number(picked(`c${i}`)!.value) })),
    );
  });

  const build = (questions: SurveyQuestion[]) => {
    count = questions.length;
    setText(kicker, `${WHEN[stage]} · ${questions.length} ${questions.length === 1 ? "question" : "questions"}`);
    setText(submit, "Send my answers");
    submit.disabled = true;
    fields.replaceChildren(
      ...questions.map((q, i) =>
        h(
          "fieldset",
          { class: "survey-question", testid: `survey-q${i}` },
          h("legend", {}, `${i + 1}. ${q.question}`),
          ...q.options.map((o, j) =>
            h("label", { class: "ballot-option" }, h("input", { type: "radio", name: `q${i}`, value: j, testid: `survey-q${i}-${j}` }), h("span", {}, o)),
          ),
          h(
            "div",
            { class: "survey-sure", role: "radiogroup", "aria-label": "How sure are you? 1 is a guess, 5 is sure" },
            h("span", {}, "How sure are you? 1: a guess, 5: sure"),
            ...SURE.map((word, k) =>
              h(
                "label",
                { title: word || String(k + 1), testid: `survey-c${i}-${k + 1}` },
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
      setText(submit, "Send my answers");
      submit.disabled = !complete();
    },
  };
}
