import type { ActMessage } from "../../../shared/messages/messages.ts";
import { ACTION_TEXT, actionLabel } from "../../../shared/text/actions.ts";
import { deductionCause } from "../../../shared/text/reasons.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { Deduction } from "../../view/classroom-view.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import { keyedList } from "../../ui/keyed-list.ts";

/** My deductions still open to appeal, newest first, each with its own appeal button. */
export function appealsPanel(model: ClassroomModel, send: (msg: ActMessage) => void) {
  const list = h("ul", { class: "appeals", testid: "appeals" });
  const hint = h("p", { class: "hint" });
  const el = h(
    "section",
    { class: "panel appeals-panel", "aria-label": t("phone.appeals.title"), testid: "appeals-panel", hidden: true },
    h("h2", {}, t("phone.appeals.title")),
    hint,
    list,
  );
  let blocked: string | undefined;

  const rows = keyedList<Deduction>(
    list,
    (d) => String(d.id),
    (d) => {
      const button = h(
        "button",
        { class: "btn appeal-button", type: "button", testid: `appeal-${d.id}` },
        t("phone.appeals.button", { icon: ACTION_TEXT.appeal.icon }),
      );
      button.addEventListener("click", () => {
        button.disabled = true;
        send({ action: "appeal", deduction: d.id });
      });
      return {
        el: h(
          "li",
          { class: "appeal-row" },
          h("span", { class: "appeal-amount mono" }, model.fmtDelta(-d.amount)),
          h("span", { class: "appeal-cause" }, deductionCause(d.rule)),
          button,
        ),
        update() {
          button.disabled = blocked !== undefined;
          button.title = blocked ?? "";
        },
      };
    },
  );

  return {
    el,
    /** `why` is the reason no action can be taken now (between rounds, no points left). */
    render(why: string | undefined) {
      blocked = why;
      const open = [...model.private.deductions].reverse();
      el.hidden = open.length === 0 || !model.config.actions.appeal.enabled;
      const c = model.config;
      setText(hint, t("phone.appeals.hint", { label: actionLabel("appeal", c), chance: c.appealChance, cost: c.actions.appeal.cost }));
      rows(open);
    },
  };
}
