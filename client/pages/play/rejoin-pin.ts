import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import "./rejoin-pin.css";

/**
 * The seat's rejoin PIN on the player's own phone, hidden behind "Show" so a neighbour glancing
 * over does not read it: with the nickname it gets the seat back on any phone once this one has
 * been gone past the grace period.
 */
export function rejoinPin(pin: () => string | undefined): { el: HTMLElement; render: () => void } {
  const value = h("span", { class: "pin-value mono", testid: "rejoin-pin" });
  let shown = false;
  const toggle = h("button", { class: "btn btn-ghost pin-toggle", type: "button", testid: "show-pin", "aria-pressed": "false" });
  const el = h(
    "section",
    { class: "panel pin-card", "aria-label": t("phone.pin.label"), testid: "pin-card" },
    h("div", { class: "pin-row" }, h("span", { class: "pin-label" }, t("phone.pin.title")), value, toggle),
    h("p", { class: "pin-hint" }, t("phone.pin.hint")),
  );
  const render = () => {
    const p = pin();
    el.hidden = !p;
    setText(value, p && shown ? `${p.slice(0, 3)} ${p.slice(3)}` : "••• •••");
    setText(toggle, shown ? t("phone.pin.hide") : t("phone.pin.show"));
    toggle.setAttribute("aria-pressed", String(shown));
  };
  toggle.addEventListener("click", () => {
    shown = !shown;
    render();
  });
  render();
  return { el, render };
}
