import { CloseCode, Room, ServerError, type Client } from "@colyseus/core";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import type { ErrorCode, ServerMessages } from "../../shared/messages/messages.ts";
import type { Command, ErrorParams, Rejection } from "../../shared/rules/commands.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";
import type { LogEntry, SessionStore } from "../storage/store.ts";
import { RateLimiter, type MessageLimits } from "./rate-limit.ts";
import { Serial } from "./serial.ts";
import type { SessionLeases } from "./session-leases.ts";
import { stoppedSentence, type StorageStops } from "./storage-stops.ts";
import { type Worded, worded, wordedText } from "../../shared/messages/worded.ts";

export interface RoomDeps {
  store: SessionStore;
  /** How long a dropped player's seat waits for the same connection to come back. */
  reconnectSeconds: number;
  limits: MessageLimits;
  now: () => number;
  /** This process's claims on the sessions it runs, kept in the store. */
  leases: SessionLeases;
  /** Its sessions stopped because their log could not be written. */
  stops: StorageStops;
}

/** How often screens get what changed: the patch, then the messages that follow it. */
export const PATCH_MS = 50;

/** The session log could not be written: the command it carried was never shown to anyone. */
class StorageFailure extends Error {
  constructor(readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** A join while the room stands stopped: the same sentence its screens were sent, in each one's language. */
const STOPPED = wordedText(worded("errors.code.storage-failed"));

/**
 * What makes a room safe to show, whatever game it holds: one queue for everything that
 * changes the game, a log written before anything shows it, patches sent only from that queue
 * once the log is written, private messages in the same socket write as the patch, and a rate
 * limit in front. The classroom's own logic stands on it (classroom-room.ts).
 */
export abstract class LoggedRoom extends Room<{ state: ClassroomState }> {
  declare deps: RoomDeps;

  /** The number of the last command recorded, and its time. */
  protected seq = 0;
  protected lastLoggedAt = 0;
  private limiter!: RateLimiter;
  private serial = new Serial();
  private halted = false;
  /** Commands that came since the last job, not yet applied; see atNextJob. */
  private held: (() => Promise<unknown>)[] = [];
  /** Applied commands not yet in the store; see saveLog. */
  private unsaved: LogEntry[] = [];
  /** What screens may see of those commands, held until the store has them; see whenSaved. */
  private toShow: (() => void)[] = [];

  /** Whatever the subclass sends behind this patch (sendWithPatch, broadcastWithPatch). */
  protected abstract beforePatch(): void;

  /** Starts the rate limit and the patches; the room must hold its state by now. */
  protected startServing(): void {
    // Colyseus counts every frame and hangs up past this; the limiter answers first.
    this.maxMessagesPerSecond = this.deps.limits.disconnectPerSecond;
    this.limiter = new RateLimiter(this.deps.limits);
    // Patches go out from the room's own queue (see patch), after the log is saved. One timer
    // drives the room: every PATCH_MS it ticks the room's clock (for `every`) and queues the
    // patch. It is set before patchRate is null: without it, Colyseus adds a timer of its own
    // that ticks the clock 60 times a second, three wake-ups for every patch.
    this.setTimestep(
      this.onceQueued(() => this.patch()),
      PATCH_MS,
    );
    this.patchRate = null;
  }

  /** A job every `ms` (a multiple of PATCH_MS), queued behind commands like any job. */
  protected every(ms: number, job: () => Promise<void>): void {
    this.clock.setInterval(this.onceQueued(job), ms);
  }

  /** Queues `job` behind the commands, unless it is already waiting: one waiting is enough. */
  private onceQueued(job: () => Promise<void>): () => void {
    let waiting = false;
    return () => {
      if (waiting) return;
      waiting = true;
      this.serially(() => {
        waiting = false;
        return job();
      });
    };
  }

  protected record(cmd: Command): void {
    this.unsaved.push({ seq: ++this.seq, command: cmd });
    this.lastLoggedAt = cmd.at;
  }

  /**
   * Commands go to the store together, in one write, before anything shows their effects:
   * before each patch (which the private messages follow), before a welcome, at the end. So
   * nothing a player was shown can be lost to a crash, and a busy room writes its log 20
   * times a second instead of once per action, which was the largest single cost of an action.
   */
  protected async saveLog(): Promise<void> {
    if (this.unsaved.length > 0) {
      const batch = this.unsaved;
      this.unsaved = [];
      try {
        await this.deps.store.appendMany(this.roomId, batch);
      } catch (err) {
        this.toShow = [];
        throw new StorageFailure(err);
      }
    }
    const shows = this.toShow;
    this.toShow = [];
    for (const show of shows) show();
  }

  /**
   * Runs `show` once the commands applied so far are in the store: whatever a screen could
   * see of them, the synced state included. Colyseus hands a joining or reconnecting screen
   * the whole state whenever its socket is ready, even while a write is awaited, so the state
   * itself may only hold what the log holds. Every job ends by saving (see queued).
   */
  protected whenSaved(show: () => void): void {
    this.toShow.push(show);
  }

  /**
   * What every screen gets, every PATCH_MS, in one socket write per screen: the state's
   * changes (encoded once for all), then what beforePatch queued behind them. Runs in the
   * room's queue, so no command is applied between saving the log and showing it.
   */
  private async patch(): Promise<void> {
    await this.saveLog();
    this.beforePatch();
    this.broadcastPatch();
  }

  /** A message that waits for the patch (at most PATCH_MS) and leaves in the same socket write (frame-once.ts). */
  protected sendWithPatch<K extends keyof ServerMessages>(client: Client, type: K, message: ServerMessages[K]): void {
    client.send(type, message, { afterNextPatch: true });
  }

  /** The same for every screen but `except`: encoded once, sent right behind the patch. */
  protected broadcastWithPatch<K extends keyof ServerMessages>(type: K, message: ServerMessages[K], except: Client[] = []): void {
    this.broadcast(type, message, { afterNextPatch: true, except });
  }

  /** Waits for every queued job; for a room on its way out. */
  protected async settle(): Promise<void> {
    await this.serial.idle();
    if (!this.halted) await this.saveLog().catch((err) => console.error(`Session ${this.roomId}: could not save its last commands: ${err}`));
  }

  /**
   * Runs a job behind the commands queued before it; a failed write stops the room. The held
   * commands are saved before the job starts and the job's own when it ends, so between jobs
   * the room holds nothing the log does not, and a job that shows something (a welcome, a
   * reconnecting screen's messages) shows only what is saved.
   */
  protected async queued<T>(job: () => Promise<T>): Promise<T> {
    try {
      return await this.serial.run(async () => {
        if (this.halted) throw new ServerError(CloseCode.WITH_ERROR, STOPPED);
        try {
          await this.runHeld();
          await this.saveLog();
          return await job();
        } finally {
          await this.saveLog();
        }
      });
    } catch (err) {
      if (!(err instanceof StorageFailure)) throw err;
      this.halt(err);
      throw new ServerError(CloseCode.WITH_ERROR, STOPPED);
    }
  }

  /**
   * Holds a player's or facilitator's command for the room's next job: at the latest the next
   * patch, which runs everything held since the last one together, in the order it came: one
   * queue job for all the actions between two patches instead of one each, a saving measured
   * in docs/PERFORMANCE.md. Nobody waits longer to see a result: that patch shows it either way.
   */
  protected atNextJob(job: () => Promise<unknown>): void {
    this.held.push(job);
  }

  private async runHeld(): Promise<void> {
    while (this.held.length > 0) {
      const jobs = this.held;
      this.held = [];
      for (const job of jobs) {
        try {
          await job();
        } catch (err) {
          // One command's bug refuses that command; a failed write stops the room, in `queued`.
          if (err instanceof StorageFailure) throw err;
          this.logJobError(err);
        }
      }
    }
  }

  protected serially(job: () => Promise<unknown>): void {
    this.queued(job).catch((err) => {
      if (!this.halted) this.logJobError(err);
    });
  }

  private logJobError(err: unknown): void {
    console.error(`Session ${this.roomId}: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  }

  /**
   * The rules' state now holds a command the log does not, so this room must not go on:
   * everyone is disconnected, and the facilitator resumes the session from what was stored.
   */
  private halt(err: StorageFailure): void {
    if (this.halted) return;
    this.halted = true;
    console.error(`Session ${this.roomId} stopped: its log could not be written (${err.message}). Resume it once storage is back.`);
    // Every screen is told why before it is disconnected; the host view tries to resume it.
    const said = stoppedSentence(err.cause);
    this.deps.stops.add(this.roomId, said);
    this.broadcast("error", { code: "storage-failed", message: said.message, about: "session", key: said.key, params: said.params as ErrorParams });
    this.clock.clear();
    this.setTimestep();
    void this.disconnect(CLOSE_CODES.sessionStopped);
  }

  /**
   * Another process took the session over (this one stopped renewing its lease for a while):
   * two rooms must never write one log, so this one stops at once, and its screens join again
   * by code, which finds the session where it runs now.
   */
  protected handOver(): void {
    if (this.halted) return;
    this.halted = true;
    console.error(`Session ${this.roomId} was taken over by another process (this one had not renewed its lease in time); its screens are sent there.`);
    this.clock.clear();
    this.setTimestep();
    void this.disconnect();
  }

  /** A message over the client's rate is answered and dropped before anything else looks at it. */
  protected withinRate(client: Client, about: string): boolean {
    if (this.limiter.take(client.sessionId, performance.now())) return true;
    this.fail(client, about, "rate-limited", "You are sending too fast; wait a moment. Keep it up and you will be disconnected.");
    return false;
  }

  protected forgetRate(client: Client): void {
    this.limiter.forget(client.sessionId);
  }

  /** Answers a message at once: one the room never takes up (too fast, unknown). */
  protected fail(client: Client, about: string, code: ErrorCode, message: string): void {
    this.sendTo(client, "error", { code, message, about: about.slice(0, 40) });
  }

  /**
   * Answers a held command the room has just taken up and turned down: the refusal leaves in
   * the patch's socket write, as a result would have, not in a write of its own.
   */
  protected refuse(client: Client, about: string, code: ErrorCode, message: string | Worded, said?: Pick<Rejection, "reason" | "params">): void {
    const w = typeof message === "string" ? { message } : message;
    const error: ServerMessages["error"] = { code, message: w.message, about: about.slice(0, 40) };
    // A worded sentence (a malformed message's field and problem): its key and params.
    if (w.key) Object.assign(error, w.params ? { key: w.key, params: w.params } : { key: w.key });
    // The rules' own sentence and its names and numbers, so each screen words it in its language.
    if (said) Object.assign(error, said.params ? { reason: said.reason, params: said.params } : { reason: said.reason });
    this.sendWithPatch(client, "error", error);
  }

  protected sendTo<K extends keyof ServerMessages>(client: Client, type: K, message: ServerMessages[K]): void {
    client.send(type, message);
  }
}
