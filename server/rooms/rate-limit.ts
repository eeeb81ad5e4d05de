/** How many messages a client may send before the room answers `rate-limited`, and before it hangs up. */
export interface MessageLimits {
  /** Sustained rate, in messages a second, that is always served. */
  perSecond: number;
  /** Messages that may arrive at once after a quiet spell (a few quick taps). */
  burst: number;
  /** Past this many messages within one second the transport disconnects the client. */
  disconnectPerSecond: number;
}

/**
 * Far above what a person tapping buttons sends (a round gives a few action points; answering
 * a queue of friend requests is the fastest honest burst), far below a script's loop.
 */
export const DEFAULT_LIMITS: MessageLimits = { perSecond: 8, burst: 16, disconnectPerSecond: 40 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per client: a number and a time, refilled lazily when a message arrives,
 * so the cost is one map lookup per message and nothing at all between messages.
 */
export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(private limits: MessageLimits) {}

  /** Takes a token for this client's message; false when the client is over its rate. */
  take(clientId: string, nowMs: number): boolean {
    const { perSecond, burst } = this.limits;
    let b = this.buckets.get(clientId);
    if (!b) {
      b = { tokens: burst, at: nowMs };
      this.buckets.set(clientId, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((nowMs - b.at) * perSecond) / 1000);
    b.at = nowMs;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  forget(clientId: string): void {
    this.buckets.delete(clientId);
  }
}
