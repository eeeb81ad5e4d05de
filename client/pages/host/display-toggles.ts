import type { SoundCues } from "../../ui/sound.ts";
import { h } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

const LARGE = "citizen-score:large-text";

function remembered(key: string): boolean {
  try {
    return localStorage.getItem(key) === "on";
  } catch {
    return false;
  }
}

function remember(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? "on" : "off");
  } catch {
    // Nothing kept: the switch still holds for this visit.
  }
}

/**
 * Larger text for a big room, on `page` (which scales everything from its font size): one
 * setting for every projector page on this device, the live host's and the debrief replay's.
 */
export function largeTextButton(page: HTMLElement, onChange: () => void = () => {}): HTMLButtonElement {
  const button = h("button", { class: "btn btn-ghost btn-toggle", type: "button", testid: "large-text-button", title: t("host.display.large") }, "Aa");
  const render = () => button.setAttribute("aria-pressed", String(page.classList.contains("large-text")));
  page.classList.toggle("large-text", remembered(LARGE));
  button.addEventListener("click", () => {
    remember(LARGE, page.classList.toggle("large-text"));
    // The graph's names follow the page's type size, measured on resize.
    dispatchEvent(new Event("resize"));
    render();
    onChange();
  });
  render();
  return button;
}

/** The projector's own display switches, remembered on this device: larger text, and the sound cues on or off. */
export function displayToggles(page: HTMLElement, sound: SoundCues) {
  const large = largeTextButton(page);
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
  return h("div", { class: "display-toggles", role: "group", "aria-label": t("host.display.label") }, large, mute);
}
