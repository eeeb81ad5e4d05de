import QRCode from "qrcode";
import { phoneLinkUrl, type PhoneLinkEnd } from "../../../shared/messages/phone-link.ts";
import type { Connection } from "../../net/connection.ts";
import { hostKeys } from "../../net/storage.ts";
import { h, setText } from "../../ui/dom.ts";
import "./host-key.css";
import "./host-phone.css";
import { t } from "../../../shared/i18n/index.ts";

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
  const showKey = h("button", { class: "btn btn-ghost", type: "button", testid: "show-host-key" }, t("host.key.show"));
  const qr = h("img", { class: "qr phone-qr", alt: t("host.key.qrAlt"), testid: "phone-qr" });
  const qrNote = h("p", { class: "help" });
  const qrBox = h("figure", { class: "phone-qr-box", hidden: true }, qr, h("figcaption", {}, qrNote));
  const phone = h("button", { class: "btn btn-ghost", type: "button", testid: "phone-control" }, t("host.key.phone"));
  const rotate = h("button", { class: "btn btn-danger", type: "button", testid: "rotate-host-key" }, t("host.key.rotate"));
  let qrTimer: ReturnType<typeof setInterval> | undefined;

  const hideKey = () => {
    keyText.hidden = true;
    setText(keyText, "");
    setText(showKey, t("host.key.show"));
  };
  const hideQr = () => {
    clearInterval(qrTimer);
    qrBox.hidden = true;
    qr.removeAttribute("src");
    delete qr.dataset.link;
    setText(phone, t("host.key.phone"));
  };
  showKey.addEventListener("click", () => {
    if (!keyText.hidden) return hideKey();
    const key = hostKeys.get(code());
    if (!key) return setText(status, t("host.key.none"));
    setText(keyText, key);
    keyText.hidden = false;
    setText(showKey, t("host.key.hide"));
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
    setText(phone, t("host.key.hideCode"));
    let left = QR_SECONDS;
    const tick = () => setText(qrNote, t("host.key.qrNote", { seconds: left }));
    tick();
    qrTimer = setInterval(() => (--left <= 0 ? hideQr() : tick()), 1000);
  });
  rotate.addEventListener("click", async () => {
    hideKey();
    hideQr();
    rotate.disabled = true;
    setText(status, t("host.key.changing"));
    await conn.rotateHostKey().then(
      () => setText(status, t("host.key.changed")),
      (err: Error) => setText(status, err.message),
    );
    rotate.disabled = false;
  });

  // A phone opened the link: the code goes at once (nobody else can use it now), and the projector asks (phone-link-prompt.ts).
  const after = {
    allowed: "host.key.after.allowed",
    refused: "host.key.after.refused",
    left: "host.key.after.left",
    expired: "host.key.after.expired",
  } as const satisfies Record<Exclude<PhoneLinkEnd, "replaced">, string>;
  conn.onPhoneLinkRequest((request) => {
    if (request.waiting) return hideQr();
    if (request.ended !== "replaced") setText(status, t(after[request.ended]));
  });

  const el = h(
    "div",
    { class: "key-box" },
    h("b", {}, t("host.key.title")),
    h("p", { class: "help" }, t("host.key.help")),
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
