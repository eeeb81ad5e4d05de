import type { Client } from "@colyseus/sdk";
import { OPERATION, type DataChange } from "@colyseus/schema";
import { chooseMove, type Profile } from "../server/bots/behaviour.ts";
import { viewOf } from "../server/bots/bot.ts";
import {
  EMPTY_INBOX,
  mergeInbox,
  ROOM_NAME,
  type InboxUpdate,
  type ActMessage,
  type ErrorCode,
  type Inbox,
  type ServerMessages,
} from "../shared/messages/messages.ts";
import type { ActionName } from "../shared/rules/config.ts";
import type { ClassroomState } from "../shared/schema/classroom-state.ts";
import { LoadClient } from "./load-client.ts";

/** Refusals that are part of play: the rules said no, as they would to a person. */
const REFUSED_IN_PLAY = new Set<ErrorCode>([
  "not-in-round",
  "paused",
  "round-over",
  "game-ended",
  "no-action-points",
  "blacklisted",
  "bad-target",
  "already-friends",
  "already-requested",
  "no-request",
  "not-friends",
  "not-eligible",
  "nothing-to-appeal",
]);

/**
 * After a send the client could not match to its outcome, how long its sends open no probe,
 * so that a late outcome is never taken for a later send's.
 */
const QUIET_MS = 5000;

/** Actions that never move their actor's score, so they open no latency probe. */
const SCORELESS = new Set<ActionName>(["lookup", "friend-request", "accept-friend", "decline-friend"]);

interface Player {
  id: string;
  score: number;
}

/**
 * A Citizen Score player (or, with index 0, the facilitator's screen) driven by the bots'
 * own move chooser: friend requests, accepts, posts, lookups, unfriends and the rest.
 */
export class ProductClient extends LoadClient {
  profile: Profile = "random";
  private move: ActMessage | undefined;
  private quietUntil = 0;
  /** The patch (by count) in which this player's own public score last moved. */
  private ownScoreMovedIn = -1;
  private inbox: Inbox = EMPTY_INBOX;

  static readonly room = ROOM_NAME;

  get state(): ClassroomState {
    return this.room.state as ClassroomState;
  }

  async host(sdk: Client, options: Record<string, unknown>): Promise<string> {
    const room = await sdk.create(ROOM_NAME, options);
    room.onMessage("rules", () => undefined);
    room.onMessage("feed", () => undefined);
    room.onMessage("host-scores", () => undefined);
    const welcome = await this.welcome(room);
    this.attach(room);
    return welcome.code;
  }

  async join(sdk: Client, code: string, name: string, profile: Profile): Promise<void> {
    this.profile = profile;
    const room = await sdk.joinById(code, { name });
    room.onMessage("error", (e: ServerMessages["error"]) => {
      if (REFUSED_IN_PLAY.has(e.code)) this.tally.refuse(e.code);
      else this.tally.fail(`error:${e.code}`);
      if (e.about === "act") this.resolveAction(false);
    });
    room.onMessage("lookup-result", () => this.resolveAction(false));
    room.onMessage("rules", () => undefined);
    room.onMessage("feed", () => undefined);
    room.onMessage("inbox", (m: InboxUpdate) => this.onInbox(m));
    this.id = (await this.welcome(room)).playerId!;
    this.attach(room);
  }

  private welcome(room: LoadClient["room"]): Promise<ServerMessages["welcome"]> {
    return new Promise((resolve) => {
      const off = room.onMessage("welcome", (m: ServerMessages["welcome"]) => {
        off();
        resolve(m);
      });
    });
  }

  protected actOnce(at: number): boolean {
    const s = this.state;
    if (s.phase !== "round" || s.paused) return false;
    const v = viewOf(s, this.id, this.inbox, 0);
    if (!v || (v.actionPoints <= 0 && v.incomingRequests.length === 0)) return false;
    this.move = chooseMove(this.profile, v, this.rnd);
    this.startAction(at, !SCORELESS.has(this.move.action) && at >= this.quietUntil);
    this.room.send("act", this.move);
    return true;
  }

  /**
   * Every screen reports every new score (only the actor knows its cause: see onInbox). A new
   * round refills the points and hides the one just spent, so an action in flight across it is
   * let go unmatched.
   */
  protected onChanges(changes: DataChange[], at: number): void {
    let newRound = false;
    let befriended = false;
    for (const c of changes) {
      if (c.field === "round") newRound = true;
      // A friendship arrives as its key, "pA|pB".
      if (c.op === OPERATION.ADD && typeof c.field === "string" && c.field.includes("|") && c.field.split("|").includes(this.id)) befriended = true;
      if (c.field === "score") {
        const p = c.ref as unknown as Player;
        this.probes.observed(p.id, this.index, p.score, at);
        if (p.id === this.id) this.ownScoreMovedIn = this.patches;
      }
    }
    if (this.inFlightSince === undefined) return;
    if (befriended && this.move?.action === "accept-friend") this.resolveAction(false);
    else if (newRound) {
      this.resolveAction(false);
      this.quietUntil = at + QUIET_MS;
    }
  }

  /**
   * The player's inbox follows the patch that applied its action. A new last change caused by
   * the action itself confirms the score every screen now shows; a point spent without one
   * means the score never will move; an accept or a decline costs no point and shows as the
   * request gone.
   */
  private onInbox(update: InboxUpdate): void {
    const before = this.inbox;
    const m = (this.inbox = mergeInbox(before, update));
    if (this.inFlightSince === undefined || !this.move) return;
    const change = m.lastChange;
    // The score must also have moved in that patch: a change clamped at the scale's end, or
    // undone by another in the same patch, shows nothing to wait for.
    const moved = this.ownScoreMovedIn === this.patches;
    if (moved && change && change.seq !== before.lastChange?.seq && change.rule === "action" && change.actor === this.id) {
      const own = this.state.players.get(this.id);
      if (own) this.probes.confirm(this.id, own.score);
      this.resolveAction(true);
      return;
    }
    const { action, target } = this.move;
    // Another request may arrive in the same patch: look for the one answered, not the count.
    const answered = (action === "accept-friend" || action === "decline-friend") && target !== undefined && !m.incomingRequests.includes(target);
    if (m.actionPoints < before.actionPoints || answered) this.resolveAction(false);
  }
}
