import { type Worded, worded } from "../../shared/messages/worded.ts";
import { KeyedBuckets } from "./buckets.ts";
import type { ServerLimits } from "./limits.ts";

/** A refusal before any room is asked: an HTTP status, a code and a sentence for the person. */
/** A refusal before any room is asked: its English `message`, and the catalog key and params that word it on each screen. */
export interface Refusal extends Worded {
  status: number;
  code: string;
  retryAfterSeconds?: number;
}

const SWEEP_MS = 60_000;

/** Seat requests one address may make at once: a class of 40 typing the code in the same moment, and its typos. */
export const JOIN_BURST = 50;

/** A wait as its sentence's params: seconds below a minute and a half, else whole minutes. */
function waitParams(s: number): { unit: "seconds" | "minutes"; count: number } {
  return s < 90 ? { unit: "seconds", count: Math.max(1, s) } : { unit: "minutes", count: Math.ceil(s / 60) };
}

/**
 * What each client address may still do: create sessions, ask for seats, get a join code
 * wrong. Shared by the HTTP gate (which sees every matchmaking request) and the rooms (which
 * see a client cut off for flooding). Everything is in memory: a restart forgives everyone.
 */
export class AddressGuard {
  private creates: KeyedBuckets;
  private joins: KeyedBuckets;
  private wrongCodes: KeyedBuckets;
  private pausedUntil = new Map<string, number>();
  private sweeper: NodeJS.Timeout;

  constructor(
    readonly limits: ServerLimits,
    private now: () => number = Date.now,
  ) {
    this.creates = new KeyedBuckets(limits.sessionsPerAddressPerHour, limits.sessionsPerAddressPerHour / 3600);
    this.joins = new KeyedBuckets(Math.max(JOIN_BURST, limits.joinsPerAddressPerSecond * 10), limits.joinsPerAddressPerSecond);
    this.wrongCodes = new KeyedBuckets(limits.wrongCodesPerAddressPerMinute, limits.wrongCodesPerAddressPerMinute / 60);
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS).unref();
  }

  /** A new session (or a resume) from `address`: takes one of its sessions for the hour. */
  beforeCreate(address: string): Refusal | undefined {
    const now = this.now();
    if (this.creates.take(address, now)) return undefined;
    const wait = this.creates.secondsUntilToken(address, now);
    return {
      status: 429,
      code: "too-many-sessions",
      ...worded("errors.limit.too-many-sessions", { max: this.limits.sessionsPerAddressPerHour, ...waitParams(wait) }),
      retryAfterSeconds: wait,
    };
  }

  /** The create was refused or failed: it used none of the address' sessions. */
  createFailed(address: string): void {
    this.creates.refund(address, this.now());
  }

  /**
   * A seat request (`joinById`) from `address`: not while it cools down after a flood, nor
   * while its wrong codes are spent, nor faster than its seat requests allow. It reserves a
   * wrong code like any code it names (`beforeCode`).
   */
  beforeJoin(address: string): Refusal | undefined {
    const now = this.now();
    const paused = this.floodPause(address, now, "seat");
    if (paused) return paused;
    if (!this.wrongCodes.has(address, now)) return this.wrongCodesSpent(address, now);
    if (!this.joins.take(address, now)) {
      const wait = this.joins.secondsUntilToken(address, now);
      return {
        status: 429,
        code: "too-many-joins",
        ...worded("errors.limit.too-many-joins", waitParams(wait)),
        retryAfterSeconds: wait,
      };
    }
    this.wrongCodes.take(address, now);
    return undefined;
  }

  /**
   * A return to a seat by reconnection token (`reconnect`, or a WebSocket carrying one). A
   * connection cut for flooding could otherwise come straight back through its token and flood
   * again, in a loop no new-seat pause slows: returns wait out the same pause.
   */
  beforeReconnect(address: string): Refusal | undefined {
    return this.floodPause(address, this.now(), "back");
  }

  private floodPause(address: string, now: number, door: "seat" | "back"): Refusal | undefined {
    const paused = (this.pausedUntil.get(address) ?? 0) - now;
    if (paused <= 0) return undefined;
    const wait = Math.ceil(paused / 1000);
    return {
      status: 429,
      code: "cooling-down",
      ...worded("errors.limit.cooling-down", { door, ...waitParams(wait) }),
      retryAfterSeconds: wait,
    };
  }

  /**
   * Any request that names a join code (a seat request, a reconnection, a resume) reserves one
   * wrong code of the address' allowance up front, so parallel guesses cannot all slip
   * through; `codeAnswered` gives it back unless the code named nothing. Once they are spent,
   * every such request waits, the right code too, so a guesser cannot tell a hit by its answer.
   */
  beforeCode(address: string): Refusal | undefined {
    const now = this.now();
    return this.wrongCodes.take(address, now) ? undefined : this.wrongCodesSpent(address, now);
  }

  private wrongCodesSpent(address: string, now: number): Refusal {
    const wait = this.wrongCodes.secondsUntilToken(address, now);
    return {
      status: 429,
      code: "too-many-wrong-codes",
      ...worded("errors.limit.too-many-wrong-codes", waitParams(wait)),
      retryAfterSeconds: wait,
    };
  }

  /** The answer to a request that reserved a wrong code: `wrongCode` when its code named no session. */
  codeAnswered(address: string, wrongCode: boolean): void {
    if (!wrongCode) this.wrongCodes.refund(address, this.now());
  }

  /** One of the address' connections was cut for flooding: it takes no new seat for a while. */
  flooded(address: string): void {
    this.pausedUntil.set(address, this.now() + this.limits.floodPauseSeconds * 1000);
  }

  sweep(): void {
    const now = this.now();
    this.creates.sweep(now);
    this.joins.sweep(now);
    this.wrongCodes.sweep(now);
    for (const [address, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(address);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
