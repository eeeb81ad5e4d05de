import { ServerError, type Client } from "@colyseus/core";
import { SessionCore } from "../../shared/session/core.ts";
import type { Command, DebriefCommand, Rejection } from "../../shared/rules/commands.ts";
import type { GameEvent } from "../../shared/rules/events.ts";
import { checkNickname, cleanNickname } from "../../shared/rules/nickname.ts";
import { initialState, RULES_VERSION, tierOf, type GameState, type PlayerId } from "../../shared/rules/state.ts";
import { ClassroomState, type PlayerState } from "../../shared/schema/classroom-state.ts";
import {
  actMessage,
  createOptions,
  describeIssue,
  facilitateMessage,
  CREATE_ERRORS,
  JOIN_ERRORS,
  joinOptions,
  resumeOptions,
  type JoinErrorCode,
} from "../../shared/messages/messages.ts";
import { hashHostKey, hostKeyMatches, newHostKey } from "./host-key.ts";
import { answerRequestMessage, CLOSE_HOST_KEY_CHANGED, CLOSE_REQUEST_DENIED, SEAT_ERRORS, SEAT_IN_USE } from "../../shared/messages/seat-messages.ts";
import { door, type Door, type DoorRefusal } from "./seat-door.ts";
import { isOpen, probe } from "./seat-owner.ts";
import { SeatPins } from "./seat-pins.ts";
import { SeatRequests } from "./seat-requests.ts";
import { randomJoinCode } from "./join-code.ts";
import { project, projectClock, projectRestored } from "./project.ts";
import { Feed, FEED_EVERY_MS, feedLine, isForPlayers } from "./feed.ts";
import { PrivateData } from "./private-data.ts";
import { LoggedRoom, PATCH_MS } from "./logged-room.ts";
import { restoreSession } from "./restore.ts";
import { sessionConfig } from "./session-config.ts";
import { PLAYER_MESSAGES, rulesFor, type PlayerMessageType } from "./player-messages.ts";
import { describeIssues } from "../../shared/scenarios/load.ts";
import { autoResumeMessage, DEFAULT_AUTO_RESUME_SECONDS } from "../../shared/messages/auto-resume.ts";
import {
  answerPhoneLinkMessage,
  CLOSE_LINK_ENDED,
  LINK_EXPIRED,
  linkJoinOptions,
  phoneLinkMessage,
  type DeviceHint,
  type PhoneLinkRequest,
} from "../../shared/messages/phone-link.ts";
import { PhoneLinks } from "./phone-links.ts";
import { Watchers } from "./watchers.ts";
import { debriefMessage, pollMessage, surveyMessage } from "../../shared/debrief/messages.ts";
import { DebriefDesk } from "./debrief-desk.ts";
import { ruleWorded, worded, wordedText, type Worded } from "../../shared/messages/worded.ts";

const TICK_MS = 250;
/** A resumed round loses at most this much of its clock: the last heartbeat is where it restarts. */
const HEARTBEAT_MS = 1000;

function isClearOffline(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && (raw as { type?: unknown }).type === "clear-offline" && Object.keys(raw).length === 1;
}

/** A refused join: the SDK hands the phone its number and one string, the sentence with its key and params (worded.ts). */
function joinError(code: DoorRefusal, said: Worded | string): ServerError {
  return new ServerError({ ...JOIN_ERRORS, ...SEAT_ERRORS }[code], typeof said === "string" ? said : wordedText(said));
}

const KEY_CHANGED = "The host key was changed on another facilitator screen, so this screen is signed out. Open the session again with the new key.";

/**
 * `create` is answered over HTTP, and Colyseus sends an onCreate error's code as the HTTP
 * status: a 44xx code would turn into a blank 500, so creating and resuming refuse with these.
 */
function createError(code: keyof typeof CREATE_ERRORS, message: string | Worded): ServerError {
  return new ServerError(CREATE_ERRORS[code], typeof message === "string" ? message : wordedText(message));
}

/**
 * The classroom: finds the sender's seat, validates, hands the command to the rules, logs it,
 * projects the result. It never decides a score.
 */
export class ClassroomRoom extends LoggedRoom {
  state = new ClassroomState();
  maxClients = 1000;

  private core!: SessionCore;
  /** Whether the last command took or freed a seat, so the store's player count is out of date. */
  private seatsMoved = false;
  private hostKeyHash = "";
  /** Seconds after a server restart this session resumes by itself (null: only its facilitator reopens it). */
  private autoResume: number | null = DEFAULT_AUTO_RESUME_SECONDS;
  private pendingHostKey: string | undefined;
  private seats = new Map<string, PlayerId>();
  private sessionOf = new Map<PlayerId, string>();
  private hosts = new Set<string>();
  /** Host screens whose socket dropped and may still come back within the grace period. */
  private hostsAway = new Set<string>();
  private feed = new Feed();
  private feedSentAt = 0;
  private privateData = new PrivateData();
  private pins = new SeatPins();
  private requests = new SeatRequests();
  /** Facilitator screens signed out by a key rotation while their socket was away: they do not come back by token. */
  private revokedHosts = new Set<string>();
  private phoneLinks = new PhoneLinks(() => this.deps.now());
  private watchers = new Watchers();
  private debrief = new DebriefDesk();

  messages = {
    act: this.command("act", (client, raw, at) => this.onAct(client, raw, at)),
    facilitate: this.command("facilitate", (client, raw, at) => this.onFacilitate(client, raw, at)),
    vote: this.command("vote", (client, raw, at) => this.onPlayerMessage(client, "vote", raw, at)),
    ballot: this.command("ballot", (client, raw, at) => this.onPlayerMessage(client, "ballot", raw, at)),
    "show-score": this.command("show-score", (client, raw, at) => this.onPlayerMessage(client, "show-score", raw, at)),
    "answer-request": this.command("answer-request", (client, raw) => this.onAnswer(client, raw)),
    "rotate-host-key": this.command("rotate-host-key", (client) => this.onRotate(client)),
    "auto-resume": this.command("auto-resume", (client, raw) => this.onAutoResume(client, raw)),
    "phone-link": this.command("phone-link", (client, raw) => this.onPhoneLink(client, raw)),
    "answer-phone-link": this.command("answer-phone-link", (client, raw) => this.onAnswerPhoneLink(client, raw)),
    debrief: this.command("debrief", (client, raw, at) => this.onDebrief(client, raw, at)),
    poll: this.command("poll", (client, raw, at) => this.onPoll(client, raw, at)),
    survey: this.command("survey", (client, raw, at) => this.onSurvey(client, raw, at)),
    _: (client: Client, type: string | number) =>
      this.withinRate(client, String(type)) &&
      this.fail(client, String(type), "unknown-message", `"${String(type).slice(0, 40)}" is not a message this room understands.`),
  };

  /**
   * A message that carries a command: timed as it arrives, and held for the room's next job
   * (at the latest the next patch), which applies everything that came since in one go.
   */
  private command(about: string, handle: (client: Client, raw: unknown, at: number) => Promise<void>) {
    return (client: Client, raw: unknown) => {
      if (!this.withinRate(client, about)) return;
      const at = this.deps.now();
      this.atNextJob(() => handle(client, raw, at));
    };
  }

  async onCreate(options: unknown) {
    const resume = resumeOptions.safeParse(options);
    const adoption = this.deps.leases.adoption(options);
    if (adoption) {
      await this.resume(adoption.adopt, undefined, adoption.from);
    } else if (resume.success) {
      await this.resume(resume.data.resume, resume.data.hostKey);
    } else {
      const opts = createOptions.safeParse(options ?? {});
      if (!opts.success) throw createError("bad-options", describeIssue(opts.error));
      const { seed = Math.floor(Math.random() * 2 ** 32), ...settings } = opts.data;
      const config = sessionConfig(settings);
      if (!config.ok) throw createError("bad-options", describeIssues(config.issues));
      this.core = this.sessionCore(initialState(config.value, seed));
      this.pendingHostKey = newHostKey();
      this.hostKeyHash = hashHostKey(this.pendingHostKey);
      this.roomId = await this.claimCode(seed);
    }
    this.state.code = this.roomId;
    project(this.game, this.state, [], this.deps.now());
    for (const ps of this.state.players.values()) ps.connected = false;
    this.startServing();
    this.every(TICK_MS, () => this.tick());
    this.deps.leases.keep(this.roomId, { lost: () => this.handOver() });
  }

  private async claimCode(seed: number): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = randomJoinCode();
      const created = await this.deps.store.createSession({
        code,
        hostKeyHash: this.hostKeyHash,
        createdAt: this.deps.now(),
        endedAt: null,
        seed,
        rulesVersion: RULES_VERSION,
        config: this.game.config,
        autoResumeSeconds: this.autoResume,
      });
      if (created && (await this.deps.leases.claim(code))) return code;
    }
    throw new ServerError(503, wordedText(worded("errors.create.no-free-code")));
  }

  /** Rebuilds a stored session from its log: for its facilitator (with the key), or taking it over from a dead process. */
  private async resume(code: string, hostKey: string | undefined, deadHolder?: string) {
    const meta = await this.deps.store.get(code);
    // A wrong key for a stored code is answered as a code nothing is stored under: a resume must not tell a guesser which codes exist.
    const keyFits = hostKey === undefined || hostKeyMatches(hostKey, meta?.hostKeyHash ?? "");
    if (!meta || !keyFits) throw createError("unknown-session", `There is no stored session with the code ${code} and that host key. Check both.`);
    // Stopped here by a full disk (or a lost database): back only once the store takes a log again.
    await this.deps.stops.checkBeforeResume(code, this.deps.store);
    // The store's lease, not Redis's room list, says whether a live process runs it (Redis may have lost its data).
    if (!(await this.deps.leases.claim(code, deadHolder))) throw createError("session-live", `Session ${code} is still running; open its host view instead.`);
    const log = await this.deps.store.commands(code);
    const restored = restoreSession(meta, log);
    if ("code" in restored) {
      await this.deps.leases.release(code);
      throw createError("cannot-replay", restored.message);
    }
    this.core = this.sessionCore(restored.state);
    this.seq = restored.lastSeq;
    this.hostKeyHash = meta.hostKeyHash;
    this.autoResume = meta.autoResumeSeconds ?? null;
    this.pins.restore(log);
    this.roomId = code;
    projectRestored(this.game, this.state, this.deps.now());
    this.privateData.restore(
      this.game,
      restored.recent.map((r) => r.event),
    );
    for (const { event, round } of restored.recent) {
      const line = feedLine(event, this.game, round);
      if (line) this.feed.restore(line);
    }
    await this.debrief.restore(this.deps.store, code, this.game, log);
    await this.deps.store.setStatus(code, "live");
    // The clock stopped when the process did: the round waits, paused, for the facilitator.
    if (this.game.phase === "round" && !this.game.paused) {
      await this.run({ kind: "facilitate", at: Math.max(restored.lastAt, this.game.now), command: { type: "pause" } });
      await this.saveLog();
    }
    this.deps.stops.resumed(code);
  }

  async onJoin(client: Client, options: unknown) {
    if (this.pendingHostKey !== undefined) {
      const hostKey = this.pendingHostKey;
      this.pendingHostKey = undefined;
      return this.queued(() => this.admitHost(client, hostKey));
    }
    const link = linkJoinOptions.safeParse(options);
    if (link.success) return this.queued(async () => this.waitOnLink(client, link.data.link, link.data.device));
    // The host who resumed the session joins with the options it created the room with.
    const resumed = resumeOptions.safeParse(options);
    const parsed = joinOptions.safeParse(resumed.success ? { hostKey: resumed.data.hostKey } : options);
    if (!parsed.success) throw joinError("bad-options", "Join with { name } as a player, { hostKey } as the facilitator, or { watch: true } to watch.");
    if ("hostKey" in parsed.data) {
      if (!hostKeyMatches(parsed.data.hostKey, this.hostKeyHash)) throw joinError("bad-host-key", "That host key does not belong to this session.");
      return this.queued(() => this.admitHost(client));
    }
    if ("watch" in parsed.data) {
      const { name } = parsed.data;
      return this.queued(() => this.admitWatcher(client, name));
    }
    const opts = parsed.data;
    await this.queued(async () => {
      const way = door(this.game, (p) => this.sessionOf.has(p), this.pins, opts, this.deps.now(), this.lateSeatsAsk());
      if (way.to === "refused") throw joinError(way.code, way.said);
      if (way.to === "wait") return this.waitForFacilitator(client, opts.name, way);
      const seated: { player: PlayerId; pin?: string } = way.to === "seat" ? { player: way.player } : await this.newSeat(opts.name);
      // The seat is shown from now on: its join must be in the log first.
      await this.saveLog();
      this.seatPlayer(client, seated.player, seated.pin);
    });
  }

  /** Whether a newcomer after the start waits for the facilitator's yes: the server's limits decide (guarded-room.ts). */
  protected lateSeatsAsk(): boolean {
    return false;
  }

  /** `pin` only to the phone that just took a new seat: it is shown there once, and nowhere else. */
  private seatPlayer(client: Client, player: PlayerId, pin?: string) {
    this.seat(client, player);
    this.sendTo(client, "welcome", { role: "player", code: this.roomId, playerId: player, ...(pin ? { pin } : {}) });
    this.welcomePlayer(client, player);
  }

  /** The phone stays in the room, seatless (it can only watch), until a facilitator answers. */
  private waitForFacilitator(client: Client, typed: string, way: Extract<Door, { to: "wait" }>) {
    if (this.requests.full) throw joinError("requests-full", "The facilitator has many requests waiting already; try again in a minute.");
    const nickname = way.player ? this.game.players[way.player].nickname : cleanNickname(typed);
    this.requests.add(client.sessionId, way.kind, nickname, typed, way.reason, way.player);
    this.sendTo(client, "welcome", { role: "waiting", code: this.roomId, request: way.kind });
    this.sendRequests();
  }

  private sendRequests() {
    for (const host of this.hostClients()) this.sendTo(host, "seat-requests", this.requests.list());
  }

  private async onAnswer(client: Client, raw: unknown) {
    if (!this.hosts.has(client.sessionId)) return this.refuse(client, "answer-request", "not-host", "Only the facilitator, holding the host key, can do that.");
    const msg = answerRequestMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "answer-request", "bad-message", describeIssue(msg.error));
    const request = this.requests.take(msg.data.id);
    if (!request)
      return this.refuse(
        client,
        "answer-request",
        "unknown-request",
        "That request is no longer waiting: the phone left, or another facilitator screen answered it.",
      );
    this.sendRequests();
    const phone = this.clients.get(request.sessionId);
    if (!phone) return;
    const { nickname } = request;
    if (!msg.data.allow) {
      const no = {
        "seat-back": `The facilitator did not give you ${nickname}'s seat.`,
        admit: `The facilitator did not let "${nickname}" in; choose another nickname.`,
        late: "The facilitator did not let you join the game under way.",
      };
      return this.deny(phone, no[request.kind]);
    }
    if (request.player) {
      if (!this.game.players[request.player] || this.sessionOf.has(request.player)) return this.deny(phone, `${nickname}'s seat is no longer free.`);
      return this.seatPlayer(phone, request.player);
    }
    // A name let in, a latecomer, or a removed player's return (the rules give back their score); a latecomer's name is checked again now.
    const seated = await this.newSeat(request.typed, request.kind === "admit").catch((err: Error) => err);
    if (seated instanceof Error) return this.deny(phone, seated.message);
    await this.saveLog();
    this.seatPlayer(phone, seated.player, seated.pin);
  }

  private deny(phone: Client, message: string) {
    this.sendTo(phone, "error", { code: "request-denied", message, about: "join" });
    phone.leave(CLOSE_REQUEST_DENIED, "request denied");
  }

  /**
   * A new host key: stored first (so the old one no longer opens, resumes or lists the session),
   * then handed to the screen that asked, and every other facilitator screen is signed out and told why.
   */
  private async onRotate(client: Client) {
    if (!this.hosts.has(client.sessionId))
      return this.refuse(client, "rotate-host-key", "not-host", "Only the facilitator, holding the host key, can do that.");
    const hostKey = newHostKey();
    const hash = hashHostKey(hostKey);
    await this.deps.store.setHostKeyHash(this.roomId, hash);
    this.hostKeyHash = hash;
    this.endLinkWait(this.phoneLinks.forget(), "replaced");
    this.sendTo(client, "host-key", { hostKey });
    for (const id of [...this.hosts]) {
      if (id === client.sessionId) continue;
      this.hosts.delete(id);
      const other = this.clients.get(id);
      if (other && !this.hostsAway.has(id)) this.signOut(other);
      else this.revokedHosts.add(id);
      this.hostsAway.delete(id);
    }
    this.updateHostPresence();
  }

  /** A one-use link for the facilitator's own phone: its token goes back to the screen that asked, to draw as a QR code. */
  private async onPhoneLink(client: Client, raw: unknown) {
    if (!this.hosts.has(client.sessionId)) return this.refuse(client, "phone-link", "not-host", "Only the facilitator, holding the host key, can do that.");
    const msg = phoneLinkMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "phone-link", "bad-message", "Send { hostKey }: the key this screen holds.");
    if (!hostKeyMatches(msg.data.hostKey, this.hostKeyHash))
      return this.refuse(client, "phone-link", "not-host", "That is not this session's host key any more: open the session again with the new one.");
    const { ended, ...link } = this.phoneLinks.mint(msg.data.hostKey);
    this.endLinkWait(ended, "replaced");
    this.sendTo(client, "phone-link", link);
  }

  /**
   * The phone that opens a live link first waits in the room, holding the link, and every
   * facilitator screen is asked (the projector, where the teacher stands, shows Allow / Refuse).
   * It gets nothing of the key until a facilitator allows it; any other phone is refused meanwhile.
   */
  private waitOnLink(client: Client, token: string, device: DeviceHint | undefined) {
    const opened = this.phoneLinks.open(token, client.sessionId, device);
    if (opened === "held") throw new ServerError(LINK_EXPIRED, wordedText(worded("errors.link.held")));
    if (opened === "dead") throw new ServerError(LINK_EXPIRED, wordedText(worded("errors.link.dead")));
    this.sendTo(client, "welcome", { role: "waiting", code: this.roomId, request: "controls" });
    this.sendLinkRequest({ waiting: true, ...(device ? { device } : {}) });
  }

  /** Allow: the waiting phone becomes a facilitator screen and is handed the key. Refuse: it is closed with the facilitator's no. */
  private async onAnswerPhoneLink(client: Client, raw: unknown) {
    if (!this.hosts.has(client.sessionId))
      return this.refuse(client, "answer-phone-link", "not-host", "Only the facilitator, holding the host key, can do that.");
    const msg = answerPhoneLinkMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "answer-phone-link", "bad-message", describeIssue(msg.error));
    const answered = this.phoneLinks.answer();
    const phone = answered && this.clients.get(answered.sessionId);
    if (!phone)
      return this.refuse(
        client,
        "answer-phone-link",
        "unknown-request",
        "No phone waits for the controls now: it left, the link expired, or another facilitator screen answered.",
      );
    this.sendLinkRequest({ waiting: false, ended: msg.data.allow ? "allowed" : "refused" });
    if (!msg.data.allow) return this.deny(phone, "The facilitator refused this phone the controls, on the projector.");
    await this.admitHost(phone, answered.hostKey);
  }

  /** A waiting phone's link ended before anyone answered: the phone is told why and closed, and the facilitators' prompt goes. */
  private endLinkWait(sessionId: string | undefined, ended: "expired" | "replaced") {
    if (sessionId === undefined) return;
    const phone = this.clients.get(sessionId);
    if (phone) {
      const message =
        ended === "expired"
          ? "Nobody answered on the projector before the link expired. Ask the facilitator for a new code."
          : "The facilitator made a new code (or a new host key) before answering, so this link opens nothing. Scan the new one.";
      this.sendTo(phone, "error", { code: "link-expired", message, about: "join" });
      phone.leave(CLOSE_LINK_ENDED, "phone link ended");
    }
    this.sendLinkRequest({ waiting: false, ended });
  }

  private sendLinkRequest(request: PhoneLinkRequest) {
    for (const host of this.hostClients()) this.sendTo(host, "phone-link-request", request);
  }

  /** The facilitator's choice of resuming by itself after a restart: stored first, since it matters only once this process is gone. */
  private async onAutoResume(client: Client, raw: unknown) {
    if (!this.hosts.has(client.sessionId)) return this.refuse(client, "auto-resume", "not-host", "Only the facilitator, holding the host key, can do that.");
    const msg = autoResumeMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "auto-resume", "bad-message", "Resume by itself after 5 to 3600 seconds, or null for never.");
    await this.deps.store.setAutoResume(this.roomId, msg.data.seconds);
    this.autoResume = msg.data.seconds;
    for (const id of this.hosts) {
      const host = this.clients.get(id);
      if (host) this.sendTo(host, "auto-resume", { seconds: this.autoResume });
    }
  }

  private signOut(host: Client) {
    this.sendTo(host, "error", { code: "host-key-changed", message: KEY_CHANGED, about: "host" });
    host.leave(CLOSE_HOST_KEY_CHANGED, "host key changed");
  }

  /**
   * A reconnection token whose seat is in use on an open socket is refused, not a takeover: the
   * owner keeps the seat. A socket that does not answer a ping was dead and is closed, so the
   * owner's own next try gets in.
   */
  checkReconnectionToken(reconnectionToken: string): string {
    const owner = this.clients.find((c) => c.reconnectionToken === reconnectionToken);
    if (owner && isOpen(owner)) {
      probe(owner);
      throw new ServerError(SEAT_IN_USE, wordedText(worded("errors.code.seat-in-use")));
    }
    return super.checkReconnectionToken(reconnectionToken);
  }

  /** A facilitator's screen; only the session's creator is handed the key. Like every screen, it sees only what the log holds. */
  private async admitHost(client: Client, hostKey?: string) {
    await this.saveLog();
    this.hosts.add(client.sessionId);
    this.sendTo(client, "welcome", { role: "host", code: this.roomId, ...(hostKey === undefined ? {} : { hostKey }) });
    this.sendTo(client, "auto-resume", { seconds: this.autoResume });
    this.watchAsHost(client);
    this.updateHostPresence();
  }

  /**
   * A screen that only watches: what the projector shows (the state, the players' rules, the
   * whole public feed) and nothing only a facilitator may see. An observer's name is checked like
   * a nickname, but takes no seat: the rules and the log never hear of it.
   */
  private async admitWatcher(client: Client, typed?: string) {
    const name = typed === undefined ? undefined : cleanNickname(typed);
    if (name !== undefined) {
      const refused = checkNickname(this.game, name);
      if (refused) throw joinError(refused.code as JoinErrorCode, ruleWorded(refused));
      if (this.watchers.nameTaken(name)) throw joinError("nickname-taken", worded("errors.join.watcher-taken", { name }));
    }
    await this.saveLog();
    this.watchers.add(client.sessionId, name);
    this.sendTo(client, "welcome", { role: "watch", code: this.roomId });
    this.watchAsScreen(client);
    this.sendWatchers();
  }

  /** What a watching screen needs besides the state, on joining and after a reconnect. */
  private watchAsScreen(client: Client) {
    this.sendTo(client, "rules", rulesFor(this.game.config, false));
    this.sendTo(client, "feed", this.feed.last);
    this.sendTo(client, "watchers", this.watchers.list());
    const show = this.debrief.show(this.game);
    if (show) this.sendTo(client, "debrief", show);
    this.sendSurveyBefore([client]);
  }

  /** Who watches, to every facilitator's and watching screen (their lobbies list the observers). */
  private sendWatchers() {
    const list = this.watchers.list();
    for (const client of [...this.hostClients(), ...this.watcherClients()]) this.sendTo(client, "watchers", list);
  }

  private watcherClients(): Client[] {
    return this.watchers.ids().flatMap((id) => this.clients.get(id) ?? []);
  }

  /** What a player's screen needs besides the state, on joining and after a reconnect. */
  private welcomePlayer(client: Client, player: PlayerId) {
    this.sendTo(client, "rules", rulesFor(this.game.config, false));
    const inbox = this.privateData.inboxNow(this.game, player);
    if (inbox) this.sendTo(client, "inbox", inbox);
    this.sendTo(client, "feed", this.feed.last.filter(isForPlayers));
    const mine = this.debrief.mine(player, this.game);
    if (mine) this.sendTo(client, "debrief-mine", mine);
  }

  /** Facilitators' screens receive every player's true score, whatever players may see. */
  private watchAsHost(client: Client) {
    this.sendTo(client, "rules", rulesFor(this.game.config, true));
    this.sendTo(client, "host-scores", this.privateData.allHostScores(this.game));
    this.sendTo(client, "feed", this.feed.last);
    this.sendTo(client, "seat-requests", this.requests.list());
    const waiting = this.phoneLinks.waiting();
    if (waiting) this.sendTo(client, "phone-link-request", { waiting: true, ...(waiting.device ? { device: waiting.device } : {}) });
    this.sendTo(client, "watchers", this.watchers.list());
    const show = this.debrief.show(this.game);
    if (show) this.sendTo(client, "debrief", show);
    this.sendSurveyBefore([client]);
  }

  /** In the lobby of a scenario with questions before and after, who has answered them: the projector counts them against who has joined. */
  private sendSurveyBefore(screens: Client[] = [...this.hostClients(), ...this.watcherClients()]) {
    if (this.game.phase !== "lobby" || !this.game.config.scenario.survey?.length) return;
    const message = { players: this.debrief.answeredBefore() };
    for (const client of screens) this.sendTo(client, "survey-before", message);
  }

  /** After a rule changed, every screen gets the rules as they now stand (encoded once for all players). */
  private sendRules() {
    const hosts = this.hostClients();
    this.broadcast("rules", rulesFor(this.game.config, false), { except: hosts });
    for (const client of hosts) this.sendTo(client, "rules", rulesFor(this.game.config, true));
  }

  /** A seat taken by the rules' join, with its rejoin PIN (kept hashed in the join command). */
  private async newSeat(name: string, admitted = false): Promise<{ player: PlayerId; pin: string }> {
    const { pin, sealed } = this.pins.issue();
    const out = await this.run({ kind: "join", at: this.deps.now(), nickname: name, pin: sealed, ...(admitted ? { admitted } : {}) });
    if ("code" in out) throw joinError(out.code as JoinErrorCode, ruleWorded(out));
    const joined = out.find((e) => e.type === "player-joined") as Extract<GameEvent, { type: "player-joined" }>;
    this.pins.remember(joined.nickname, sealed);
    return { player: joined.player, pin };
  }

  private seat(client: Client, player: PlayerId) {
    this.seats.set(client.sessionId, player);
    this.sessionOf.set(player, client.sessionId);
    this.state.players.get(player)!.connected = true;
  }

  onDrop(client: Client) {
    this.setConnected(client, false);
    // Rejected when the seat's wait ends (timeout, shutdown); onLeave handles the seat then.
    this.allowReconnection(client, this.deps.reconnectSeconds).catch(() => undefined);
  }

  onReconnect(client: Client) {
    // A revoked host screen is signed out, not shown anything (it reconnected with the old key).
    if (this.revokedHosts.delete(client.sessionId)) return this.signOut(client);
    this.setConnected(client, true);
    // A reloaded page reconnects by token and has nothing but the state; much may have changed
    // meanwhile. Queued: what it is sent must be saved first, like everything a screen sees.
    this.serially(async () => {
      const player = this.seats.get(client.sessionId);
      if (player && this.game.players[player]) this.welcomePlayer(client, player);
      if (this.hosts.has(client.sessionId)) this.watchAsHost(client);
      if (this.watchers.has(client.sessionId)) this.watchAsScreen(client);
    });
  }

  onLeave(client: Client) {
    this.setConnected(client, false);
    const player = this.seats.get(client.sessionId);
    if (player) this.sessionOf.delete(player);
    this.seats.delete(client.sessionId);
    this.hosts.delete(client.sessionId);
    this.hostsAway.delete(client.sessionId);
    this.revokedHosts.delete(client.sessionId);
    if (this.requests.dropClient(client.sessionId)) this.sendRequests();
    if (this.phoneLinks.left(client.sessionId)) this.sendLinkRequest({ waiting: false, ended: "left" });
    if (this.watchers.remove(client.sessionId)) this.sendWatchers();
    this.forgetRate(client);
    this.updateHostPresence();
  }

  async onDispose() {
    await this.settle();
    // A session another process took over is not this one's to mark.
    const wasMine = this.core !== undefined && (await this.deps.leases.release(this.roomId).catch(() => false));
    if (wasMine && this.game.phase !== "ended") {
      await this.deps.store
        .setStatus(this.roomId, "interrupted")
        .catch((err) => console.error(`Session ${this.roomId}: could not record the interruption: ${err}`));
    }
  }

  private setConnected(client: Client, on: boolean) {
    const player = this.seats.get(client.sessionId);
    const ps = player ? this.state.players.get(player) : undefined;
    if (ps) ps.connected = on;
    if (!this.hosts.has(client.sessionId)) return;
    if (on) this.hostsAway.delete(client.sessionId);
    else this.hostsAway.add(client.sessionId);
    this.updateHostPresence();
  }

  private updateHostPresence() {
    // Not the client's own state: a host still finishing its join is JOINING, not yet JOINED.
    const connected = [...this.hosts].some((id) => !this.hostsAway.has(id));
    if (this.state.hostConnected !== connected) this.state.hostConnected = connected;
  }

  private async onAct(client: Client, raw: unknown, at: number) {
    const player = this.seats.get(client.sessionId);
    if (!player) return this.refuse(client, "act", "not-a-player", this.notPlaying(client, "Only players can act; the facilitator's screen cannot."));
    const msg = actMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "act", "bad-message", describeIssue(msg.error));
    const out = await this.run({ kind: "act", at, player, ...msg.data });
    if ("code" in out) return this.refuse(client, "act", out.code, out.message, out);
    const looked = out.find((e) => e.type === "looked-up");
    if (looked?.type === "looked-up") {
      const target = this.game.players[looked.target];
      const tier = tierOf(target.score, this.game.config);
      this.sendWithPatch(client, "lookup-result", { target: target.id, nickname: target.nickname, score: target.score, tier, blacklisted: target.blacklisted });
    }
  }

  private async onPlayerMessage(client: Client, type: PlayerMessageType, raw: unknown, at: number) {
    const player = this.seats.get(client.sessionId);
    if (!player) return this.refuse(client, type, "not-a-player", this.notPlaying(client, "Only players can do that; the facilitator's screen cannot."));
    const handler = PLAYER_MESSAGES[type];
    const msg = handler.schema.safeParse(raw);
    if (!msg.success) return this.refuse(client, type, "bad-message", describeIssue(msg.error));
    const out = await this.run(handler.command(player, at, msg.data as never));
    if ("code" in out) return this.refuse(client, type, out.code, out.message, out);
  }

  /** Why a screen without a seat cannot act: an observer is told it joined to watch. */
  private notPlaying(client: Client, otherwise: string): string {
    return this.watchers.has(client.sessionId) ? "You joined to watch: an observer cannot act, vote or answer. Join again with a nickname to play." : otherwise;
  }

  private async onFacilitate(client: Client, raw: unknown, at: number) {
    if (!this.hosts.has(client.sessionId)) return this.refuse(client, "facilitate", "not-host", "Only the facilitator, holding the host key, can do that.");
    if (isClearOffline(raw)) return this.clearOffline(at);
    const msg = facilitateMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "facilitate", "bad-message", describeIssue(msg.error));
    const out = await this.run({ kind: "facilitate", at, command: msg.data });
    if ("code" in out) return this.refuse(client, "facilitate", out.code, out.message, out);
    const removed = msg.data.type === "remove" ? msg.data.player : undefined;
    if (removed) this.whenSaved(() => this.disconnectPlayer(removed));
  }

  /** Removes (without a ban) every seat nobody is connected to: puppets, and phones gone for good. */
  private async clearOffline(at: number) {
    for (const [id, ps] of this.state.players) {
      if (!ps.connected && this.game.players[id]) await this.run({ kind: "facilitate", at, command: { type: "remove", player: id } });
    }
  }

  private disconnectPlayer(player: PlayerId) {
    const sessionId = this.sessionOf.get(player);
    const client = sessionId ? this.clients.get(sessionId) : undefined;
    if (client) {
      this.sendTo(client, "error", { code: "unknown-player", message: "The facilitator removed you from this session.", about: "removed" });
      client.leave(4000, "removed");
    }
  }

  private async openDebrief() {
    await this.debrief.load(this.deps.store, this.roomId, this.game);
    this.sendDebrief();
  }

  /** The facilitator moves every screen to a step of the guided debrief. */
  private async onDebrief(client: Client, raw: unknown, at: number) {
    if (!this.hosts.has(client.sessionId)) return this.refuse(client, "debrief", "not-host", "Only the facilitator, holding the host key, can do that.");
    const msg = debriefMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "debrief", "bad-message", describeIssue(msg.error));
    this.runDebrief(client, "debrief", { kind: "debrief", at, step: msg.data.step }, () => this.sendDebrief());
  }

  /** A player's answer to the poll of the step on the projector. */
  private async onPoll(client: Client, raw: unknown, at: number) {
    const player = this.seats.get(client.sessionId);
    if (!player) return this.refuse(client, "poll", "not-a-player", "Only players can answer; the facilitator's screen cannot.");
    const msg = pollMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "poll", "bad-message", describeIssue(msg.error));
    this.runDebrief(client, "poll", { kind: "poll", at, player, ...msg.data }, () => this.sendDebrief(player));
  }

  /** A player's answers to the scenario's questions before round 1 or after the debrief. */
  private async onSurvey(client: Client, raw: unknown, at: number) {
    const player = this.seats.get(client.sessionId);
    if (!player) return this.refuse(client, "survey", "not-a-player", "Only players can answer; the facilitator's screen cannot.");
    const msg = surveyMessage.safeParse(raw);
    if (!msg.success) return this.refuse(client, "survey", "bad-message", describeIssue(msg.error));
    this.runDebrief(client, "survey", { kind: "survey", at, player, ...msg.data }, () => {
      this.sendDebrief(player);
      this.sendSurveyBefore();
    });
  }

  /** A debrief command is logged like any other, but only the debrief reads it: the game's fold ignores it. */
  private runDebrief(client: Client, about: string, cmd: DebriefCommand, show: () => void) {
    const refusal = this.debrief.check(this.game, cmd);
    if (refusal) return this.refuse(client, about, refusal.code, refusal.message);
    this.record(cmd);
    this.debrief.apply(cmd);
    this.whenSaved(show);
  }

  /** The debrief to the facilitators' screens and to the phones: every phone, or only `player`'s after their own command. */
  private sendDebrief(player?: PlayerId) {
    const show = this.debrief.show(this.game);
    // Watching screens show the projector's debrief too (no host controls): the same reveal and totals.
    if (show) for (const screen of [...this.hostClients(), ...this.watcherClients()]) this.sendWithPatch(screen, "debrief", show);
    for (const [p, sessionId] of this.sessionOf) {
      if (player !== undefined && p !== player) continue;
      const client = this.clients.get(sessionId);
      const mine = this.debrief.mine(p, this.game, player !== undefined);
      if (client && mine) this.sendWithPatch(client, "debrief-mine", mine);
    }
  }

  /**
   * Runs the command through the session core (the clock first, so an overdue round closes;
   * then the command, logged); what screens see of it
   * (the synced state, new rules, a removed player's goodbye) waits for the log (whenSaved).
   * Runs inside a serial job: nothing else is applied while the append is awaited.
   */
  private async run(cmd: Command): Promise<Rejection | GameEvent[]> {
    const rulesBefore = this.game.config;
    const phaseBefore = this.game.phase;
    this.seatsMoved = false;
    const out = this.core.apply(cmd);
    if (this.seatsMoved) await this.deps.store.setPlayers(this.roomId, Object.keys(this.game.players).length);
    if (this.game.config !== rulesBefore) this.whenSaved(() => this.sendRules());
    if (this.game.phase === "ended" && phaseBefore !== "ended") {
      await this.saveLog();
      await this.deps.store.markEnded(this.roomId, cmd.at);
      // The debrief folds the whole log again (seconds for a lecture hall): after the end has been shown.
      this.clock.setTimeout(() => this.serially(() => this.openDebrief()), 2 * PATCH_MS);
    }
    return out;
  }

  /** The room's steps for each command the rules took: logged, then shown once the log holds it. */
  private sessionCore(game: GameState): SessionCore {
    return new SessionCore(game, {
      record: (c) => this.record(c),
      project: (events, c) => {
        this.whenSaved(() => project(this.game, this.state, events, c.at));
        this.feed.add(events, this.game);
        this.privateData.note(this.game, events);
        if (events.some((e) => e.type === "player-joined" || e.type === "player-removed")) this.seatsMoved = true;
      },
    });
  }

  /**
   * Behind each patch: the inboxes and true scores it changed and, every FEED_EVERY_MS, the
   * feed lines since the last batch: all of them to the facilitators' screens, the phase lines
   * to the players' phones (isForPlayers).
   */
  protected beforePatch(): void {
    const { inboxes, hostScores } = this.privateData.changes(this.game, (p) => this.sessionOf.has(p));
    for (const [player, inbox] of inboxes) {
      const client = this.clients.get(this.sessionOf.get(player)!);
      if (client) this.sendWithPatch(client, "inbox", inbox);
    }
    if (hostScores) for (const client of this.hostClients()) this.sendWithPatch(client, "host-scores", hostScores);
    const now = this.deps.now();
    const lines = now - this.feedSentAt >= FEED_EVERY_MS ? this.feed.takeBatch() : undefined;
    if (lines) {
      this.feedSentAt = now;
      // The projector's ticker: every line to the facilitators and to the screens that show the projector's view.
      const screens = [...this.hostClients(), ...this.watcherClients()];
      for (const client of screens) this.sendWithPatch(client, "feed", lines);
      const forPlayers = lines.filter(isForPlayers);
      if (forPlayers.length > 0) this.broadcastWithPatch("feed", forPlayers, screens);
    }
  }

  /** The facilitators' screens connected now: a handful, looked up by id on every patch. */
  private hostClients(): Client[] {
    const out: Client[] = [];
    for (const id of this.hosts) {
      const client = this.clients.get(id);
      if (client) out.push(client);
    }
    return out;
  }

  private async tick() {
    const at = this.deps.now();
    this.endLinkWait(this.phoneLinks.expire(), "expired");
    await this.run({ kind: "tick", at });
    this.whenSaved(() => projectClock(this.game, this.state, at));
    // A heartbeat in the log tells a resumed session how far its clock had run before a crash.
    if (this.game.phase === "round" && !this.game.paused && at - this.lastLoggedAt >= HEARTBEAT_MS) this.record({ kind: "tick", at });
  }

  /** For tests and tools on the server side: the rules' state as it stands. */
  get gameState(): Readonly<GameState> {
    return this.game;
  }

  /** False for a room whose create or resume was refused before it held a session. */
  protected get holdsSession(): boolean {
    return this.core !== undefined;
  }

  private get game(): GameState {
    return this.core.game;
  }

  /** The seat a connection holds, if it is a player's. */
  playerOf(sessionId: string): PlayerId | undefined {
    return this.seats.get(sessionId);
  }

  playerState(id: PlayerId): PlayerState | undefined {
    return this.state.players.get(id);
  }
}
