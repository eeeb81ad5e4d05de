import { Protocol, type Room } from "@colyseus/sdk";
import { getRawChangesCallback, type DataChange } from "@colyseus/schema";
import type { RoomProbes } from "./probes.ts";

/** What went wrong, or was refused, across every client of one run. */
export class Tally {
  readonly refused = new Map<string, number>();
  readonly failures = new Map<string, number>();

  refuse(code: string): void {
    this.refused.set(code, (this.refused.get(code) ?? 0) + 1);
  }

  fail(kind: string): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }

  static total(m: ReadonlyMap<string, number>): number {
    let n = 0;
    for (const v of m.values()) n += v;
    return n;
  }
}

/** What @colyseus/schema prints when a client cannot decode what the server sent. */
const DECODE_TROUBLE = /definition mismatch|refId" not found|field not defined|utf8Read|Please report this issue/;

/**
 * Counts the schema decoder's complaints as failures of the run (a screen that cannot decode
 * a patch shows a wrong state) and keeps the SDK's reconnection chatter (a dropped client is
 * already counted) from flooding the output. Returns a function that restores the console.
 */
export function countDecodeErrors(tally: Tally): () => void {
  const { error, warn, info } = console;
  const intercept =
    (original: typeof console.error) =>
    (...args: unknown[]) => {
      const line = typeof args[0] === "string" ? args[0] : "";
      if (DECODE_TROUBLE.test(line)) {
        if (!line.startsWith("Please report")) tally.fail("decode-error");
        return;
      }
      if (line.startsWith("[Colyseus reconnection]")) return;
      original.apply(console, args);
    };
  console.error = intercept(error);
  console.warn = intercept(warn);
  console.info = intercept(info);
  return () => {
    console.error = error;
    console.warn = warn;
    console.info = info;
  };
}

/** How long a sent message may go without any sign that the server handled it. */
const ANSWER_LIMIT_MS = 10_000;
/** A client whose previous message is still unresolved tries again this much later. */
const RETRY_MS = 20;

/**
 * One SDK client of the benchmark, acting like a player: it counts what it receives, reads
 * every decoded change once (one raw-changes hook, no per-field listeners), and acts at
 * exponentially spaced moments, one unresolved message at a time so every score change is
 * matched to the send that caused it.
 */
export abstract class LoadClient {
  room!: Room<any, any>;
  /** The player's id in the room's state; empty for a screen that only watches. */
  id = "";
  bytes = 0;
  patches = 0;
  actions = 0;
  protected inFlightSince: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private leaving = false;

  constructor(
    readonly probes: RoomProbes,
    readonly index: number,
    readonly tally: Tally,
    protected readonly rnd: () => number,
  ) {}

  protected abstract onChanges(changes: DataChange[], at: number): void;
  /** Sends one message when the player can act; returns whether it did. */
  protected abstract actOnce(at: number): boolean;

  protected attach(room: Room<any, any>): void {
    this.room = room;
    const events = room.connection.events;
    const deliver = events.onmessage!;
    events.onmessage = (ev: MessageEvent) => {
      const data = ev.data as ArrayBuffer;
      this.bytes += data.byteLength;
      if (new Uint8Array(data, 0, 1)[0] === Protocol.ROOM_STATE_PATCH) this.patches++;
      deliver(ev);
    };
    const decoder = (room.serializer as unknown as { decoder: Parameters<typeof getRawChangesCallback>[0] }).decoder;
    getRawChangesCallback(decoder, (changes) => this.onChanges(changes, performance.now()));
    room.onDrop(() => this.tally.fail("dropped"));
    room.onLeave(() => {
      if (!this.leaving) this.tally.fail("dropped");
    });
    room.onError(() => this.tally.fail("protocol-error"));
  }

  /** Acts every `meanMs` on average, as independent players do (exponential gaps). */
  play(meanMs: number): void {
    const attempt = () => {
      const now = performance.now();
      if (this.busy()) {
        this.timer = setTimeout(attempt, RETRY_MS);
        return;
      }
      if (this.actOnce(now)) this.actions++;
      this.timer = setTimeout(attempt, -Math.log(1 - this.rnd()) * meanMs);
    };
    this.timer = setTimeout(attempt, this.rnd() * meanMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  protected startAction(at: number, probe: boolean): void {
    this.inFlightSince = at;
    if (probe) this.probes.start(this.id, this.index, at);
  }

  /** The server handled the message; `changedScore` false means no probe can resolve. */
  protected resolveAction(changedScore: boolean): void {
    this.inFlightSince = undefined;
    if (!changedScore) this.probes.cancel(this.id);
  }

  private busy(): boolean {
    return this.inFlightSince !== undefined || this.probes.has(this.id);
  }

  /** A message the server never answered in any visible way is a failure, not a slow action. */
  checkAnswered(now: number): void {
    if (this.inFlightSince !== undefined && now - this.inFlightSince > ANSWER_LIMIT_MS) {
      this.tally.fail("unanswered");
      this.resolveAction(false);
    }
  }

  async leave(): Promise<void> {
    this.stop();
    this.leaving = true;
    await this.room?.leave(true).catch(() => undefined);
  }
}
