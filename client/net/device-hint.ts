import type { DeviceHint } from "../../shared/messages/phone-link.ts";

/**
 * What kind of device this is, from its user agent, for the projector's "A phone asks for the
 * controls" prompt: a hint to help the teacher recognise their own phone, not a proof (any
 * device can claim anything), so the server takes only one of a few words.
 */
export function deviceHint(userAgent: string): DeviceHint | undefined {
  if (/iPhone|iPod/.test(userAgent)) return "iphone";
  if (/iPad/.test(userAgent)) return "ipad";
  if (/Android/.test(userAgent)) return /Mobile/.test(userAgent) ? "android-phone" : "android-tablet";
  if (/Windows|Macintosh|Linux|CrOS/.test(userAgent)) return "computer";
  return undefined;
}
