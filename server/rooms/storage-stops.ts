import { ServerError } from "@colyseus/core";
import type { SessionStore } from "../storage/store.ts";

/** HTTP status and code of a join or resume refused while the session's log cannot be written. */
export const STORAGE_STOPPED_STATUS = 503;
export const STORAGE_STOPPED_CODE = "storage-failed";

/** Why a write failed, as a class may be told it: the kind of trouble, not the server's paths. */
function storageTrouble(cause: unknown): string {
  const code = String((cause as { code?: unknown } | undefined)?.code ?? "");
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100" || /no space|disk.*full/i.test(message)) return "the server's disk is full";
  if (code.startsWith("SQLITE_BUSY") || code === "SQLITE_LOCKED" || /locked/i.test(message)) return "another program is holding the session database";
  if (code.startsWith("SQLITE_READONLY") || code === "25006") return "the session database has become read-only";
  return "the session database cannot be written right now";
}

/** What every screen of a session stopped by its store reads, until it runs again. */
export function stoppedSentence(cause: unknown): string {
  return `The session stopped because ${storageTrouble(cause)}, so nothing more could be saved. Nothing anyone was shown is lost; it comes back as soon as the facilitator's screen can resume it.`;
}

/**
 * The sessions of this process stopped because their log could not be written. While one is
 * here, a phone's join by code is told why (not "waiting for its facilitator"), and its resume
 * first writes a log-sized probe: a store that takes a lease's few bytes but not a log would
 * otherwise let the class in, stop again at its first action, and loop.
 */
export class StorageStops {
  private stopped = new Map<string, string>();

  add(code: string, sentence: string): void {
    this.stopped.set(code, sentence);
  }

  /** The sentence for a join by `code`, while its session stands stopped by its store. */
  note(code: string): string | undefined {
    return this.stopped.get(code);
  }

  /** Before a resume of `code`: refuses, with the reason as it stands now, while the store still cannot take a log. */
  async checkBeforeResume(code: string, store: SessionStore): Promise<void> {
    if (!this.stopped.has(code)) return;
    try {
      await store.probeWrite();
    } catch (err) {
      const sentence = stoppedSentence(err);
      this.stopped.set(code, sentence);
      throw new ServerError(STORAGE_STOPPED_STATUS, sentence);
    }
  }

  /** The session runs again. */
  resumed(code: string): void {
    this.stopped.delete(code);
  }
}
