import type { SoundCues } from "../../ui/sound.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import { h } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** The projector's own display switches, remembered on this device: the device's display settings (larger text, high contrast), and the sound cues on or off. */
export function displayToggles(sound: SoundCues) {
  const mute = h("button", { class: "btn btn-ghost btn-toggle", type: "button", testid: "sound-button" });
  const render = () => {
    mute.setAttribute("aria-pressed", String(sound.on));
    mute.textContent = sound.on ? t("host.display.soundOn") : t("host.display.soundOff");
    mute.title = sound.on ? t("host.display.mute") : t("host.display.unmute");
  };
  mute.addEventListener("click", () => {
    sound.set(!sound.on);
    render();
  });
  // The last cues, on the button, for anyone (or any test) checking what the room heard.
  sound.onPlay(() => (mute.dataset.cues = sound.played.slice(-8).join(" ")));
  render();
  return h("div", { class: "display-toggles", role: "group", "aria-label": t("host.display.label") }, displaySettings(t("host.display.large")), mute);
}
