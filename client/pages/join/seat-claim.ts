import { ADMITTABLE_JOIN_ERRORS, PIN_LENGTH, SEAT_ERRORS } from "../../../shared/messages/seat-codes.ts";
import type { JoinExtras } from "../../net/connection.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import "./seat-claim.css";

/** Refusals a PIN cures: the seat is offline past its grace period, or the PIN was wrong. */
const NEEDS_PIN = new Set<number>([SEAT_ERRORS["seat-needs-pin"], SEAT_ERRORS["wrong-pin"]]);
/** Refusals the facilitator may overrule, or a seat they may give back. */
const ASKABLE = new Set<number>([...ADMITTABLE_JOIN_ERRORS, ...NEEDS_PIN]);

/**
 * What the join form offers after a refusal it can do something about: the rejoin PIN field
 * when a seat waits for its owner, and "ask the facilitator" when a person can say yes.
 */
export function seatClaim(ask: () => void) {
  const pin = h("input", {
    id: "pin",
    testid: "rejoin-pin-input",
    class: "pin-input mono",
    inputmode: "numeric",
    autocomplete: "one-time-code",
    maxlength: PIN_LENGTH,
    pattern: "[0-9]{6}",
    placeholder: t("phone.seat.pin-placeholder", { length: PIN_LENGTH }),
  });
  const pinField = h(
    "div",
    { class: "field", hidden: true },
    h("label", { for: "pin" }, t("phone.seat.pin")),
    pin,
    h("small", { class: "help" }, t("phone.seat.pin-help")),
  );
  const askButton = h("button", { class: "btn btn-ghost", type: "button", testid: "ask-facilitator", hidden: true, onclick: ask }, t("phone.seat.ask"));
  const waiting = h("p", { class: "waiting-note", testid: "waiting-note", role: "status", hidden: true });
  pin.addEventListener("input", () => (pin.value = pin.value.replace(/\D/g, "").slice(0, PIN_LENGTH)));
  return {
    el: h("div", { class: "seat-claim" }, pinField, askButton, waiting),
    /** After a refusal: offer what may cure it. */
    offer(code: number) {
      const needsPin = NEEDS_PIN.has(code);
      pinField.hidden = !needsPin;
      askButton.hidden = !ASKABLE.has(code);
      setText(askButton, needsPin ? t("phone.seat.ask-no-pin") : t("phone.seat.ask-name"));
      if (needsPin) pin.focus();
    },
    /** The PIN to send, once it is whole. */
    extras(): JoinExtras {
      return !pinField.hidden && pin.value.length === PIN_LENGTH ? { pin: pin.value } : {};
    },
    /** `late`: the game had started, so newcomers ask first; the phone did not ask for it and should know why it waits. */
    waiting(on: boolean, late = false) {
      waiting.hidden = !on;
      askButton.hidden = on || askButton.hidden;
      setText(waiting, on ? (late ? t("phone.seat.waiting-late") : t("phone.seat.waiting")) : "");
    },
    reset() {
      pinField.hidden = true;
      askButton.hidden = true;
      pin.value = "";
    },
  };
}
