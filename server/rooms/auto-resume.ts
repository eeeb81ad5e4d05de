import { anyoneJoined } from "../storage/empty-sessions.ts";
import type { SessionStore } from "../storage/store.ts";
import { resumesIn } from "../../shared/messages/auto-resume.ts";
import type { Worded } from "../../shared/messages/worded.ts";
import type { SessionLeases } from "./session-leases.ts";

/**
 * Sessions a crash interrupted whose facilitator chose to let them resume by itself: each is
 * resumed here, paused, once its time after this start has passed, through the same restore
 * and lease as a facilitator's resume (so a cluster never runs one twice, and a facilitator
 * who reopens it first simply wins). Until then, its waiting players are told when.
 */
export class AutoResume {
  private due = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private store: SessionStore,
    private leases: SessionLeases,
    private now: () => number,
  ) {}

  /** The sessions still marked live in the store: read before they are marked interrupted. */
  static async interrupted(store: SessionStore): Promise<string[]> {
    return (await store.list()).filter((s) => s.status === "live").map((s) => s.code);
  }

  /** Schedules each of `codes` whose setting says so, counting from now (the server accepts connections). */
  async schedule(codes: readonly string[]): Promise<void> {
    for (const code of codes) {
      const meta = await this.store.get(code);
      const seconds = meta?.autoResumeSeconds;
      // Nobody joined it: nobody waits for it (empty-sessions.ts deletes it).
      if (seconds === null || seconds === undefined || !(await anyoneJoined(this.store, code))) continue;
      const at = this.now() + seconds * 1000;
      const timer = setTimeout(() => void this.resume(code), seconds * 1000);
      timer.unref();
      this.due.set(code, { at, timer });
    }
    if (this.due.size > 0)
      console.log(`${this.due.size} interrupted session${this.due.size === 1 ? "" : "s"} will resume by themselves, as their facilitators chose.`);
  }

  /** The sentence for a player joining `code` while it waits to resume by itself, or undefined. */
  note(code: string): Worded | undefined {
    const d = this.due.get(code);
    if (!d) return undefined;
    // Its facilitator reopened it first: it runs here, and its players join it as usual.
    if (this.leases.holds(code)) {
      clearTimeout(d.timer);
      this.due.delete(code);
      return undefined;
    }
    return resumesIn(d.at - this.now());
  }

  private async resume(code: string): Promise<void> {
    this.due.delete(code);
    try {
      // Its facilitator reopened it meanwhile and ended it.
      if ((await this.store.get(code))?.endedAt != null || this.leases.holds(code)) return;
      await this.leases.resumeAlone(code);
      console.log(`Session ${code}: resumed by itself after the restart, paused, as its facilitator chose.`);
    } catch (err) {
      // Its facilitator reopened it first, or another process of the cluster did: nothing to do.
      if (!/still running/.test(String(err))) console.error(`Session ${code}: could not resume it by itself: ${err instanceof Error ? err.message : err}`);
    }
  }

  stop(): void {
    for (const d of this.due.values()) clearTimeout(d.timer);
    this.due.clear();
  }
}
