import { Callbacks, type Room } from "@colyseus/sdk";
import type { Visibility } from "../../shared/rules/live/types.ts";
import type { BallotStage, Phase, Tier } from "../../shared/rules/state.ts";
import type { BallotState, ClassroomState, FeedItem, LiveEventItem, PlayerState, VoteState } from "../../shared/schema/classroom-state.ts";
import type { LiveEntry } from "../../shared/text/live.ts";
import type { BallotInfo, ClassroomView, MyPrivateInfo, PlayerInfo, SessionInfo, VoteInfo } from "../view/classroom-view.ts";

export type ClassroomRoom = Room<any, ClassroomState>;

function playerInfo(p: PlayerState): PlayerInfo {
  return {
    id: p.id,
    nickname: p.nickname,
    score: p.score,
    tier: p.tier as Tier | "",
    blacklisted: p.blacklisted,
    connected: p.connected,
    actionPoints: p.actionPoints,
    rank: p.rank,
    friendCount: p.friendCount,
    showsScore: p.showsScore,
    last: { delta: p.lastDelta, rule: p.lastRule, actor: p.lastActor, action: p.lastAction },
    ...(p.hostScore === undefined ? {} : { hostScore: p.hostScore }),
  };
}

function mineOf(p: PlayerState): MyPrivateInfo {
  return {
    incomingRequests: [...(p.incomingRequests ?? [])],
    lookedUpBy: [...(p.lookedUpBy ?? [])],
    ownScore: p.ownScore ?? 0,
    ownTier: (p.ownTier ?? "") as Tier | "",
    voteStatus: (p.voteStatus ?? "") as MyPrivateInfo["voteStatus"],
    ballotsAnswered: [...(p.ballotsAnswered ?? [])] as BallotStage[],
    deductions: [...(p.deductions ?? [])].map((d) => ({ id: d.id, amount: d.amount, rule: d.rule })),
  };
}

function liveEntry(e: LiveEventItem): LiveEntry {
  return {
    seq: e.seq,
    at: e.at,
    round: e.round,
    kind: e.kind,
    scheduled: e.scheduled,
    setting: e.setting,
    before: e.before,
    after: e.after,
    topic: e.topic,
    option: e.option,
    amount: e.amount,
    retroactive: e.retroactive,
    count: e.count,
    players: [...e.players],
    options: [...e.options],
    tally: [...e.tally],
    revealed: e.revealed,
  };
}

function voteInfo(v: VoteState | undefined): VoteInfo {
  return { open: v?.open ?? false, seq: v?.seq ?? 0, options: [...(v?.options ?? [])], eligible: v?.eligible ?? 0, cast: v?.cast ?? 0 };
}

function ballotInfo(b: BallotState | undefined): BallotInfo {
  return {
    open: (b?.open ?? "") as BallotInfo["open"],
    startAnswers: b?.startAnswers ?? 0,
    endAnswers: b?.endAnswers ?? 0,
    startResults: [...(b?.startResults ?? [])],
    endResults: [...(b?.endResults ?? [])],
    approvedPosts: [...(b?.approvedPosts ?? [])],
    opinionPosts: [...(b?.opinionPosts ?? [])],
  };
}

function sessionInfo(s: ClassroomState): SessionInfo {
  return {
    code: s.code,
    phase: (s.phase || "lobby") as Phase,
    paused: s.paused,
    round: s.round,
    rounds: s.rounds,
    roundSeconds: s.roundSeconds,
    hostConnected: s.hostConnected,
    visibility: (s.visibility || "public") as Visibility,
    locked: s.locked,
    bannedTopics: [...(s.bannedTopics ?? [])],
  };
}

function feedEntry(f: FeedItem) {
  return { seq: f.seq, at: f.at, type: f.type, actor: f.actor, target: f.target, action: f.action, rule: f.rule, delta: f.delta, round: f.round };
}

const SESSION_FIELDS = ["code", "phase", "paused", "round", "rounds", "roundSeconds", "hostConnected", "visibility", "locked"] as const;

/**
 * The only client module that knows the room's schema: it turns state callbacks into calls on
 * a plain view. `me` is the seat whose private fields (requests, lookups, own score, vote,
 * ballot, deductions) this client receives. The `rules` message is not state: the connection
 * passes it on.
 * Returns a function that detaches every callback.
 */
export function bindClassroom(room: ClassroomRoom, view: ClassroomView, me?: string): () => void {
  view.reset();
  const $ = Callbacks.get(room);
  const offs: (() => void)[] = [];
  const known = new Map<string, PlayerInfo>();
  let pending = false;
  let ready = false;

  // Several fields of one patch arrive one callback at a time: tell the view once per patch.
  const later = (fn: () => void) => queueMicrotask(fn);
  const flushSession = () => {
    if (pending) return;
    pending = true;
    later(() => {
      pending = false;
      view.session(sessionInfo(room.state));
    });
  };
  let boardPending = false;
  const flushBoard = () => {
    if (boardPending) return;
    boardPending = true;
    later(() => {
      boardPending = false;
      view.leaderboard([...room.state.leaderboard]);
    });
  };

  function bindMine(p: PlayerState) {
    let queued = false;
    const flush = () => {
      if (queued) return;
      queued = true;
      later(() => {
        queued = false;
        view.mine(mineOf(p));
      });
    };
    for (const list of ["incomingRequests", "lookedUpBy", "ballotsAnswered", "deductions"] as const) {
      offs.push($.onAdd(p, list, flush), $.onRemove(p, list, flush), $.onChange(p, list, flush));
    }
    for (const field of ["ownScore", "ownTier", "voteStatus"] as const) offs.push($.listen(p, field, flush));
    flush();
  }

  // The vote and the ballot are small records shown whole: compare them once per patch.
  let voteKey = "";
  let ballotKey = "";
  const flushRecords = (state: ClassroomState) => {
    const v = voteInfo(state.vote);
    const b = ballotInfo(state.ballot);
    const vk = JSON.stringify(v);
    const bk = JSON.stringify(b);
    if (vk !== voteKey) {
      voteKey = vk;
      view.vote(v);
    }
    if (bk !== ballotKey) {
      ballotKey = bk;
      view.ballot(b);
    }
  };
  room.onStateChange(flushRecords);
  offs.push(() => room.onStateChange.remove(flushRecords));

  for (const field of SESSION_FIELDS) offs.push($.listen(field, flushSession));
  offs.push($.listen("secondsLeft", (v) => view.clock(v)));

  offs.push(
    $.onAdd("players", (p, id) => {
      const info = playerInfo(p);
      known.set(id, info);
      view.playerJoined(info);
      offs.push(
        $.onChange(p, () => {
          const before = known.get(id);
          const now = playerInfo(p);
          known.set(id, now);
          if (before) view.playerChanged(now, before);
        }),
      );
      if (id === me) bindMine(p);
    }),
  );
  offs.push(
    $.onRemove("players", (_p, id) => {
      known.delete(id);
      view.playerLeft(id);
    }),
  );

  offs.push($.onAdd("friendships", (f) => view.friendship(f.a, f.b, true)));
  offs.push($.onRemove("friendships", (f) => view.friendship(f.a, f.b, false)));
  offs.push($.onChange("leaderboard", flushBoard));
  offs.push($.onRemove("leaderboard", flushBoard));
  offs.push($.onAdd("feed", (f) => view.feed(feedEntry(f))));
  offs.push($.onAdd("bannedTopics", flushSession), $.onRemove("bannedTopics", flushSession));
  offs.push(
    $.onAdd("liveEvents", (e) => {
      view.liveEvent(liveEntry(e));
      // After the game an audit's mark learns whose deduction was the mistake.
      offs.push($.listen(e, "revealed", (now, before) => before !== undefined && now !== before && view.liveEvent(liveEntry(e))));
    }),
  );

  const whenSynced = () => {
    if (ready) return;
    ready = true;
    later(() => {
      view.session(sessionInfo(room.state));
      view.clock(room.state.secondsLeft);
      view.leaderboard([...room.state.leaderboard]);
      flushRecords(room.state);
      view.ready();
    });
  };
  if (room.state?.code) whenSynced();
  else room.onStateChange.once(whenSynced);

  return () => {
    for (const off of offs) off();
  };
}
