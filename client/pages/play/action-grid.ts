import type { ActionName } from "../../../shared/rules/config.ts";
import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import type { ActMessage } from "../../../shared/messages/messages.ts";
import { ACTION_TEXT, effectText } from "../../../shared/text/actions.ts";
import { whyNot, type ActorStatus } from "../../../shared/text/availability.ts";
import { h, setText } from "../../ui/dom.ts";

const BAD = new Set<ActionName>(["post-opinion", "buy-games", "default-debt"]);

/** One action button: icon, label, what it does, and, when it cannot be pressed, why. */
export function actionButton(action: ActionName, onPress: (msg: ActMessage) => void, target?: () => string | undefined) {
  const text = ACTION_TEXT[action];
  const why = h("span", { class: "why", id: `why-${action}-${Math.random().toString(36).slice(2, 7)}` });
  const button = h(
    "button",
    { class: `action${BAD.has(action) ? " risky" : ""}`, type: "button", testid: `action-${action}`, "aria-describedby": why.id },
    h("span", { class: "action-icon", "aria-hidden": "true" }, text.icon),
    h("span", { class: "action-label" }, text.label),
    h("span", { class: "action-effect" }, effectText(action, DEFAULT_CONFIG)),
    why,
  );
  button.addEventListener("click", () => {
    const t = target?.();
    onPress(t ? { action, target: t } : { action });
    button.classList.remove("pressed");
    void button.offsetWidth;
    button.classList.add("pressed");
  });
  return {
    el: button,
    /** `shared` is a reason shown once for the whole group; the card then only greys out. */
    update(me: ActorStatus | undefined, shared?: string) {
      const reason = me ? whyNot(action, me, DEFAULT_CONFIG) : "Connecting…";
      button.disabled = reason !== undefined;
      button.title = reason ?? "";
      setText(why, reason === shared ? "" : (reason ?? ""));
    },
  };
}

/** Why no action of cost 1 can be taken now (the phase, a pause, no points left), if so. */
export function sharedReason(me: ActorStatus | undefined): string | undefined {
  return me ? whyNot("volunteer", me, DEFAULT_CONFIG) : "Connecting…";
}

/** The actions a player takes alone, as a grid of cards, with a reason that holds for all of them said once. */
export function actionGrid(actions: readonly ActionName[], onPress: (msg: ActMessage) => void) {
  const buttons = actions.map((a) => actionButton(a, onPress));
  const notice = h("p", { class: "actions-blocked", testid: "actions-blocked", role: "status" });
  const el = h("div", {}, notice, h("div", { class: "action-grid" }, ...buttons.map((b) => b.el)));
  return {
    el,
    update(me: ActorStatus | undefined) {
      const shared = sharedReason(me);
      notice.hidden = !shared;
      setText(notice, shared ?? "");
      for (const b of buttons) b.update(me, shared);
    },
  };
}
