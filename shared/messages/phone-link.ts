import { t } from "../i18n/index.ts";
import { z } from "zod";

/** How long a "control from your phone" link opens the controls, unless it is used first. */
export const PHONE_LINK_SECONDS = 120;

/** Facilitator → server: a link for the facilitator's own phone. The screen proves it holds the key; the link never carries it. */
export const phoneLinkMessage = z.strictObject({ hostKey: z.string().min(1).max(200) });

/** What kind of device a phone says it is, for the projector's prompt: a hint the phone gives, from a closed list. */
export const DEVICE_HINTS = ["iphone", "ipad", "android-phone", "android-tablet", "computer"] as const;
export type DeviceHint = (typeof DEVICE_HINTS)[number];

/** What the projector says of the phone asking for the controls, from its hint: "It says it is an iPhone." */
export function deviceSentence(device: DeviceHint | undefined): string {
  // ICU's select keys take no hyphen: "android-phone" is android_phone in the catalog.
  return t("errors.device.says", { device: device?.replace("-", "_") ?? "unknown" });
}

/** A phone opening the controls with the link's token: `joinById(code, { link, device? })`. It waits until a facilitator screen allows it. */
export const linkJoinOptions = z.strictObject({ link: z.string().min(16).max(100), device: z.enum(DEVICE_HINTS).optional() });

/** Facilitator → server: the answer to the phone waiting on the link (`answer-phone-link`). */
export const answerPhoneLinkMessage = z.strictObject({ allow: z.boolean() });

/** Why a phone's wait on the link ended without an answer, or the answer it got. */
export type PhoneLinkEnd = "allowed" | "refused" | "left" | "expired" | "replaced";

/** To every facilitator screen: a phone waits on the link (with its hint), or its wait ended and why. */
export type PhoneLinkRequest = { waiting: true; device?: DeviceHint } | { waiting: false; ended: PhoneLinkEnd };

/** The join refusal of a link that expired, was used already, is held by a phone waiting on it, or was replaced by a newer one. */
export const LINK_EXPIRED = 4407;

/** Closes a phone that waited on a link which expired, was replaced or ended by a new host key before anyone answered. */
export const CLOSE_LINK_ENDED = 4022;

/** The address a link's QR code holds: the page, the session's code, and the one-use token in the fragment, which no server logs. */
export function phoneLinkUrl(origin: string, code: string, token: string): string {
  return `${origin}/host?code=${encodeURIComponent(code)}#link=${encodeURIComponent(token)}`;
}
