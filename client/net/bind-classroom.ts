import { Callbacks, type Room } from "@colyseus/sdk";
import type { Visibility } from "../../shared/rules/live/types.ts";
import type { LastChange } from "../../shared/messages/messages.ts";
import { byStanding, type Phase, type Tier } from "../../shared/rules/state.ts";
import type { BallotState, ClassroomState, LiveEventItem, PlayerState, VoteState } from "../../shared/schema/classroom-state.ts";
import { feedEntry } from "../../shared/text/feed-record.ts";
import type { LiveEntry } from "../../shared/text/live.ts";
import type { BallotInfo, ClassroomView, PlayerInfo, SessionInfo, VoteInfo } from "../view/classroom-view.ts";
import { roomMessages } from "./room-messages.ts";

export type ClassroomRoom = Room<any, ClassroomState>;

/** What is known beyond the shared state: a facilitator's true score, the own seat's action points and last change. */
interface Extra {
  hostScore: number | undefined;
  actionPoints: number;
  friendCount: number;
  lastChange: LastChange | null;
}

/**
 * How much a public score last moved, as this screen saw it: the difference between the last
 * two scores it was shown (0 before it has seen a move, and while the score is not public).
 * The amount is not synced: every screen already has the scores it differs by.
 */
function lastDelta(p: PlayerState, before: PlayerInfo | undefined): number {
  if (!before || before.tier === "" || p.tier === "") return 0;
  return p.score !== before.score ? p.score - before.score : before.last.delta;
}

function playerInfo(p: PlayerState, extra: Extra, before?: PlayerInfo): PlayerInfo {
  const delta = lastDelta(p, before);
  return {
    id: p.id,
    nickname: p.nickname,
    score: p.score,
    tier: p.tier as Tier | "",
    blacklisted: p.blacklisted,
    connected: p.connected,
    actionPoints: extra.actionPoints,
    joinedAt: p.joinedAt,
    friendCount: extra.friendCount,
    showsScore: p.showsScore,
    // Only the owner learns the cause; other screens have the amount.
    last: extra.lastChange
      ? { delta: extra.lastChange.delta, rule: extra.lastChange.rule, actor: extra.lastChange.actor, action: extra.lastChange.action }
      : { delta, rule: "", actor: "", action: "" },
    ...(extra.hostScore === undefined ? {} : { hostScore: extra.hostScore }),
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

/** The public leaderboard: every player by the rules' order while scores are public, nobody otherwise. */
function publicOrder(s: ClassroomState): string[] {
  if ((s.visibility || "public") !== "public") return [];
  return [...s.players.values()].sort(byStanding).map((p) => p.id);
}

const SESSION_FIELDS = ["code", "phase", "paused", "round", "rounds", "roundSeconds", "hostConnected", "visibility", "locked"] as const;

/**
 * The only client module that knows the room's schema: it turns state callbacks, and the
 * messages that carry what the state does not (the inbox of `me`, a facilitator's true scores,
 * the feed; see room-messages.ts), into calls on a plain view. The leaderboard is ranked here
 * from the synced scores, with the rules' own order. The `rules` message: the connection
 * passes it on.
 * Returns a function that detaches every callback.
 */
export function bindClassroom(room: ClassroomRoom, view: ClassroomView, me?: string): () => void {
  view.reset();
  const $ = Callbacks.get(room);
  const messages = roomMessages(room);
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
  let board: string[] = [];
  const showBoard = () => {
    const order = publicOrder(room.state);
    if (order.length === board.length && order.every((id, i) => board[i] === id)) return;
    board = order;
    view.leaderboard(order);
  };
  const flushBoard = () => {
    if (boardPending || !ready) return;
    boardPending = true;
    later(() => {
      boardPending = false;
      showBoard();
    });
  };
  /** Friends per player, counted from the friendships' keys. */
  const friendCounts = new Map<string, number>();
  const extra = (id: string): Extra => ({
    hostScore: messages.hostScores.get(id),
    actionPoints: id === me ? (messages.inbox?.actionPoints ?? 0) : 0,
    friendCount: friendCounts.get(id) ?? 0,
    lastChange: id === me ? (messages.inbox?.lastChange ?? null) : null,
  });
  const changed = (id: string, p: PlayerState) => {
    const before = known.get(id);
    const now = playerInfo(p, extra(id), before);
    known.set(id, now);
    if (before) view.playerChanged(now, before);
  };

  if (me !== undefined) {
    const showMine = () => {
      if (!messages.inbox) return;
      view.mine(messages.inbox);
      const p = room.state.players?.get(me);
      const before = known.get(me);
      if (
        p &&
        (before?.actionPoints !== messages.inbox.actionPoints ||
          before.last.rule !== (messages.inbox.lastChange?.rule ?? "") ||
          before.last.actor !== (messages.inbox.lastChange?.actor ?? ""))
      )
        changed(me, p);
    };
    offs.push(messages.onInbox(showMine));
    showMine();
  }
  offs.push(
    messages.onHostScores((ids) => {
      for (const id of ids) {
        const p = room.state.players?.get(id);
        if (p && known.has(id)) changed(id, p);
      }
    }),
  );
  for (const line of messages.feed) view.feed(feedEntry(line));
  offs.push(messages.onFeed((lines) => lines.forEach((l) => view.feed(feedEntry(l)))));

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
  offs.push($.listen("visibility", flushBoard));
  offs.push($.listen("secondsLeft", (v) => view.clock(v)));

  offs.push(
    $.onAdd("players", (p, id) => {
      const info = playerInfo(p, extra(id));
      known.set(id, info);
      view.playerJoined(info);
      flushBoard();
      offs.push(
        $.onChange(p, () => {
          changed(id, p);
          flushBoard();
        }),
      );
    }),
  );
  offs.push(
    $.onRemove("players", (_p, id) => {
      known.delete(id);
      view.playerLeft(id);
      flushBoard();
    }),
  );

  const befriend = (key: string, on: boolean) => {
    const pair = key.split("|");
    for (const id of pair) {
      friendCounts.set(id, (friendCounts.get(id) ?? 0) + (on ? 1 : -1));
      const p = room.state.players?.get(id);
      if (p && known.has(id)) changed(id, p);
    }
    view.friendship(pair[0], pair[1], on);
  };
  offs.push($.onAdd("friendships", (_on, key) => befriend(key, true)));
  offs.push($.onRemove("friendships", (_on, key) => befriend(key, false)));
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
      showBoard();
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
