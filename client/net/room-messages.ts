import type { FeedLine, ServerMessages, WatcherList } from "../../shared/messages/messages.ts";
import type { SeatRequest } from "../../shared/messages/seat-messages.ts";
import { EMPTY_INBOX, mergeInbox, type Inbox, type InboxUpdate } from "../../shared/messages/inbox.ts";
import type { ClassroomRoom } from "./bind-classroom.ts";
import type { DebriefMine, DebriefShow } from "../../shared/debrief/types.ts";

type Listener = () => void;

/** How many feed lines a screen keeps for a view bound later (the server sends at most 30 on joining). */
const LINES_KEPT = 60;

/**
 * What does not come as plain synced fields: this seat's inbox, the facilitator's true scores,
 * and the public feed (the recent lines on joining, then batches).
 * They follow `welcome` at once, before any view is bound, so they are caught from the moment
 * the room exists and kept here: a binding made later reads what came, then hears what comes.
 */
export class RoomMessages {
  inbox: Inbox | undefined;
  readonly hostScores = new Map<string, number>();
  readonly feed: FeedLine[] = [];
  /** Facilitators: the phones waiting for an answer (seat back, or a refused name let in). */
  seatRequests: SeatRequest[] = [];
  /** Facilitators and watching screens: who watches without playing. */
  watchers: WatcherList = { count: 0, names: [] };
  /** After the game: the guided debrief as a facilitator's screen sees it, or this phone's side of it. */
  debrief: DebriefShow | undefined;
  debriefMine: DebriefMine | undefined;
  /** Facilitators and watching screens in the lobby: who has answered the scenario's questions before the game (undefined: it asks none). */
  surveyBefore: string[] | undefined;
  private seen = new Set<number>();
  /** Lines at or below this number have been let go (only the last LINES_KEPT stay). */
  private floor = 0;
  private listeners = {
    debrief: new Set<Listener>(),
    requests: new Set<Listener>(),
    watchers: new Set<Listener>(),
    inbox: new Set<Listener>(),
    hostScores: new Set<(changed: string[]) => void>(),
    feed: new Set<(lines: FeedLine[]) => void>(),
  };

  constructor(room: ClassroomRoom) {
    room.onMessage("inbox", (m: InboxUpdate) => {
      this.inbox = mergeInbox(this.inbox ?? EMPTY_INBOX, m);
      for (const fn of this.listeners.inbox) fn();
    });
    room.onMessage("host-scores", (m: ServerMessages["host-scores"]) => {
      const changed = Object.keys(m);
      for (const id of changed) this.hostScores.set(id, m[id]);
      for (const fn of this.listeners.hostScores) fn(changed);
    });
    room.onMessage("feed", (lines: FeedLine[]) => this.take(lines));
    room.onMessage("watchers", (list: WatcherList) => {
      this.watchers = list;
      for (const fn of this.listeners.watchers) fn();
    });
    room.onMessage("debrief", (m: DebriefShow) => {
      this.debrief = m;
      for (const fn of this.listeners.debrief) fn();
    });
    room.onMessage("survey-before", (m: ServerMessages["survey-before"]) => {
      this.surveyBefore = m.players;
      for (const fn of this.listeners.debrief) fn();
    });
    room.onMessage("debrief-mine", (m: DebriefMine) => {
      this.debriefMine = m;
      for (const fn of this.listeners.debrief) fn();
    });
    room.onMessage("seat-requests", (list: SeatRequest[]) => {
      this.seatRequests = list;
      for (const fn of this.listeners.requests) fn();
    });
  }

  onWatchers(fn: Listener): () => void {
    this.listeners.watchers.add(fn);
    return () => this.listeners.watchers.delete(fn);
  }

  onDebrief(fn: Listener): () => void {
    this.listeners.debrief.add(fn);
    return () => this.listeners.debrief.delete(fn);
  }

  onSeatRequests(fn: Listener): () => void {
    this.listeners.requests.add(fn);
    return () => this.listeners.requests.delete(fn);
  }

  /** After a reconnect the recent lines come again: a line is news only once, and lines stay in order. */
  private take(lines: FeedLine[]): void {
    const fresh: FeedLine[] = [];
    for (const l of lines) {
      if (l.seq <= this.floor || this.seen.has(l.seq)) continue;
      this.seen.add(l.seq);
      fresh.push(l);
    }
    if (fresh.length === 0) return;
    fresh.sort((a, b) => a.seq - b.seq);
    this.feed.push(...fresh);
    this.feed.sort((a, b) => a.seq - b.seq);
    if (this.feed.length > LINES_KEPT) {
      for (const gone of this.feed.splice(0, this.feed.length - LINES_KEPT)) this.seen.delete(gone.seq);
      this.floor = this.feed[0].seq - 1;
    }
    for (const fn of this.listeners.feed) fn(fresh);
  }

  onInbox(fn: Listener): () => void {
    this.listeners.inbox.add(fn);
    return () => this.listeners.inbox.delete(fn);
  }

  onHostScores(fn: (changed: string[]) => void): () => void {
    this.listeners.hostScores.add(fn);
    return () => this.listeners.hostScores.delete(fn);
  }

  onFeed(fn: (lines: FeedLine[]) => void): () => void {
    this.listeners.feed.add(fn);
    return () => this.listeners.feed.delete(fn);
  }
}

const byRoom = new WeakMap<ClassroomRoom, RoomMessages>();

/** The messages of a room, caught from the first call on; call it as soon as the room exists. */
export function roomMessages(room: ClassroomRoom): RoomMessages {
  let m = byRoom.get(room);
  if (!m) byRoom.set(room, (m = new RoomMessages(room)));
  return m;
}
