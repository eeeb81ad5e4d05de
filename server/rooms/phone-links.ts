import { randomBytes, timingSafeEqual } from "node:crypto";
import { PHONE_LINK_SECONDS, type DeviceHint } from "../../shared/messages/phone-link.ts";

interface Link {
  token: string;
  hostKey: string;
  expiresAt: number;
  /** The phone that opened it and waits for a facilitator's answer, if one has. */
  phone?: { sessionId: string; device?: DeviceHint };
}

/** What opening a link's token came to: the phone waits, or it is refused (another phone holds the link, or it is dead). */
export type Opened = "waits" | "held" | "dead";

/**
 * The "control from your phone" link of a session: one at a time, opened once, for
 * PHONE_LINK_SECONDS. The projector draws its token as a QR code, never the host key. The
 * phone that opens it first waits in the room and holds the link (no other phone can use it
 * meanwhile) until a facilitator screen allows it, and only then is handed the key; a refusal,
 * the phone leaving, the link's expiry, a newer link or a new key end it. The key is held here,
 * in memory, only while its link lives: it came from the facilitator screen that asked.
 */
export class PhoneLinks {
  private link: Link | undefined;

  constructor(private now: () => number) {}

  /** A new link replaces the one before it, which no longer opens anything; the phone waiting on that one, if any, is returned to be closed. */
  mint(hostKey: string): { token: string; seconds: number; ended?: string } {
    const ended = this.forget();
    const token = randomBytes(24).toString("base64url");
    this.link = { token, hostKey, expiresAt: this.now() + PHONE_LINK_SECONDS * 1000 };
    return { token, seconds: PHONE_LINK_SECONDS, ...(ended ? { ended } : {}) };
  }

  /** A phone opens the token: it waits if the link is live and nobody holds it. */
  open(token: string, sessionId: string, device?: DeviceHint): Opened {
    const link = this.link;
    if (!link || !sameToken(link.token, token) || link.expiresAt <= this.now()) return "dead";
    if (link.phone) return "held";
    link.phone = { sessionId, ...(device ? { device } : {}) };
    return "waits";
  }

  /** The phone waiting on the link, if one does (for a facilitator screen that joins or comes back). */
  waiting(): { sessionId: string; device?: DeviceHint } | undefined {
    return this.link?.phone;
  }

  /** A facilitator's answer: the waiting phone and the key, the link used up. Undefined when no phone waits. */
  answer(): { sessionId: string; hostKey: string } | undefined {
    const link = this.link;
    if (!link?.phone) return undefined;
    this.link = undefined;
    return { sessionId: link.phone.sessionId, hostKey: link.hostKey };
  }

  /** The waiting phone left: the link is used up all the same (it was opened once). True when it was that phone. */
  left(sessionId: string): boolean {
    if (this.link?.phone?.sessionId !== sessionId) return false;
    this.link = undefined;
    return true;
  }

  /** The link's time is up: it goes, and the phone that waited on it, if any, is returned to be closed. */
  expire(): string | undefined {
    if (!this.link || this.link.expiresAt > this.now()) return undefined;
    return this.forget();
  }

  /** The host key changed (or a newer link came): a link made before opens nothing; its waiting phone, if any, is returned. */
  forget(): string | undefined {
    const waiting = this.link?.phone?.sessionId;
    this.link = undefined;
    return waiting;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
