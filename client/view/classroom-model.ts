import type { RulesMessage } from "../../shared/messages/messages.ts";
import { currentLocale } from "../../shared/i18n/index.ts";
import { DEFAULT_CONFIG, type GameConfig } from "../../shared/rules/config.ts";
import type { Tier } from "../../shared/rules/state.ts";
import { isScoreVisible } from "../../shared/rules/view.ts";
import { localizeConfig } from "../../shared/scenarios/translations.ts";
import type { FeedEntry } from "../../shared/text/feed.ts";
import type { LiveEntry } from "../../shared/text/live.ts";
import { formatDelta, formatScore } from "../../shared/text/score.ts";
import { isTier } from "../../shared/text/tiers.ts";
import { t } from "../../shared/i18n/index.ts";
import {
  EMPTY_BALLOT,
  EMPTY_PRIVATE,
  EMPTY_SESSION,
  EMPTY_VOTE,
  type BallotInfo,
  type ClassroomView,
  type MyPrivateInfo,
  type PlayerInfo,
  type SessionInfo,
  type VoteInfo,
} from "./classroom-view.ts";

/** A score this screen may show, with its tier. */
export interface Sight {
  score: number;
  tier: Tier;
}

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
  /** The public leaderboard, best first; empty while scores are not public. */
  order: readonly string[] = [];
  private places = new Map<string, number>();
  readonly feedItems: FeedEntry[] = [];
  private: MyPrivateInfo = { ...EMPTY_PRIVATE };
  /** The session's rules as last received; the defaults until then. */
  config: GameConfig = DEFAULT_CONFIG;
  /** Every live event so far, oldest first; the last one is the current banner. */
  readonly live: LiveEntry[] = [];
  voteState: VoteInfo = { ...EMPTY_VOTE };
  ballotState: BallotInfo = { ...EMPTY_BALLOT };
  /** Nicknames of everyone ever seen, so the feed can still name a removed player. */
  private names = new Map<string, string>();
  private subscribers = new Set<Partial<ClassroomView>>();

  subscribe(view: Partial<ClassroomView>): () => void {
    this.subscribers.add(view);
    return () => this.subscribers.delete(view);
  }

  nameOf = (id: string): string => this.names.get(id) ?? t("host.someone");

  /** This player's score and tier as every screen may see them now, or null (shared/rules/view.ts decides). */
  sight(p: PlayerInfo): Sight | null {
    return isScoreVisible(this.info.visibility, p.showsScore) && isTier(p.tier) ? { score: p.score, tier: p.tier } : null;
  }

  /** My own score and tier, or null while scores are hidden (from the private fields of my seat). */
  mySight(): Sight | null {
    const { ownScore, ownTier } = this.private;
    return this.info.visibility !== "hidden" && isTier(ownTier) ? { score: ownScore, tier: ownTier } : null;
  }

  /** A score in the scenario's units ("4.80" for a rating). */
  fmt = (score: number): string => formatScore(score, this.config);
  fmtDelta = (delta: number): string => formatDelta(delta, this.config);

  /** A player's place on the public leaderboard, from 1; 0 while scores are not public. */
  placeOf(id: string): number {
    return this.places.get(id) ?? 0;
  }

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
    this.places.clear();
    this.feedItems.length = 0;
    this.private = { ...EMPTY_PRIVATE };
    this.live.length = 0;
    this.voteState = { ...EMPTY_VOTE };
    this.ballotState = { ...EMPTY_BALLOT };
    // The rules stay: they arrive as a message, not with the state, and a new copy follows a rejoin.
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
    this.places = new Map(ids.map((id, i) => [id, i + 1]));
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

  liveEvent(e: LiveEntry): void {
    const at = this.live.findIndex((x) => x.seq === e.seq);
    if (at >= 0) this.live[at] = e;
    else this.live.push(e);
    this.emit("liveEvent", e);
  }

  vote(v: VoteInfo): void {
    this.voteState = v;
    this.emit("vote", v);
  }

  ballot(b: BallotInfo): void {
    this.ballotState = b;
    this.emit("ballot", b);
  }

  rules(r: RulesMessage): void {
    // Every text function downstream reads the scenario's words in this device's language.
    this.config = localizeConfig({ ...r, schedule: r.schedule ?? [] }, currentLocale());
    this.emit("rules", r);
  }
}
