import { optionNow } from "../../../shared/text/live.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { h, setText } from "../../ui/dom.ts";

/**
 * "The top players propose a rule": the form for a player among them (one choice from the
 * scenario's menu, sent once), and the vote's progress for them and for everyone else.
 */
export function voteCard(model: ClassroomModel, send: (option: string) => void) {
  const lede = h("p", { class: "vote-lede" });
  const options = h("div", { class: "vote-options", role: "radiogroup", "aria-label": "Rule changes to choose from" });
  const submit = h("button", { class: "btn btn-primary vote-submit", type: "submit", testid: "vote-submit", disabled: true }, "Cast my vote");
  const bar = h("div", { class: "vote-bar" }, h("i", {}));
  const progress = h("p", { class: "vote-progress mono", testid: "vote-progress" });
  const form = h("form", { class: "vote-form" }, options, submit);
  const title = h("h2", {});
  const el = h(
    "section",
    { class: "panel vote-card", "aria-label": "Vote on a new rule", testid: "vote-card", hidden: true },
    title,
    lede,
    form,
    bar,
    progress,
  );
  let builtFor = -1;
  let sending = false;

  const build = () => {
    builtFor = model.voteState.seq;
    sending = false;
    submit.disabled = true;
    options.replaceChildren(
      ...model.voteState.options.map((id) => {
        const input = h("input", { type: "radio", name: "vote-option", value: id, testid: `vote-option-${id}` });
        input.addEventListener("change", () => (submit.disabled = sending));
        const { label, note } = optionNow(id, model.config);
        return h("label", { class: "vote-option" }, input, h("span", {}, label, ...(note ? [h("small", { class: "vote-note" }, ` ${note}`)] : [])));
      }),
    );
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const picked = options.querySelector<HTMLInputElement>("input:checked");
    if (!picked || sending) return;
    sending = true;
    submit.disabled = true;
    setText(submit, "Sending…");
    send(picked.value);
  });

  return {
    el,
    render() {
      const v = model.voteState;
      const status = model.private.voteStatus;
      el.hidden = !v.open;
      if (!v.open) return;
      if (builtFor !== v.seq) build();
      el.dataset.status = status || "watching";
      form.hidden = status !== "eligible";
      if (status === "eligible" && !sending) setText(submit, "Cast my vote");
      if (status === "eligible") {
        setText(title, "Your vote: a new rule");
        setText(
          lede,
          v.eligible === 1
            ? "You have the top score: your choice becomes a rule for everyone."
            : `You are among the top ${v.eligible} players. Choose one change for everyone; the majority wins.`,
        );
      } else if (status === "voted") {
        setText(title, "Your vote is in");
        setText(lede, "It is counted with the others when everyone eligible has voted or the round ends.");
      } else {
        setText(title, "The top players are choosing");
        setText(
          lede,
          v.eligible === 1 ? "The top player is choosing one new rule for everyone." : `The top ${v.eligible} players are choosing one new rule for everyone.`,
        );
      }
      setText(progress, `${v.cast} of ${v.eligible} voted`);
      (bar.firstElementChild as HTMLElement).style.width = `${v.eligible ? (100 * v.cast) / v.eligible : 0}%`;
    },
    /** The server refused the vote (it closed meanwhile): the form is usable again while it is open. */
    refused() {
      sending = false;
      setText(submit, "Cast my vote");
      submit.disabled = !options.querySelector("input:checked");
    },
  };
}
