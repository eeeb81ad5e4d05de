import { Callbacks, type Room } from "@colyseus/sdk";
import type { Phase, Tier } from "../../shared/rules/state.ts";
import type { ClassroomState, FeedItem, PlayerState } from "../../shared/schema/classroom-state.ts";
import type { ClassroomView, PlayerInfo, SessionInfo } from "../view/classroom-view.ts";

export type ClassroomRoom = Room<any, ClassroomState>;

function playerInfo(p: PlayerState): PlayerInfo {
  return {
    id: p.id,
    nickname: p.nickname,
    score: p.score,
    tier: p.tier as Tier,
    blacklisted: p.blacklisted,
    connected: p.connected,
    actionPoints: p.actionPoints,
    rank: p.rank,
    friendCount: p.friendCount,
    last: { delta: p.lastDelta, rule: p.lastRule, actor: p.lastActor, action: p.lastAction },
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
  };
}

function feedEntry(f: FeedItem) {
  return { seq: f.seq, at: f.at, type: f.type, actor: f.actor, target: f.target, action: f.action, rule: f.rule, delta: f.delta, round: f.round };
}

const SESSION_FIELDS = ["code", "phase", "paused", "round", "rounds", "roundSeconds", "hostConnected"] as const;

/**
 * The only client module that knows the room's schema: it turns state callbacks into calls on
 * a plain view. `me` is the seat whose private lists (requests, lookups) this client receives.
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
        view.mine({ incomingRequests: [...(p.incomingRequests ?? [])], lookedUpBy: [...(p.lookedUpBy ?? [])] });
      });
    };
    for (const list of ["incomingRequests", "lookedUpBy"] as const) {
      offs.push($.onAdd(p, list, flush), $.onRemove(p, list, flush), $.onChange(p, list, flush));
    }
    flush();
  }

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

  const whenSynced = () => {
    if (ready) return;
    ready = true;
    later(() => {
      view.session(sessionInfo(room.state));
      view.clock(room.state.secondsLeft);
      view.leaderboard([...room.state.leaderboard]);
      view.ready();
    });
  };
  if (room.state?.code) whenSynced();
  else room.onStateChange.once(whenSynced);

  return () => {
    for (const off of offs) off();
  };
}
