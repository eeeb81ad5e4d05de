import QRCode from "qrcode";
import { phoneLinkUrl, type PhoneLinkEnd } from "../../../shared/messages/phone-link.ts";
import type { Connection } from "../../net/connection.ts";
import { hostKeys } from "../../net/storage.ts";
import { h, setText } from "../../ui/dom.ts";
import "./host-key.css";
import "./host-phone.css";

/** How long the phone link's QR code stays up: long enough to scan, too short to be photographed at leisure. */
const QR_SECONDS = 60;

/**
 * The host key in Settings, for a projector that shows everything it draws: hidden until "Show
 * on this device" and hidden again on "Hide" or when Settings closes; the phone link's QR code
 * only on demand, until it is used or for QR_SECONDS at most; and a new key, which signs every
 * other facilitator screen out. The QR code holds a one-use token the server made for this
 * link (PHONE_LINK_SECONDS), never the key: a student who photographs it a minute later, or
 * scans it after the teacher did, opens nothing, and one who scans it first only waits for the
 * teacher's Allow on the projector (phone-link-prompt.ts).
 */
export function hostKeyBox(code: () => string, conn: Connection) {
  const keyText = h("code", { class: "host-key mono", testid: "host-key", hidden: true });
  const status = h("p", { class: "help", testid: "host-key-status" });
  const showKey = h("button", { class: "btn btn-ghost", type: "button", testid: "show-host-key" }, "Show on this device");
  const qr = h("img", { class: "qr phone-qr", alt: "QR code that opens the host controls on a phone", testid: "phone-qr" });
  const qrNote = h("p", { class: "help" });
  const qrBox = h("figure", { class: "phone-qr-box", hidden: true }, qr, h("figcaption", {}, qrNote));
  const phone = h("button", { class: "btn btn-ghost", type: "button", testid: "phone-control" }, "Control from your phone");
  const rotate = h("button", { class: "btn btn-danger", type: "button", testid: "rotate-host-key" }, "Change the host key");
  let qrTimer: ReturnType<typeof setInterval> | undefined;

  const hideKey = () => {
    keyText.hidden = true;
    setText(keyText, "");
    setText(showKey, "Show on this device");
  };
  const hideQr = () => {
    clearInterval(qrTimer);
    qrBox.hidden = true;
    qr.removeAttribute("src");
    delete qr.dataset.link;
    setText(phone, "Control from your phone");
  };
  showKey.addEventListener("click", () => {
    if (!keyText.hidden) return hideKey();
    const key = hostKeys.get(code());
    if (!key) return setText(status, "This screen has no host key stored.");
    setText(keyText, key);
    keyText.hidden = false;
    setText(showKey, "Hide");
  });
  phone.addEventListener("click", async () => {
    if (!qrBox.hidden) return hideQr();
    phone.disabled = true;
    const link = await conn.phoneLink().catch((err: Error) => setText(status, err.message));
    phone.disabled = false;
    if (!link) return;
    const url = phoneLinkUrl(location.origin, code(), link.token);
    const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    qr.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    qr.dataset.link = url;
    setText(status, "");
    qrBox.hidden = false;
    setText(phone, "Hide the code");
    let left = QR_SECONDS;
    const tick = () =>
      setText(
        qrNote,
        `Scan it with your own phone, then allow it here: it opens the controls there, once, and this screen keeps the view. It hides in ${left} s.`,
      );
    tick();
    qrTimer = setInterval(() => (--left <= 0 ? hideQr() : tick()), 1000);
  });
  rotate.addEventListener("click", async () => {
    hideKey();
    hideQr();
    rotate.disabled = true;
    setText(status, "Changing the key…");
    await conn.rotateHostKey().then(
      () => setText(status, "The host key is new. Every other facilitator screen was signed out; open them again with the new key (or the phone link)."),
      (err: Error) => setText(status, err.message),
    );
    rotate.disabled = false;
  });

  // A phone opened the link: the code goes at once (nobody else can use it now), and the projector asks (phone-link-prompt.ts).
  const after: Record<PhoneLinkEnd, string> = {
    allowed: "The controls are open on that phone now, and the link opens nothing more.",
    refused: "Refused: that phone got nothing, and the link opens nothing more. Press Control from your phone for a new code.",
    left: "The phone that asked left before you answered; the link opens nothing more.",
    expired: "Nobody answered before the link expired; the phone that asked was turned away.",
    replaced: "",
  };
  conn.onPhoneLinkRequest((request) => {
    if (request.waiting) return hideQr();
    if (request.ended !== "replaced") setText(status, after[request.ended]);
  });

  const el = h(
    "div",
    { class: "key-box" },
    h("b", {}, "Host key"),
    h("p", { class: "help" }, `It controls this session: anyone with it can run the game. It stays hidden here so the projector never shows it.`),
    h("div", { class: "key-row" }, showKey, phone, rotate),
    keyText,
    qrBox,
    status,
  );
  return {
    el,
    /** Settings closed: nothing secret stays drawn. */
    reset() {
      hideKey();
      hideQr();
      setText(status, "");
    },
  };
}

/** What a facilitator screen signed out by a new host key keeps showing: why, and what to do. */
export function signedOutNotice(message: string): HTMLElement {
  return h("p", { class: "signed-out", role: "alert", testid: "signed-out" }, message);
}
