import { CLOSING_HEADLINE } from "../../../shared/debrief/real-world.ts";
import { PHASE_TITLE, type DebriefMine } from "../../../shared/debrief/types.ts";
import { h, setText } from "../../ui/dom.ts";
import { pollLabels } from "../../../shared/debrief/polls.ts";

/**
 * The phone during the guided debrief: the step on the projector, this player's own side of it
 * (their drop and who caused it, the friends they cut, what they answered in secret) and the
 * step's quick poll. Once the debrief closes it says so and shows no score again.
 */
export function debriefCard(send: (step: string, answer: number) => void) {
  const kicker = h("div", { class: "db-kicker", testid: "phone-debrief-phase" });
  const title = h("h2", { class: "db-phone-title", testid: "phone-debrief-title" });
  const question = h("p", { class: "db-phone-question" });
  const mine = h("ul", { class: "db-mine", testid: "phone-debrief-mine", "aria-label": "Your side of it" });
  const pollQ = h("p", { class: "db-poll-question" });
  const options = h("div", { class: "db-options", role: "group", "aria-label": "Your answer" });
  const sent = h("p", { class: "db-sent", testid: "phone-debrief-sent", "aria-live": "polite" });
  const poll = h("section", { class: "db-phone-poll", testid: "phone-debrief-poll" }, pollQ, options, sent);
  const mineHead = h("h3", {}, "You in this step");
  const el = h(
    "section",
    { class: "debrief-card", "aria-label": "Debrief", testid: "phone-debrief", hidden: true },
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
      setText(kicker, "The game is over");
      setText(title, CLOSING_HEADLINE);
      setText(question, "Thank you for playing. Nothing from the game follows you out of this room.");
      mine.replaceChildren();
      mineHead.hidden = mine.hidden = true;
      poll.hidden = true;
      return;
    }
    const step = m.step!;
    el.classList.remove("closed");
    setText(kicker, `Debrief · ${PHASE_TITLE[step.phase]}`);
    setText(title, step.title);
    setText(question, step.question);
    const lines = m.lines;
    mineHead.hidden = mine.hidden = lines === null;
    mine.replaceChildren(
      ...(lines?.length ? lines.map((l) => h("li", {}, l)) : [h("li", { class: "db-none" }, "Nothing of yours here: look at the projector.")]),
    );
    poll.hidden = !step.poll;
    if (!step.poll) return;
    const key = `${step.id}|${m.answer}`;
    if (key === built) return;
    built = key;
    setText(pollQ, step.poll.question);
    options.classList.toggle("scale", step.poll.kind === "scale");
    options.replaceChildren(
      ...pollLabels(step.poll).map((label, i) =>
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
    setText(sent, m.answer === null ? "Your answer is counted on the projector, without your name." : "Answer counted. Tap another to change it.");
  };

  return { el, render };
}
