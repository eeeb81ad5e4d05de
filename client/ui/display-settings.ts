import { t } from "../../shared/i18n/index.ts";
import { h } from "./dom.ts";
import "./display-settings.css";

/**
 * The device's display settings, beside the language picker on every page: larger text, and
 * high contrast (black, white and the tier colours at 7:1 or more). Each is remembered on this
 * device; high contrast follows the system's `prefers-contrast: more` until someone chooses.
 * Both are classes on <html>, so every page, the projector's and the replay's included, reads
 * them from one place; the projector scales its own type from them (host.css, replay.css).
 */
const LARGE = "citizen-score:large-text";
const CONTRAST = "citizen-score:high-contrast";
type Setting = "large-text" | "high-contrast";
const KEYS: Record<Setting, string> = { "large-text": LARGE, "high-contrast": CONTRAST };

function stored(key: string): "on" | "off" | null {
  try {
    const v = localStorage.getItem(key);
    return v === "on" || v === "off" ? v : null;
  } catch {
    return null;
  }
}

function remember(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? "on" : "off");
  } catch {
    // Nothing kept: the setting still holds for this visit.
  }
}

const systemContrast = () => typeof matchMedia === "function" && matchMedia("(prefers-contrast: more)").matches;

function isOn(setting: Setting): boolean {
  const kept = stored(KEYS[setting]);
  if (kept) return kept === "on";
  return setting === "high-contrast" && systemContrast();
}

/** Puts this device's settings on the page before anything is drawn (client/main.ts). */
export function applyDisplaySettings(): void {
  const root = document.documentElement;
  root.classList.toggle("large-text", isOn("large-text"));
  root.classList.toggle("high-contrast", isOn("high-contrast"));
  // Until a choice is made here, a change in the system's setting is followed at once.
  if (typeof matchMedia === "function")
    matchMedia("(prefers-contrast: more)").addEventListener("change", () => root.classList.toggle("high-contrast", isOn("high-contrast")));
}

function toggle(setting: Setting, testid: string, label: string, face: string): HTMLButtonElement {
  const root = document.documentElement;
  const button = h("button", { class: "btn btn-ghost btn-toggle display-setting", type: "button", testid }, face);
  button.setAttribute("aria-pressed", String(root.classList.contains(setting)));
  button.setAttribute("aria-label", label);
  button.title = label;
  button.addEventListener("click", () => {
    remember(KEYS[setting], root.classList.toggle(setting));
    // The graph's names and the charts' axes follow the page's type size, measured on resize.
    dispatchEvent(new Event("resize"));
    for (const b of document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`))
      b.setAttribute("aria-pressed", String(root.classList.contains(setting)));
  });
  return button;
}

/** The two switches, for a page's header next to its language picker; a projector names its larger text for a big room (`larger`). */
export function displaySettings(larger = t("a11y.display.larger")): HTMLElement {
  return h(
    "span",
    { class: "display-settings", role: "group", "aria-label": t("a11y.display.group") },
    toggle("large-text", "large-text-button", larger, "Aa"),
    toggle("high-contrast", "high-contrast-button", t("a11y.display.contrast"), "◐"),
  );
}
