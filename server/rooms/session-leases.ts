import { matchMaker } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import { ROOM_NAME } from "../../shared/messages/messages.ts";
import { LEASE_MS, type SessionStore, YOUNG_SESSION_MS } from "../storage/store.ts";

/** How often this process renews its leases: three chances before one lapses. */
const RENEW_MS = 2000;
/** Every so often, sessions whose process stopped renewing are marked interrupted in the listing. */
const SWEEP_EVERY = 10;

/** What a room is created with to take over a session: only this process knows `secret`, so no client can send it. */
export interface Adoption {
  adopt: string;
  from: string;
  secret: string;
}

interface Held {
  /** The lease went to another process (this one stalled past LEASE_MS): the room must stop. */
  lost(): void;
}

/**
 * Who runs each live session is recorded in the store, with a lease this process renews for
 * all its rooms in one write every RENEW_MS. The store, not Redis's room list, is what
 * decides whether a session may be resumed, deleted or marked interrupted: Redis may lose its
 * data, and a process killed outright leaves its rooms listed until a health check.
 */
export class SessionLeases {
  private held = new Map<string, Held>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private ticks = 0;
  private adopting = false;
  private roomListDown = false;
  private watching: ReturnType<typeof setInterval> | undefined;
  private readonly secret = randomBytes(24).toString("hex");

  constructor(
    private store: SessionStore,
    private now: () => number,
  ) {}

  /**
   * In a cluster, every RENEW_MS: the sessions still marked live whose process died (its lease
   * lapsed, or it no longer answers the health check) are taken over here, without waiting
   * for their facilitator: their screens, joining again by code, find them within seconds.
   */
  watch(): () => void {
    this.watching ??= setInterval(() => void this.takeOver(), RENEW_MS);
    this.watching.unref();
    return () => clearInterval(this.watching);
  }

  /** The options of a room created here to take a session over, when `options` are those. */
  adoption(options: unknown): Adoption | undefined {
    const o = options as Partial<Adoption> | undefined;
    return typeof o?.adopt === "string" && typeof o.from === "string" && o.secret === this.secret ? (o as Adoption) : undefined;
  }

  private async adopt(code: string, from: string): Promise<void> {
    const options: Adoption = { adopt: code, from, secret: this.secret };
    await matchMaker.handleCreateRoom(ROOM_NAME, options);
    console.log(`Session ${code}: taken over from a stopped process; its screens join it here.`);
  }

  /** Resumes an interrupted session in a room of this process, paused, as its facilitator's resume would (auto-resume.ts). */
  async resumeAlone(code: string): Promise<void> {
    const options: Adoption = { adopt: code, from: "", secret: this.secret };
    await matchMaker.handleCreateRoom(ROOM_NAME, options);
  }

  private async takeOver(): Promise<void> {
    if (this.adopting) return;
    this.adopting = true;
    try {
      const now = this.now();
      const others = await this.store.othersLeases(this.holder);
      const alive = new Map<string, Promise<boolean>>();
      for (const lease of others) {
        if (lease.until >= now) {
          if (!alive.has(lease.holder)) alive.set(lease.holder, this.answers(lease.holder));
          if (await alive.get(lease.holder)) continue;
        }
        await this.adopt(lease.code, lease.holder).catch((err: Error) => {
          // Another survivor took it first, or its log cannot be replayed here: said once, not retried in a loop.
          if (!/still running/.test(err.message)) console.error(`Session ${lease.code}: could not take it over from a stopped process: ${err.message}`);
        });
      }
    } catch (err) {
      console.error(`Looking for sessions of stopped processes failed: ${err instanceof Error ? err.message : err}`);
    } finally {
      this.adopting = false;
    }
  }

  /** This process, as the lease names it: Colyseus' process id, which its health check answers to. */
  get holder(): string {
    return matchMaker.processId;
  }

  /**
   * Takes a session for a room of this process: false while a live process holds it (this
   * one included). A holder whose lease has not lapsed yet but whose process no longer
   * answers Colyseus' health check is dead: its lease is taken at once rather than in LEASE_MS.
   */
  async claim(code: string, deadHolder?: string): Promise<boolean> {
    if (this.held.has(code)) return false;
    const now = this.now();
    if (await this.store.claimLease(code, this.holder, now, now + LEASE_MS)) return true;
    const lease = await this.store.leaseOf(code);
    if (!lease) return this.store.claimLease(code, this.holder, now, now + LEASE_MS);
    if (lease.holder !== deadHolder && (await this.answers(lease.holder))) return false;
    return this.store.claimLease(code, this.holder, this.now(), this.now() + LEASE_MS, lease.holder);
  }

  /** Whether a process answers Colyseus' health check; one that does not is removed from the room list by it. */
  private answers(processId: string): Promise<boolean> {
    return processId === this.holder ? Promise.resolve(true) : matchMaker.healthCheckProcessId(processId).then(Boolean);
  }

  /** A room now runs the session it claimed; its lease is renewed until `release`. */
  keep(code: string, held: Held): void {
    this.held.set(code, held);
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew(), RENEW_MS);
      this.timer.unref();
    }
  }

  /** Whether a room of this process runs the session now. */
  holds(code: string): boolean {
    return this.held.has(code);
  }

  /** The room is gone: true when this process still held the lease (and has let it go). */
  async release(code: string): Promise<boolean> {
    const kept = this.held.delete(code);
    if (this.held.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const lease = await this.store.leaseOf(code);
    if (lease?.holder !== this.holder) return false;
    await this.store.releaseLease(code, this.holder);
    return kept;
  }

  /** Whether a live process holds the session now. */
  async isLive(code: string): Promise<boolean> {
    const lease = await this.store.leaseOf(code);
    return lease !== undefined && lease.until >= this.now();
  }

  private async renew(): Promise<void> {
    const codes = [...this.held.keys()];
    try {
      const now = this.now();
      const still = new Set(await this.store.renewLeases(this.holder, codes, now + LEASE_MS));
      for (const code of codes) if (!still.has(code) && this.held.has(code)) this.held.get(code)!.lost();
      if (++this.ticks % SWEEP_EVERY === 0) await this.store.markInterrupted({ now, createdBefore: now - YOUNG_SESSION_MS });
    } catch (err) {
      console.error(`Renewing this process's session leases failed: ${err instanceof Error ? err.message : err}`);
    }
    await this.relistMissing();
  }

  /**
   * Redis restarted without its data: every room of this process goes back into the room list.
   * While Redis is out of reach this fails every RENEW_MS; that is said once, and once when it is back.
   */
  private async relistMissing(): Promise<void> {
    if (this.held.size === 0) return;
    try {
      await matchMaker.restoreMissingRoomCaches();
      if (this.roomListDown) console.log("Redis is reachable again; this process's sessions are listed there again.");
      this.roomListDown = false;
    } catch (err) {
      if (!this.roomListDown)
        console.error(
          `Redis is out of reach (${err instanceof Error ? err.message : err}); sessions play on, and new joins are told to try again in a few seconds.`,
        );
      this.roomListDown = true;
    }
  }
}
