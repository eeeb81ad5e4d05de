import type { SessionStore } from "./store.ts";

/** Whether anyone ever took a seat: players removed since still make a session worth its debrief. */
export async function anyoneJoined(store: SessionStore, code: string): Promise<boolean> {
  return (await store.commands(code)).some((e) => e.command.kind === "join");
}

/**
 * Deletes the sessions a crash (or a stopped process) left "interrupted" before anyone joined
 * them: there is nothing in them to resume, replay or debrief, and each would hold its join
 * code for ever. A session whose room closes empty is deleted by the room itself
 * (guarded-room.ts); this is for those whose process died first. `running` says whether this
 * process runs one again (its facilitator reopened it); a live lease of another process keeps
 * it too. Returns the codes deleted.
 */
async function dropEmptyInterrupted(store: SessionStore, running: (code: string) => boolean, now = Date.now()): Promise<string[]> {
  const dropped: string[] = [];
  for (const s of await store.list()) {
    if (s.status !== "interrupted" || s.players > 0 || running(s.code)) continue;
    const lease = await store.leaseOf(s.code);
    if ((lease && lease.until >= now) || (await anyoneJoined(store, s.code))) continue;
    // Checked again right before: its facilitator may have reopened it while the log was read.
    if (running(s.code)) continue;
    if (await store.delete(s.code)) dropped.push(s.code);
  }
  return dropped;
}

const HOUR_MS = 3600_000;

/**
 * dropEmptyInterrupted `afterMs` after start-up (time for a facilitator's open screen to reopen
 * its session), then hourly, for sessions of processes that stop later. Returns its stop.
 */
export function sweepEmptyInterrupted(store: SessionStore, running: (code: string) => boolean, afterMs: number): () => void {
  let timer: NodeJS.Timeout;
  const sweep = async () => {
    try {
      const dropped = await dropEmptyInterrupted(store, running);
      if (dropped.length > 0)
        console.log(`Deleted ${dropped.length} interrupted session${dropped.length === 1 ? "" : "s"} nobody had joined (${dropped.join(", ")}).`);
    } catch (err) {
      console.error(`Looking for interrupted sessions nobody joined failed: ${err instanceof Error ? err.message : err}`);
    }
    timer = setTimeout(() => void sweep(), HOUR_MS).unref();
  };
  timer = setTimeout(() => void sweep(), afterMs).unref();
  return () => clearTimeout(timer);
}
