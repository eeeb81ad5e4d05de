import type { Rejection } from "../commands.ts";
import type { Turn } from "../effects.ts";
import type { GameState } from "../state.ts";
import type { LiveRule } from "./announce.ts";
import { audit } from "./audit.ts";
import { blacklistShock } from "./blacklist-shock.ts";
import { finalRound } from "./final-round.ts";
import { ruleChange } from "./rule-change.ts";
import { banTopic } from "./topic-ban.ts";
import { visibility } from "./visibility.ts";
import { voteClose, voteOpen } from "./vote.ts";
import type { LiveCommand, LiveOf, LiveType } from "./types.ts";
import { LIVE_TYPES } from "./types.ts";

const LIVE: { [T in LiveType]: LiveRule<LiveOf<T>> } = {
  visibility,
  "rule-change": ruleChange,
  "ban-topic": banTopic,
  audit,
  "blacklist-shock": blacklistShock,
  "vote-open": voteOpen,
  "vote-close": voteClose,
  "final-round": finalRound,
};

export function isLive(c: { type: string }): c is LiveCommand {
  return (LIVE_TYPES as readonly string[]).includes(c.type);
}

export function checkLive(s: GameState, c: LiveCommand): Rejection | undefined {
  return (LIVE[c.type] as LiveRule<LiveCommand>).check(s, c);
}

export function runLive(t: Turn, c: LiveCommand, scheduled: boolean): void {
  (LIVE[c.type] as LiveRule<LiveCommand>).run(t, c, scheduled);
}
