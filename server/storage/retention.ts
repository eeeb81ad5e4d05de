import type { SessionStore } from "./store.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * RETENTION_DAYS as a number of days, or undefined when it is unset (sessions are kept until
 * someone deletes them). A value that is not a positive number is an error, not a silent
 * "keep forever": whoever set it meant something.
 */
export function retentionDays(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const days = Number(raw);
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(`RETENTION_DAYS must be a positive number of days (for example 30), not "${raw}".`);
  }
  return days;
}

/** Deletes every session created more than `days` ago, except one still being played. */
export function deleteExpired(store: SessionStore, days: number, now: number): Promise<number> {
  return store.deleteOlderThan(now - days * DAY_MS, now);
}

/**
 * Applies the retention period now and then once a day for as long as the server runs.
 * Returns the function that stops the daily run.
 */
export function keepForDays(store: SessionStore, days: number, report: (deleted: number) => void, now: () => number = Date.now): () => void {
  const run = () => deleteExpired(store, days, now()).then(report, (err: Error) => console.error(`Deleting old sessions failed: ${err.message}`));
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
