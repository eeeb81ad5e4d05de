import type { ActionName } from "../../../shared/rules/config.ts";
import type { ActMessage } from "../../../shared/messages/messages.ts";
import { ACTION_TEXT, actionLabel, effectText } from "../../../shared/text/actions.ts";
import { whyNot, type ActorStatus } from "../../../shared/text/availability.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

const BAD = new Set<ActionName>(["post-opinion", "buy-games", "default-debt"]);
let ids = 0;

/**
 * One action button: icon, the scenario's label, what it does under the session's rules, and,
 * when it cannot be pressed, why. An action the scenario leaves out is not shown.
 */
export function actionButton(action: ActionName, model: ClassroomModel, onPress: (msg: ActMessage) => void, target?: () => string | undefined) {
  const why = h("span", { class: "why", id: `why-${action}-${++ids}` });
  const label = h("span", { class: "action-label" });
  const effect = h("span", { class: "action-effect" });
  const button = h(
    "button",
    { class: `action${BAD.has(action) ? " risky" : ""}`, type: "button", testid: `action-${action}`, "aria-describedby": why.id },
    h("span", { class: "action-icon", "aria-hidden": "true" }, ACTION_TEXT[action].icon),
    label,
    effect,
    why,
  );
  button.addEventListener("click", () => {
    const to = target?.();
    onPress(to ? { action, target: to } : { action });
    button.classList.remove("pressed");
    void button.offsetWidth;
    button.classList.add("pressed");
  });
  return {
    el: button,
    /** `shared` is a reason shown once for the whole group; the card then only greys out. */
    update(me: ActorStatus | undefined, shared?: string) {
      const c = model.config;
      setText(label, actionLabel(action, c));
      setText(effect, effectText(action, c));
      button.hidden = !c.actions[action].enabled;
      const reason = me ? whyNot(action, me, c) : t("phone.act.connecting");
      button.disabled = reason !== undefined;
      button.title = reason ?? "";
      setText(why, reason === shared ? "" : (reason ?? ""));
    },
  };
}

/** Why no action of cost 1 can be taken now (the phase, a pause, no points left), if so. */
export function sharedReason(model: ClassroomModel, me: ActorStatus | undefined): string | undefined {
  if (!me) return t("phone.act.connecting");
  // Asked of a plain action of cost 1, whatever the scenario made of "volunteer".
  const plain = { ...model.config.actions.volunteer, enabled: true, cost: 1, blockedWhenBlacklisted: false };
  return whyNot("volunteer", me, { ...model.config, actions: { ...model.config.actions, volunteer: plain } });
}

/** The actions a player takes alone, as a grid of cards, with a reason that holds for all of them said once. */
export function actionGrid(actions: readonly ActionName[], model: ClassroomModel, onPress: (msg: ActMessage) => void) {
  const buttons = actions.map((a) => actionButton(a, model, onPress));
  const notice = h("p", { class: "actions-blocked", testid: "actions-blocked", role: "status" });
  const el = h("div", {}, notice, h("div", { class: "action-grid" }, ...buttons.map((b) => b.el)));
  return {
    el,
    update(me: ActorStatus | undefined) {
      const shared = sharedReason(model, me);
      notice.hidden = !shared;
      setText(notice, shared ?? "");
      for (const b of buttons) b.update(me, shared);
    },
  };
}
