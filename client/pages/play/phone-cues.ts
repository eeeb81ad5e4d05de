import { soundCues } from "../../ui/sound.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h } from "../../ui/dom.ts";

/**
 * Sound on a phone, off until its player turns it on (thirty phones ticking together would
 * drown the room): a round starting and ending, the last three seconds, and a big drop in
 * the player's own score. The switch is remembered on the phone.
 */
export function phoneCues(model: ClassroomModel, me: () => string) {
  const sound = soundCues(false, "citizen-score:phone-sound");
  const button = h("button", { class: "sound-switch", type: "button", testid: "phone-sound-button" });
  const render = () => {
    button.setAttribute("aria-pressed", String(sound.on));
    button.setAttribute("aria-label", sound.on ? t("phone.sound.on-label") : t("phone.sound.off-label"));
    button.textContent = sound.on ? t("phone.sound.on") : t("phone.sound.off");
  };
  button.addEventListener("click", () => {
    sound.set(!sound.on);
    render();
  });
  render();
  let lastTick = -1;
  const live = () => model.isReady && !model.quiet;
  const off = model.subscribe({
    feed: (item) => {
      if (!live() || item.type !== "phase") return;
      if (item.action === "round-started") sound.play("round-start");
      if (item.action === "round-ended") sound.play("round-end");
    },
    clock: (left) => {
      if (live() && model.info.phase === "round" && !model.info.paused && left >= 1 && left <= 3 && left !== lastTick) sound.play("last-tick");
      lastTick = left;
    },
    playerChanged: (p, before) => {
      const now = model.sight(p);
      const then = model.sight(before);
      const { scoreMin, scoreMax } = model.config;
      if (live() && p.id === me() && now && then && then.score - now.score >= 0.05 * (scoreMax - scoreMin)) sound.play("drop");
    },
  });
  return {
    el: button,
    dispose() {
      off();
      sound.dispose();
    },
  };
}
