import type { FeedEntry } from "../../shared/text/feed.ts";
import { EMPTY_SESSION, type ClassroomView, type MyPrivateInfo, type PlayerInfo, type SessionInfo } from "./classroom-view.ts";

const FEED_KEPT = 60;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The session as plain data, kept up to date through the view interface and passed on to every
 * subscriber (scenes, panels), which read the snapshot when they start and animate the calls.
 */
export class ClassroomModel implements ClassroomView {
  isReady = false;
  /** The changes now arriving are a jump (a replay's scrub), not moves worth animating. */
  quiet = false;
  info: SessionInfo = { ...EMPTY_SESSION };
  secondsLeft = 0;
  readonly players = new Map<string, PlayerInfo>();
  readonly friendships = new Map<string, [string, string]>();
  readonly friendsOf = new Map<string, Set<string>>();
  order: readonly string[] = [];
  readonly feedItems: FeedEntry[] = [];
  private: MyPrivateInfo = { incomingRequests: [], lookedUpBy: [] };
  /** Nicknames of everyone ever seen, so the feed can still name a removed player. */
  private names = new Map<string, string>();
  private subscribers = new Set<Partial<ClassroomView>>();

  subscribe(view: Partial<ClassroomView>): () => void {
    this.subscribers.add(view);
    return () => this.subscribers.delete(view);
  }

  nameOf = (id: string): string => this.names.get(id) ?? "someone";

  friends(id: string): string[] {
    return [...(this.friendsOf.get(id) ?? [])];
  }

  private emit<K extends keyof ClassroomView>(key: K, ...args: Parameters<ClassroomView[K]>): void {
    for (const s of this.subscribers) (s[key] as ((...a: Parameters<ClassroomView[K]>) => void) | undefined)?.(...args);
  }

  reset(): void {
    this.isReady = false;
    this.info = { ...EMPTY_SESSION };
    this.secondsLeft = 0;
    this.players.clear();
    this.friendships.clear();
    this.friendsOf.clear();
    this.order = [];
    this.feedItems.length = 0;
    this.private = { incomingRequests: [], lookedUpBy: [] };
    this.emit("reset");
  }

  ready(): void {
    this.isReady = true;
    this.emit("ready");
  }

  session(info: SessionInfo): void {
    this.info = info;
    this.emit("session", info);
  }

  clock(secondsLeft: number): void {
    this.secondsLeft = secondsLeft;
    this.emit("clock", secondsLeft);
  }

  playerJoined(p: PlayerInfo): void {
    this.players.set(p.id, p);
    this.names.set(p.id, p.nickname);
    this.emit("playerJoined", p);
  }

  playerChanged(p: PlayerInfo, before: PlayerInfo): void {
    this.players.set(p.id, p);
    this.names.set(p.id, p.nickname);
    this.emit("playerChanged", p, before);
  }

  playerLeft(id: string): void {
    this.players.delete(id);
    this.emit("playerLeft", id);
  }

  friendship(a: string, b: string, on: boolean): void {
    const key = pairKey(a, b);
    if (on) {
      this.friendships.set(key, [a, b]);
      this.adjacent(a).add(b);
      this.adjacent(b).add(a);
    } else {
      this.friendships.delete(key);
      this.friendsOf.get(a)?.delete(b);
      this.friendsOf.get(b)?.delete(a);
    }
    this.emit("friendship", a, b, on);
  }

  private adjacent(a: string): Set<string> {
    let set = this.friendsOf.get(a);
    if (!set) this.friendsOf.set(a, (set = new Set()));
    return set;
  }

  leaderboard(ids: readonly string[]): void {
    this.order = ids;
    this.emit("leaderboard", ids);
  }

  feed(item: FeedEntry): void {
    const last = this.feedItems[this.feedItems.length - 1];
    if (last && item.seq <= last.seq) return;
    this.feedItems.push(item);
    if (this.feedItems.length > FEED_KEPT) this.feedItems.shift();
    this.emit("feed", item);
  }

  mine(info: MyPrivateInfo): void {
    this.private = info;
    this.emit("mine", info);
  }
}
