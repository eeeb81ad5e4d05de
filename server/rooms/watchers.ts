import type { WatcherList } from "../../shared/messages/messages.ts";
import { nicknameKey } from "../../shared/rules/nickname-key.ts";

/**
 * Screens that only watch: the watch view a remote class screen-shares, and observers' phones.
 * They hold no seat and no key, so the rules never hear of them: nothing of theirs is in the
 * log, the leaderboard, the metrics or the export. An observer may give a name, which the lobby
 * lists apart from the players.
 */
export class Watchers {
  private names = new Map<string, string | undefined>();

  add(sessionId: string, name?: string): void {
    this.names.set(sessionId, name);
  }

  /** Whether the connection was watching. */
  remove(sessionId: string): boolean {
    return this.names.delete(sessionId);
  }

  has(sessionId: string): boolean {
    return this.names.has(sessionId);
  }

  ids(): string[] {
    return [...this.names.keys()];
  }

  /** Whether another observer watches under this name (or one that reads the same). */
  nameTaken(name: string): boolean {
    const key = nicknameKey(name);
    return [...this.names.values()].some((n) => n !== undefined && nicknameKey(n) === key);
  }

  /** What the lobby shows: how many watch, and the observers' names, in the order they came. */
  list(): WatcherList {
    const names = [...this.names.values()].filter((n): n is string => n !== undefined);
    return { count: this.names.size, names };
  }
}
