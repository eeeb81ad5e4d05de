import { optionNow } from "../../../shared/text/live.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

/**
 * "The top players propose a rule": the form for a player among them (one choice from the
 * scenario's menu, sent once), and the vote's progress for them and for everyone else.
 */
export function voteCard(model: ClassroomModel, send: (option: string) => void) {
  const lede = h("p", { class: "vote-lede" });
  const options = h("div", { class: "vote-options", role: "radiogroup", "aria-label": t("phone.vote.options-label") });
  const submit = h("button", { class: "btn btn-primary vote-submit", type: "submit", testid: "vote-submit", disabled: true }, t("phone.vote.submit"));
  const bar = h("div", { class: "vote-bar" }, h("i", {}));
  const progress = h("p", { class: "vote-progress mono", testid: "vote-progress" });
  const form = h("form", { class: "vote-form" }, options, submit);
  const title = h("h2", {});
  const el = h(
    "section",
    { class: "panel vote-card", "aria-label": t("phone.vote.label"), testid: "vote-card", hidden: true },
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
    setText(submit, t("phone.vote.sending"));
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
      if (status === "eligible" && !sending) setText(submit, t("phone.vote.submit"));
      if (status === "eligible") {
        setText(title, t("phone.vote.eligible-title"));
        setText(lede, t("phone.vote.eligible", { count: v.eligible }));
      } else if (status === "voted") {
        setText(title, t("phone.vote.voted-title"));
        setText(lede, t("phone.vote.voted"));
      } else {
        setText(title, t("phone.vote.watching-title"));
        setText(lede, t("phone.vote.watching", { count: v.eligible }));
      }
      setText(progress, t("phone.vote.progress", { cast: v.cast, eligible: v.eligible }));
      (bar.firstElementChild as HTMLElement).style.width = `${v.eligible ? (100 * v.cast) / v.eligible : 0}%`;
    },
    /** The server refused the vote (it closed meanwhile): the form is usable again while it is open. */
    refused() {
      sending = false;
      setText(submit, t("phone.vote.submit"));
      submit.disabled = !options.querySelector("input:checked");
    },
  };
}
