interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key (a client address): `capacity` tokens at most, refilled at
 * `perSecond`. A bucket is a number and a time, refilled lazily when asked; full buckets are
 * forgotten on `sweep`, so a stream of one-off addresses cannot grow the map without end.
 */
export class KeyedBuckets {
  private buckets = new Map<string, Bucket>();

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
  ) {}

  private bucket(key: string, nowMs: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.capacity, at: nowMs };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.capacity, b.tokens + ((nowMs - b.at) * this.perSecond) / 1000);
    b.at = nowMs;
    return b;
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  take(key: string, nowMs: number): boolean {
    const b = this.bucket(key, nowMs);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Whether a token is there, without taking it. */
  has(key: string, nowMs: number): boolean {
    return this.bucket(key, nowMs).tokens >= 1;
  }

  /** Takes a token whether or not one is there (the bucket may go below zero: a debt). */
  spend(key: string, nowMs: number, tokens = 1): void {
    this.bucket(key, nowMs).tokens -= tokens;
  }

  /** Gives back a token taken for something that did not happen after all. */
  refund(key: string, nowMs: number): void {
    const b = this.bucket(key, nowMs);
    b.tokens = Math.min(this.capacity, b.tokens + 1);
  }

  /** Seconds until the next token, rounded up; 0 when one is there. */
  secondsUntilToken(key: string, nowMs: number): number {
    const b = this.bucket(key, nowMs);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.perSecond);
  }

  sweep(nowMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((nowMs - b.at) * this.perSecond) / 1000 >= this.capacity) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
