import type { BallotStage } from "../../../shared/rules/state.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { type MessageKey, t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

const WHEN: Record<BallotStage, MessageKey> = { start: "phone.ballot.kicker-start", end: "phone.ballot.kicker-end" };

/**
 * The secret ballot: the scenario's private question, when its stage is open and I have not
 * answered it. Screens only ever show the totals, after the game.
 */
export function ballotCard(model: ClassroomModel, send: (stage: BallotStage, answer: number) => void) {
  const kicker = h("div", { class: "ballot-kicker" });
  const question = h("p", { class: "ballot-question", testid: "ballot-question" });
  const options = h("div", { class: "ballot-options", role: "radiogroup", "aria-label": t("phone.ballot.options-label") });
  const submit = h("button", { class: "btn btn-primary", type: "submit", testid: "ballot-submit", disabled: true }, t("phone.ballot.submit"));
  const form = h("form", { class: "ballot-form" }, options, submit, h("p", { class: "ballot-note" }, t("phone.ballot.note")));
  const el = h("section", { class: "ballot-card", "aria-label": t("phone.ballot.label"), testid: "ballot-card", hidden: true }, kicker, question, form);
  let builtFor = "";
  let sending: BallotStage | "" = "";

  const build = (stage: BallotStage) => {
    const ballot = model.config.ballot;
    builtFor = `${stage}|${ballot?.question}`;
    submit.disabled = true;
    setText(submit, t("phone.ballot.submit"));
    setText(kicker, t(WHEN[stage]));
    setText(question, ballot?.question ?? "");
    options.replaceChildren(
      ...(ballot?.options ?? []).map((text, i) => {
        const input = h("input", { type: "radio", name: "ballot-answer", value: i, testid: `ballot-option-${i}` });
        input.addEventListener("change", () => (submit.disabled = sending !== ""));
        return h("label", { class: "ballot-option" }, input, h("span", {}, text));
      }),
    );
  };

  const due = () => {
    const stage = model.ballotState.open;
    return stage !== "" && model.config.ballot !== null && !model.private.ballotsAnswered.includes(stage);
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const stage = model.ballotState.open;
    const picked = options.querySelector<HTMLInputElement>("input:checked");
    if (!stage || !picked || sending) return;
    sending = stage;
    submit.disabled = true;
    setText(submit, t("phone.ballot.sending"));
    send(stage, Number(picked.value));
  });

  return {
    el,
    /** Whether the question is waiting for me now. */
    due,
    render() {
      const stage = model.ballotState.open;
      el.hidden = !due();
      if (el.hidden || !stage) return;
      if (sending && sending !== stage) sending = "";
      if (builtFor !== `${stage}|${model.config.ballot?.question}`) build(stage);
    },
    /** The server refused the answer (closed meanwhile, or answered from another tab): let the player try again. */
    refused() {
      sending = "";
      setText(submit, t("phone.ballot.submit"));
      submit.disabled = !options.querySelector("input:checked");
    },
  };
}
