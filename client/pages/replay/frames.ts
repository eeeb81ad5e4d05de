import { apply } from "../../../shared/rules/apply.ts";
import type { GameEvent } from "../../../shared/rules/events.ts";
import { leaderboard, secondsLeft, tierOf, type GameState } from "../../../shared/rules/state.ts";
import { countThroughTime, eventBySeq, rulesAfterCount, scorePointAt, stateAfter, type Replay } from "../../../shared/replay/index.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import type { PlayerInfo } from "../../view/classroom-view.ts";
import { feedRecord } from "../../../shared/text/feed-record.ts";
import type { Frame } from "./worker-protocol.ts";

const RECENT = 14;
const RECENT_SCAN = 600;

/** Events the live feed tells (feedRecord), and the facilitator's settings, which the debrief adds. */
function worthALine(e: GameEvent): boolean {
  return e.type === "settings" || feedRecord(e, 0, true) !== undefined;
}

/**
 * Seeks one recorded world and describes it as a frame. Playing forward applies the few
 * commands since the last frame to the state it holds; any other jump starts from the
 * replay's nearest snapshot. Either way the rules' own `apply` does the work.
 */
export class Cursor {
  private state: GameState;
  private count = 0;
  private sentRules: GameConfig | undefined;

  constructor(private r: Replay) {
    this.state = stateAfter(r, 0);
  }

  frameAt(at: number): Frame {
    const r = this.r;
    const target = countThroughTime(r, at);
    if (target >= this.count && target - this.count < r.snapshotEvery) {
      for (let i = this.count; i < target; i++) apply(this.state, r.log.commands[i].command);
    } else {
      this.state = stateAfter(r, target);
    }
    this.count = target;
    return this.describe(at, r.commandEvents[target]);
  }

  private describe(at: number, eventCount: number): Frame {
    const { r, state: s } = this;
    const lastSeq = eventCount > 0 ? r.events[eventCount - 1].seq : 0;
    const board = leaderboard(s);
    const rules = rulesAfterCount(r, eventCount).config;
    const config = rules === this.sentRules ? undefined : (this.sentRules = rules);
    const players = Object.values(s.players).map((p): PlayerInfo => {
      const point = scorePointAt(r, p.id, lastSeq);
      const e = point && point.rule !== "joined" ? eventBySeq(r, point.event) : undefined;
      const cause = e?.type === "score" ? { delta: e.delta, rule: e.cause.rule, actor: e.cause.actor ?? "", action: e.cause.action ?? "" } : undefined;
      return {
        id: p.id,
        nickname: p.nickname,
        score: p.score,
        tier: tierOf(p.score, s.config),
        blacklisted: p.blacklisted,
        connected: true,
        showsScore: true,
        actionPoints: p.actionPoints,
        joinedAt: p.joinedAt,
        friendCount: s.friends[p.id]?.length ?? 0,
        last: cause ?? { delta: 0, rule: "", actor: "", action: "" },
      };
    });
    const recent: GameEvent[] = [];
    for (let i = eventCount - 1; i >= 0 && i >= eventCount - RECENT_SCAN && recent.length < RECENT; i--) {
      if (worthALine(r.events[i])) recent.push(r.events[i]);
    }
    return {
      at,
      session: {
        code: r.log.meta.code ?? "",
        phase: s.phase,
        paused: s.paused,
        round: s.round,
        rounds: s.config.rounds,
        roundSeconds: s.config.roundSeconds,
        hostConnected: true,
        // The debrief shows every score, whatever the players could see at the time (the
        // timeline marks when that changed).
        visibility: "public",
        locked: s.locked,
        bannedTopics: Object.keys(s.bannedTopics),
      },
      secondsLeft: secondsLeft(s, at),
      players,
      friendships: Object.keys(s.friendships).map((k) => k.split("|") as [string, string]),
      leaderboard: board,
      recent: recent.reverse(),
      visibility: s.visibility,
      ...(config ? { config } : {}),
    };
  }
}
