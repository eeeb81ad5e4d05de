import { z } from "zod";

/** How long a "control from your phone" link opens the controls, unless it is used first. */
export const PHONE_LINK_SECONDS = 120;

/** Facilitator → server: a link for the facilitator's own phone. The screen proves it holds the key; the link never carries it. */
export const phoneLinkMessage = z.strictObject({ hostKey: z.string().min(1).max(200) });

/** A phone opening the controls with the link's token: `joinById(code, { link })`. */
export const linkJoinOptions = z.strictObject({ link: z.string().min(16).max(100) });

/** The join refusal of a link that expired, was used already, or was replaced by a newer one. */
export const LINK_EXPIRED = 4407;

/** The address a link's QR code holds: the page, the session's code, and the one-use token in the fragment, which no server logs. */
export function phoneLinkUrl(origin: string, code: string, token: string): string {
  return `${origin}/host?code=${encodeURIComponent(code)}#link=${encodeURIComponent(token)}`;
}
