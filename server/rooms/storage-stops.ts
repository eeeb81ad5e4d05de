import { ServerError } from "@colyseus/core";
import type { SessionStore } from "../storage/store.ts";
import { type Worded, worded, wordedText } from "../../shared/messages/worded.ts";

/** HTTP status and code of a join or resume refused while the session's log cannot be written. */
export const STORAGE_STOPPED_STATUS = 503;
export const STORAGE_STOPPED_CODE = "storage-failed";

/** Why a write failed, as a class may be told it: the kind of trouble, not the server's paths. */
function storageTrouble(cause: unknown): "full" | "locked" | "readonly" | "other" {
  const code = String((cause as { code?: unknown } | undefined)?.code ?? "");
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "53100" || /no space|disk.*full/i.test(message)) return "full";
  if (code.startsWith("SQLITE_BUSY") || code === "SQLITE_LOCKED" || /locked/i.test(message)) return "locked";
  if (code.startsWith("SQLITE_READONLY") || code === "25006") return "readonly";
  return "other";
}

/** What every screen of a session stopped by its store reads, until it runs again: each in its language, from the kind of trouble. */
export function stoppedSentence(cause: unknown): Worded {
  return worded("errors.storage.stopped", { trouble: storageTrouble(cause) });
}

/**
 * The sessions of this process stopped because their log could not be written. While one is
 * here, a phone's join by code is told why (not "waiting for its facilitator"), and its resume
 * first writes a log-sized probe: a store that takes a lease's few bytes but not a log would
 * otherwise let the class in, stop again at its first action, and loop.
 */
export class StorageStops {
  private stopped = new Map<string, Worded>();

  add(code: string, sentence: Worded): void {
    this.stopped.set(code, sentence);
  }

  /** The sentence for a join by `code`, while its session stands stopped by its store. */
  note(code: string): Worded | undefined {
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
      throw new ServerError(STORAGE_STOPPED_STATUS, wordedText(sentence));
    }
  }

  /** The session runs again. */
  resumed(code: string): void {
    this.stopped.delete(code);
  }
}
