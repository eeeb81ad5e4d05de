import { phaseTitle } from "../../../shared/debrief/kinds.ts";
import { pollLabels, pollQuestion } from "../../../shared/debrief/polls.ts";
import { CLOSING_HEADLINE } from "../../../shared/debrief/real-world.ts";
import type { DebriefMine } from "../../../shared/debrief/types.ts";
import { t } from "../../../shared/i18n/index.ts";
import { type DebriefWords, say, sayKey } from "../../../shared/text/debrief.ts";
import { h, setText } from "../../ui/dom.ts";

/**
 * The phone during the guided debrief: the step on the projector, this player's own side of it
 * (their drop and who caused it, the friends they cut, what they answered in secret) and the
 * step's quick poll. Once the debrief closes it says so and shows no score again.
 */
export function debriefCard(send: (step: string, answer: number) => void, words: () => DebriefWords) {
  const kicker = h("div", { class: "db-kicker", testid: "phone-debrief-phase" });
  const title = h("h2", { class: "db-phone-title", testid: "phone-debrief-title" });
  const question = h("p", { class: "db-phone-question" });
  const mine = h("ul", { class: "db-mine", testid: "phone-debrief-mine", "aria-label": t("debrief.phone.mine-label") });
  const pollQ = h("p", { class: "db-poll-question" });
  const options = h("div", { class: "db-options", role: "group", "aria-label": t("debrief.phone.answer-label") });
  const sent = h("p", { class: "db-sent", testid: "phone-debrief-sent", "aria-live": "polite" });
  const poll = h("section", { class: "db-phone-poll", testid: "phone-debrief-poll" }, pollQ, options, sent);
  const mineHead = h("h3", {}, t("debrief.phone.you"));
  const el = h(
    "section",
    { class: "debrief-card", "aria-label": t("debrief.phone.label"), testid: "phone-debrief", hidden: true },
    kicker,
    title,
    question,
    mineHead,
    mine,
    poll,
  );
  let built = "";

  const render = (m: DebriefMine | undefined) => {
    const following = !!m && (m.step !== null || m.closed);
    el.hidden = !following;
    if (!m || !following) return;
    if (m.closed) {
      el.classList.add("closed");
      setText(kicker, t("debrief.phone.over"));
      setText(title, say(CLOSING_HEADLINE, words()));
      setText(question, t("debrief.phone.thanks"));
      mine.replaceChildren();
      mineHead.hidden = mine.hidden = true;
      poll.hidden = true;
      return;
    }
    const step = m.step!;
    el.classList.remove("closed");
    const w = words();
    setText(kicker, t("debrief.phone.kicker", { phase: phaseTitle(step.phase) }));
    setText(title, say(step.title, w));
    setText(question, say(step.question, w));
    const lines = m.lines;
    mineHead.hidden = mine.hidden = lines === null;
    mine.replaceChildren(...(lines?.length ? lines.map((l) => h("li", {}, say(l, w))) : [h("li", { class: "db-none" }, t("debrief.phone.nothing"))]));
    poll.hidden = !step.poll;
    if (!step.poll) return;
    const key = `${step.id}|${m.answer}`;
    if (key === built) return;
    built = key;
    setText(pollQ, pollQuestion(step.id, sayKey));
    options.classList.toggle("scale", step.poll.kind === "scale");
    options.replaceChildren(
      ...pollLabels(step.id, step.poll, sayKey).map((label, i) =>
        h(
          "button",
          {
            class: `btn db-option${m.answer === i ? " picked" : ""}`,
            type: "button",
            "aria-pressed": String(m.answer === i),
            testid: `poll-option-${i}`,
            onclick: () => send(step.id, i),
          },
          label,
        ),
      ),
    );
    setText(sent, t(m.answer === null ? "debrief.phone.anonymous" : "debrief.phone.counted"));
  };

  return { el, render };
}
