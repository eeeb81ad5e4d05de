import { deviceSentence, type PhoneLinkRequest } from "../../../shared/messages/phone-link.ts";
import type { Connection } from "../../net/connection.ts";
import { announce, h, setText } from "../../ui/dom.ts";
import "./phone-link-prompt.css";
import { t } from "../../../shared/i18n/index.ts";

/**
 * "A phone asks for the controls", over everything on every facilitator screen (the Settings
 * dialog that drew the QR code included), while a phone waits on the phone link. The teacher is
 * at the projector, having just shown the code: Allow gives that phone the controls and the key,
 * Refuse turns it away. A student who scanned first is stopped here, not merely reported.
 */
export function phoneLinkPrompt(conn: Connection): { el: HTMLElement; dispose: () => void } {
  const device = h("p", { class: "phone-ask-device", testid: "phone-ask-device" });
  const dialog = h(
    "dialog",
    { class: "dialog phone-ask", testid: "phone-ask", "aria-labelledby": "phone-ask-title" },
    h("h2", { id: "phone-ask-title" }, t("host.phoneAsk.title")),
    device,
    h("p", { class: "phone-ask-help" }, t("host.phoneAsk.help")),
    h(
      "div",
      { class: "dialog-buttons" },
      h("button", { class: "btn btn-ghost", type: "button", testid: "refuse-phone", onclick: () => answer(false) }, t("host.phoneAsk.refuse")),
      h("button", { class: "btn btn-primary", type: "button", testid: "allow-phone", onclick: () => answer(true) }, t("host.phoneAsk.allow")),
    ),
  );
  // Escape would hide the question without answering it: the phone would wait unseen until the link expired.
  dialog.addEventListener("cancel", (e) => e.preventDefault());
  const answer = (allow: boolean) => {
    conn.answerPhoneLink(allow);
    dialog.close();
  };
  const show = (request: PhoneLinkRequest | undefined) => {
    if (!request?.waiting) return dialog.open && dialog.close();
    if (!dialog.isConnected) return;
    setText(device, deviceSentence(request.device));
    if (!dialog.open) dialog.showModal();
    announce(t("host.phoneAsk.announce"));
  };
  // A phone may have been waiting before this screen joined: asked once the page holds the dialog.
  queueMicrotask(() => show(conn.phoneLinkRequest));
  const off = conn.onPhoneLinkRequest(show);
  return {
    el: dialog,
    dispose: () => {
      off();
      if (dialog.open) dialog.close();
    },
  };
}

/** On the phone that opened the link, while it waits: where to look, and that nothing here is needed. */
export function linkWaitingCard(): HTMLElement {
  return h(
    "section",
    { class: "phone-wait", testid: "link-waiting", role: "status" },
    h("h1", {}, t("host.phoneWait.title")),
    h("p", {}, t("host.phoneWait.body")),
  );
}
