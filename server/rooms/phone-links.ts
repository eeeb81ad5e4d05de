import { randomBytes, timingSafeEqual } from "node:crypto";
import { PHONE_LINK_SECONDS } from "../../shared/messages/phone-link.ts";

interface Link {
  token: string;
  hostKey: string;
  expiresAt: number;
  /** The facilitator screen that asked: told when its link is used. */
  asker: string;
}

/**
 * The "control from your phone" link of a session: one at a time, used once, for
 * PHONE_LINK_SECONDS. The projector draws its token as a QR code, never the host key; the
 * phone that opens it first is handed the key by the server. The key is held here, in memory,
 * only while its link lives: it came from the facilitator screen that asked, which holds it.
 */
export class PhoneLinks {
  private link: Link | undefined;

  constructor(private now: () => number) {}

  /** A new link replaces the one before it, which no longer opens anything. */
  mint(hostKey: string, asker: string): { token: string; seconds: number } {
    const token = randomBytes(24).toString("base64url");
    this.link = { token, hostKey, asker, expiresAt: this.now() + PHONE_LINK_SECONDS * 1000 };
    return { token, seconds: PHONE_LINK_SECONDS };
  }

  /** The host key and the asking screen, once, for the live link's token; undefined for any other, expired or used. */
  redeem(token: string): { hostKey: string; asker: string } | undefined {
    const link = this.link;
    if (!link || !sameToken(link.token, token)) return undefined;
    this.link = undefined;
    return link.expiresAt > this.now() ? { hostKey: link.hostKey, asker: link.asker } : undefined;
  }

  /** The host key changed: a link made with the old one opens nothing. */
  forget(): void {
    this.link = undefined;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
