import { Client, MatchMakeError } from "@colyseus/sdk";
import {
  CREATE_ERRORS,
  JOIN_ERRORS,
  type ActMessage,
  type CreateOptions,
  type FacilitateMessage,
  type RulesMessage,
  type ServerMessages,
} from "../../shared/messages/messages.ts";
import type { BallotStage } from "../../shared/rules/state.ts";
import { CLOSE_CODES } from "../../shared/messages/close-codes.ts";
import { ClassroomState } from "../../shared/schema/classroom-state.ts";
import type { ClassroomRoom } from "./bind-classroom.ts";
import { roomMessages } from "./room-messages.ts";
import type { SurveyAnswer, SurveyStage } from "../../shared/debrief/types.ts";
import { CLOSE_HOST_KEY_CHANGED, CLOSE_REQUEST_DENIED } from "../../shared/messages/seat-codes.ts";
import { hostKeys, seats, watching, type Seat } from "./storage.ts";
import type { PhoneLinkRequest } from "../../shared/messages/phone-link.ts";
import { deviceHint } from "./device-hint.ts";
import { inEnglish, t } from "../../shared/i18n/index.ts";
import { errorText } from "../../shared/text/errors.ts";
import { readWorded } from "../../shared/messages/worded.ts";

/** `waiting`: the server answers, but the session is not running; its facilitator has to reopen it. */
export type Status = "connecting" | "online" | "reconnecting" | "waiting" | "closed";
export type Role = "host" | "player" | "watch";
type Welcome = ServerMessages["welcome"];
type Listener<T> = (value: T) => void;

const ROOM = "classroom";
const CONSENTED = CLOSE_CODES.removed;
/** Closed for good, with the reason already told in an `error`: a request the facilitator refused, a host key changed elsewhere. */
const SIGNED_OUT = new Set([CLOSE_REQUEST_DENIED, CLOSE_HOST_KEY_CHANGED]);
/**
 * The SDK's own reconnection tries the address the room was on: a few quick tries cover a
 * network blip, then the page joins again by code through its own origin, which finds the
 * room wherever it runs now (another process took it over, or the server restarted). The
 * SDK's default, 15 tries with growing waits, kept a class on a dead address for 57 s.
 */
const SAME_ADDRESS_RETRIES = 3;
const SAME_ADDRESS_MAX_DELAY_MS = 800;
/** Joining again: soon at first, so a restarted server has everyone back within seconds. */
const REJOIN_DELAYS_MS = [300, 700, 1000, 1000, 1500];
/** While the session waits for its facilitator: a little slower, since only the facilitator can end the wait. */
const WAITING_RETRY_MS = 1500;
/** Colyseus' answer when no room has the code: the session is not running (anywhere). */
const NOT_RUNNING = 522;
/** The server's answer when a session cannot run yet, with a sentence saying why (docs/PROTOCOL.md). */
const SERVER_SAYS_WAIT = 503;

/** A failure to show the person: the server's sentence when it gave one. */
export class JoinFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function failure(err: unknown): JoinFailure {
  if (err instanceof MatchMakeError) {
    const said = readWorded(err.message || inEnglish("errors.code.refused"));
    return new JoinFailure(errorText({ code: err.code, ...said }), err.code);
  }
  if (err instanceof JoinFailure) return err;
  return new JoinFailure(t("errors.code.unreachable"), 0);
}

function subscribe<T>(set: Set<Listener<T>>, fn: Listener<T>): () => void {
  set.add(fn);
  return () => set.delete(fn);
}

function emit<T>(set: Set<Listener<T>>, value: T): void {
  for (const fn of set) fn(value);
}

/**
 * Refusals that waiting will not cure. A join's come over the socket as 44xx codes (banned,
 * closed to newcomers, ended, wrong key); a resume's come as HTTP statuses (bad options, no
 * stored session with that code and key, a log this server cannot replay). A 409 (still running
 * elsewhere) is not among them: the next try finds the room.
 */
const FINAL_REFUSALS = new Set<number>([
  JOIN_ERRORS["nickname-banned"],
  JOIN_ERRORS["join-closed"],
  JOIN_ERRORS["game-ended"],
  JOIN_ERRORS["bad-host-key"],
  ...["bad-options", "unknown-session", "cannot-replay"].map((c) => CREATE_ERRORS[c as keyof typeof CREATE_ERRORS]),
]);

export interface JoinExtras {
  pin?: string;
  ask?: true;
  /** The phone waits for the facilitator's answer; `request` says why (a latecomer, a seat asked back, a name to let in). */
  onWaiting?: (request: Welcome["request"]) => void;
}

/** A phone waiting for the facilitator: the second welcome seats it; a no closes it, with the facilitator's sentence. */
async function admitted(room: ClassroomRoom, welcome: Welcome, onWaiting?: JoinExtras["onWaiting"]): Promise<Welcome> {
  if (welcome.role !== "waiting") return welcome;
  onWaiting?.(welcome.request);
  let said = t("errors.code.request-denied");
  const offError = room.onMessage("error", (e: ServerMessages["error"]) => (said = errorText(e)));
  const left = new Promise<never>((_, reject) => room.onLeave((code: number) => reject(new JoinFailure(said, code))));
  try {
    return await Promise.race([waitWelcome(room), left]);
  } finally {
    offError();
  }
}

function waitWelcome(room: ClassroomRoom): Promise<Welcome> {
  return new Promise((resolve) => {
    const off = room.onMessage("welcome", (w: Welcome) => {
      off();
      resolve(w);
    });
  });
}

/**
 * The one owner of the room connection on a page: joins, keeps the seat across drops and
 * reloads, and passes on the room, its status, server errors and lookup results.
 */
export class Connection {
  readonly client = new Client(location.origin);
  room: ClassroomRoom | undefined;
  role: Role | undefined;
  playerId = "";
  code = "";
  private seat: Seat | undefined;
  private hostKey = "";
  /** An observer's name, to watch again under it after a loss. */
  private watchName: string | undefined;
  private closedOnPurpose = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Tries since the connection was lost; resets once back. */
  private rejoins = 0;
  private roomListeners = new Set<Listener<ClassroomRoom>>();
  private statusListeners = new Set<Listener<Status>>();
  private errorListeners = new Set<Listener<ServerMessages["error"]>>();
  private lookupListeners = new Set<Listener<ServerMessages["lookup-result"]>>();
  private rulesListeners = new Set<Listener<RulesMessage>>();
  private phoneLinkRequestListeners = new Set<Listener<PhoneLinkRequest>>();
  /** Facilitators: whether a phone waits on the phone link for Allow / Refuse, as the server last said. */
  phoneLinkRequest: PhoneLinkRequest | undefined;
  /** Facilitators: seconds after a server restart the session resumes by itself (null: never), as the server last said. */
  autoResume: number | null | undefined;
  /** While waiting: the server's own sentence about when the session comes back, if it said one. */
  waitingNote: string | undefined;
  /** The session's rules as last received (they follow `welcome`, and every change of a rule). */
  rules: RulesMessage | undefined;

  /** Each time a room is joined (a rejoin after a restart gives a new one). */
  onRoom(fn: Listener<ClassroomRoom>): () => void {
    return subscribe(this.roomListeners, fn);
  }

  onStatus(fn: Listener<Status>): () => void {
    return subscribe(this.statusListeners, fn);
  }

  onError(fn: Listener<ServerMessages["error"]>): () => void {
    return subscribe(this.errorListeners, fn);
  }

  onLookup(fn: Listener<ServerMessages["lookup-result"]>): () => void {
    return subscribe(this.lookupListeners, fn);
  }

  onRules(fn: Listener<RulesMessage>): () => void {
    return subscribe(this.rulesListeners, fn);
  }

  /** A new session: this screen becomes its host and keeps the key. */
  async create(options: CreateOptions): Promise<string> {
    const room = await this.attempt(() => this.client.create(ROOM, options, ClassroomState));
    const welcome = await waitWelcome(room);
    this.hostKey = welcome.hostKey ?? "";
    hostKeys.set(welcome.code, this.hostKey);
    this.adopt(room, "host", welcome.code);
    return welcome.code;
  }

  /** Opens the host view of a session with its key; rebuilds a stored session the server no longer runs. */
  async host(code: string, hostKey: string, quiet = false): Promise<void> {
    let room: ClassroomRoom;
    try {
      room = this.opened(await this.client.joinById(code, { hostKey }, ClassroomState));
    } catch (err) {
      // The rules' refusals (4400+) are final; "no such room" means the server restarted: rebuild it from its log.
      if (!(err instanceof MatchMakeError) || err.code >= 4400) throw failure(err);
      room = await this.attempt(() => this.client.create(ROOM, { resume: code, hostKey }, ClassroomState), quiet);
    }
    this.hostKey = hostKey;
    hostKeys.set(code, hostKey);
    const welcome = await waitWelcome(room);
    this.adopt(room, "host", welcome.code);
  }

  /**
   * Opens the host view on this device with a one-use link drawn on the facilitator's screen:
   * the phone waits (`onWaiting`) until a facilitator allows it on the projector; only then does
   * the server hand over the key, kept here. A refusal or the link's end rejects, with the close code.
   */
  async hostByLink(code: string, token: string, onWaiting?: JoinExtras["onWaiting"]): Promise<void> {
    const device = deviceHint(navigator.userAgent);
    const room = await this.attempt(() => this.client.joinById(code, { link: token, ...(device ? { device } : {}) }, ClassroomState));
    const welcome = await admitted(room, await waitWelcome(room), onWaiting);
    this.hostKey = welcome.hostKey ?? "";
    hostKeys.set(welcome.code, this.hostKey);
    this.adopt(room, "host", welcome.code);
  }

  /**
   * Joins as a player and remembers the seat for this tab, with its rejoin PIN. `ask` waits in
   * the room for the facilitator's answer (seat-requests.ts); `onWaiting` hears that it is waiting.
   * A quiet join (joining again after a loss) leaves the status to `rejoin`.
   */
  async join(code: string, nickname: string, opts: JoinExtras = {}, quiet = false): Promise<void> {
    const { onWaiting, ...extras } = opts;
    const room = await this.attempt(() => this.client.joinById(code, { name: nickname, ...extras }, ClassroomState), quiet);
    const welcome = await admitted(room, await waitWelcome(room), onWaiting);
    this.playerId = welcome.playerId ?? "";
    this.seat = { code: welcome.code, nickname, playerId: this.playerId, token: room.reconnectionToken, pin: welcome.pin ?? opts.pin };
    seats.set(this.seat);
    this.adopt(room, "player", welcome.code);
  }

  /** After a reload: the same connection by its token, or else the same seat by nickname. */
  async resume(seat: Seat, quiet = false): Promise<void> {
    this.seat = seat;
    this.playerId = seat.playerId;
    try {
      const room = this.opened(await this.client.reconnect(seat.token, ClassroomState));
      seats.set({ ...seat, token: room.reconnectionToken });
      this.adopt(room, "player", seat.code);
    } catch {
      await this.join(seat.code, seat.nickname, seat.pin ? { pin: seat.pin } : {}, quiet);
    }
  }

  /**
   * Watches a session: the projector's view without a seat or a key (the watch view, an
   * observer's phone, with the name the lobby lists). After a reload the same screen comes back
   * by its token, so an observer's name is not "already watching".
   */
  async watch(code: string, name?: string, quiet = false): Promise<void> {
    const saved = watching.get();
    let room: ClassroomRoom | undefined;
    if (saved?.code === code && saved.name === name)
      room = await this.client.reconnect(saved.token, ClassroomState).then(
        (r) => this.opened(r),
        () => undefined,
      );
    room ??= await this.attempt(() => this.client.joinById(code, { watch: true, ...(name ? { name } : {}) }, ClassroomState), quiet);
    this.watchName = name;
    watching.set({ code, token: room.reconnectionToken, ...(name ? { name } : {}) });
    this.adopt(room, "watch", code);
  }

  act(msg: ActMessage): void {
    this.room?.send("act", msg);
  }

  vote(option: string): void {
    this.room?.send("vote", { option });
  }

  ballot(stage: BallotStage, answer: number): void {
    this.room?.send("ballot", { stage, answer });
  }

  showScore(on: boolean): void {
    this.room?.send("show-score", { on });
  }

  /** After the game: move every screen to a step of the guided debrief ("" for the end screen). */
  debriefStep(step: string): void {
    this.room?.send("debrief", { step });
  }

  /** After the game: this player's answer to the poll of the step on the projector. */
  poll(step: string, answer: number): void {
    this.room?.send("poll", { step, answer });
  }

  /** Answers to the scenario's questions before round 1 or after the debrief. */
  survey(stage: SurveyStage, answers: SurveyAnswer[]): void {
    this.room?.send("survey", { stage, answers });
  }

  facilitate(msg: FacilitateMessage): void {
    this.room?.send("facilitate", msg);
  }

  /** A new host key for the session; every other facilitator screen is signed out. Resolves with the new key, kept on this screen. */
  rotateHostKey(): Promise<string> {
    const room = this.room;
    if (!room || this.role !== "host") return Promise.reject(new Error("Only a facilitator's screen can change the host key."));
    return new Promise((resolve) => {
      const off = room.onMessage("host-key", ({ hostKey }: ServerMessages["host-key"]) => {
        off();
        this.hostKey = hostKey;
        hostKeys.set(this.code, hostKey);
        resolve(hostKey);
      });
      room.send("rotate-host-key");
    });
  }

  /** Facilitators: a one-use link to open the controls on one's own phone, for this screen to draw (the key never leaves this screen in it). */
  phoneLink(): Promise<ServerMessages["phone-link"]> {
    const room = this.room;
    if (!room || this.role !== "host") return Promise.reject(new Error(t("errors.code.phone-link-host-only")));
    return new Promise((resolve, reject) => {
      const offs = [
        room.onMessage("phone-link", (link: ServerMessages["phone-link"]) => {
          offs.forEach((off) => off());
          resolve(link);
        }),
        room.onMessage("error", (e: ServerMessages["error"]) => {
          if (e.about !== "phone-link") return;
          offs.forEach((off) => off());
          reject(new Error(errorText(e)));
        }),
      ];
      room.send("phone-link", { hostKey: this.hostKey });
    });
  }

  /** A phone waits on this session's phone link, or its wait ended (allowed, refused, left, expired, replaced). */
  onPhoneLinkRequest(fn: Listener<PhoneLinkRequest>): () => void {
    return subscribe(this.phoneLinkRequestListeners, fn);
  }

  /** Facilitators: Allow gives the waiting phone the controls and the key; Refuse closes it. */
  answerPhoneLink(allow: boolean): void {
    this.room?.send("answer-phone-link", { allow });
  }

  /** Facilitators: resume by itself this many seconds after a server restart, or never (null). */
  setAutoResume(seconds: number | null): void {
    this.room?.send("auto-resume", { seconds });
  }

  /** Answers a phone's request: its seat back, or a refused name let in. */
  answerRequest(id: string, allow: boolean): void {
    this.room?.send("answer-request", { id, allow });
  }

  async leave(): Promise<void> {
    this.closedOnPurpose = true;
    clearTimeout(this.retryTimer);
    // A room whose connection is gone has already left; the SDK's leave would wait for good.
    if (this.room?.connection?.isOpen) await this.room.leave(true).catch(() => undefined);
  }

  /** A quiet attempt (joining again after a loss) leaves the status to `rejoin`: no "Disconnected." flashing between tries. */
  private async attempt(open: () => Promise<ClassroomRoom>, quiet = false): Promise<ClassroomRoom> {
    if (!quiet) emit(this.statusListeners, "connecting");
    try {
      return this.opened(await open());
    } catch (err) {
      if (!quiet) emit(this.statusListeners, "closed");
      throw failure(err);
    }
  }

  /** The `rules`, `inbox` and `feed` messages follow `welcome` at once: their handlers must exist before anything awaits. */
  private opened(room: ClassroomRoom): ClassroomRoom {
    roomMessages(room);
    room.onMessage("rules", (r: RulesMessage) => {
      this.rules = r;
      emit(this.rulesListeners, r);
    });
    room.onMessage("auto-resume", ({ seconds }: ServerMessages["auto-resume"]) => {
      this.autoResume = seconds;
    });
    room.onMessage("phone-link-request", (request: PhoneLinkRequest) => {
      this.phoneLinkRequest = request;
      emit(this.phoneLinkRequestListeners, request);
    });
    return room;
  }

  private adopt(room: ClassroomRoom, role: Role, code: string): void {
    this.room = room;
    this.role = role;
    this.code = code;
    room.reconnection.minUptime = 0;
    room.reconnection.maxRetries = SAME_ADDRESS_RETRIES;
    room.reconnection.maxDelay = SAME_ADDRESS_MAX_DELAY_MS;
    this.rejoins = 0;
    this.waitingNote = undefined;
    room.onMessage("error", (sent: ServerMessages["error"]) => {
      // Every screen gets the error already worded in its own language.
      const e = { ...sent, message: errorText(sent) };
      // The session stopped (a full disk): the reason stays on the banner until it runs again.
      if (e.code === "storage-failed") this.waitingNote = e.message;
      emit(this.errorListeners, e);
    });
    room.onMessage("lookup-result", (r: ServerMessages["lookup-result"]) => emit(this.lookupListeners, r));
    room.onDrop(() => emit(this.statusListeners, "reconnecting"));
    room.onReconnect(() => {
      if (this.seat) seats.set({ ...this.seat, token: room.reconnectionToken });
      if (role === "watch") watching.set({ code, token: room.reconnectionToken, ...(this.watchName ? { name: this.watchName } : {}) });
      emit(this.statusListeners, "online");
    });
    room.onLeave((code: number) => {
      if (this.closedOnPurpose || room !== this.room) return;
      if (code === CONSENTED || SIGNED_OUT.has(code)) {
        if (code === CLOSE_HOST_KEY_CHANGED) hostKeys.remove(this.code);
        return emit(this.statusListeners, "closed");
      }
      if (code === CLOSE_CODES.flooding) emit(this.errorListeners, { code: "rate-limited", message: t("errors.code.flooded"), about: "connection" });
      emit(this.statusListeners, "reconnecting");
      this.retryTimer = setTimeout(() => void this.rejoin(), REJOIN_DELAYS_MS[0]);
    });
    emit(this.statusListeners, "online");
    emit(this.roomListeners, room);
  }

  /**
   * The SDK gave up on the room's address (the server restarted, the process died, or the
   * network was gone for long): join again by code, until the session is back or refuses for good.
   */
  private async rejoin(): Promise<void> {
    if (this.closedOnPurpose) return;
    this.rejoins++;
    try {
      if (this.role === "host") await this.host(this.code, this.hostKey, true);
      else if (this.role === "watch") await this.watch(this.code, this.watchName, true);
      else if (this.seat) await this.resume(this.seat, true);
    } catch (err) {
      if (this.closedOnPurpose) return;
      const f = failure(err);
      if (FINAL_REFUSALS.has(f.code)) {
        emit(this.errorListeners, { code: "game-ended", message: f.message, about: "join" });
        return emit(this.statusListeners, "closed");
      }
      // A player's session that runs nowhere waits for its facilitator to reopen it. A 503 says
      // why the session cannot run yet, to every screen: it resumes by itself in so many seconds,
      // or its store cannot be written (a full disk); the page shows the server's sentence.
      this.waitingNote = f.code === SERVER_SAYS_WAIT ? f.message : undefined;
      const waiting = f.code === SERVER_SAYS_WAIT || (f.code === NOT_RUNNING && this.role === "player");
      emit(this.statusListeners, waiting ? "waiting" : "reconnecting");
      const delay = waiting ? WAITING_RETRY_MS : REJOIN_DELAYS_MS[Math.min(this.rejoins, REJOIN_DELAYS_MS.length - 1)];
      this.retryTimer = setTimeout(() => void this.rejoin(), delay);
    }
  }
}
