import { Client, CloseCode, type Room } from "@colyseus/sdk";
import { EMPTY_INBOX, mergeInbox, type Inbox, type InboxUpdate, type RulesMessage, type ServerMessages } from "../../shared/messages/messages.ts";
import { ACTION_NAMES } from "../../shared/rules/config.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";
import { chooseBallot, chooseMove, chooseVote, fitMove, wantsToShowScore, type BotRules, type BotView, type Profile } from "./behaviour.ts";

/** Reconnection attempts to the same process before the bot joins again by code (about 3 s). */
const SAME_PROCESS_RETRIES = 4;
const REJOIN_EVERY_MS = 1000;

/**
 * One bot player: a real SDK client that joins by code and acts on what it decodes. When its
 * room's process dies, the bot joins again by code and nickname through the address it first
 * used, as a player would, and takes its seat back once the facilitator has resumed.
 */
export class Bot {
  room!: Room<any, ClassroomState>;
  id = "";
  actions = 0;
  errors = 0;
  votes = 0;
  ballots = 0;
  rejoins = 0;
  readonly lastErrors: string[] = [];
  private rules: RulesMessage | undefined;
  /** This bot's private data, as the server last sent it. */
  inbox: Inbox = EMPTY_INBOX;
  private sent = new Set<string>();
  private showing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private entry: { url: string; code: string } | undefined;
  private leaving = false;
  private pin: string | undefined;

  constructor(
    readonly nickname: string,
    readonly profile: Profile,
    private rnd: () => number,
  ) {}

  async join(url: string, code: string): Promise<void> {
    this.entry = { url, code };
    const room = (await new Client(url).joinById(code, { name: this.nickname, ...(this.pin ? { pin: this.pin } : {}) })) as Room<any, ClassroomState>;
    room.onMessage("rules", (r: RulesMessage) => {
      this.rules = r;
    });
    const welcome = new Promise<string>((resolve) => {
      const off = room.onMessage("welcome", (m: ServerMessages["welcome"]) => {
        off();
        // Kept as a phone keeps it: a bot that rejoins by nickname after a failover needs its seat's PIN.
        this.pin ??= m.pin;
        resolve(m.playerId!);
      });
    });
    room.onMessage("error", (e: ServerMessages["error"]) => {
      this.errors++;
      if (this.lastErrors.length < 5) this.lastErrors.push(`${e.code}: ${e.message}`);
    });
    room.onMessage("inbox", (m: InboxUpdate) => {
      this.inbox = mergeInbox(this.inbox, m);
    });
    room.onMessage("lookup-result", () => undefined);
    room.onMessage("feed", () => undefined);
    room.reconnection.maxRetries = SAME_PROCESS_RETRIES;
    room.onLeave((closeCode) => {
      if (!this.leaving && closeCode !== CloseCode.CONSENTED && room.state?.phase !== "ended") void this.rejoin();
    });
    this.id = await welcome;
    this.room = room;
  }

  /** Joins again by code until the session is back (resumed on any process) or a minute passes. */
  private async rejoin(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!this.leaving && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, REJOIN_EVERY_MS));
      try {
        await this.join(this.entry!.url, this.entry!.code);
        this.rejoins++;
        return;
      } catch {
        // The session is not running anywhere yet; the facilitator has to resume it.
      }
    }
  }

  /** Whether the bot is in its room right now (not between a lost process and a rejoin). */
  get connected(): boolean {
    return this.room?.connection?.isOpen === true;
  }

  private botRules(): BotRules {
    const s = this.room.state;
    const r = this.rules;
    return {
      topics: r?.topics.map((t) => t.id) ?? [],
      bannedTopics: [...(s.bannedTopics ?? [])],
      ballotOptions: r?.ballot?.options.length ?? 0,
      voteOptions: [...(s.vote?.options ?? [])],
      available: ACTION_NAMES.filter((a) => (r ? r.actions[a].enabled : true) && !(a === "lookup" && s.visibility === "hidden")),
    };
  }

  /** Votes when among the top players, answers the secret ballot when it opens, opts in to show a good score. */
  private answerQuestions(): void {
    const s = this.room.state;
    const me = this.inbox;
    if (!s?.players?.get(this.id)) return;
    const once = (key: string, send: () => void) => {
      if (this.sent.has(key)) return;
      this.sent.add(key);
      send();
    };
    if (me.voteStatus === "eligible") {
      const option = chooseVote(this.botRules(), this.rnd);
      if (option) once(`vote:${s.vote.seq}`, () => (this.room.send("vote", { option }), this.votes++));
    }
    const stage = s.ballot?.open;
    if ((stage === "start" || stage === "end") && this.rules?.ballot && !me.ballotsAnswered.includes(stage)) {
      once(`ballot:${stage}`, () => (this.room.send("ballot", { stage, answer: chooseBallot(this.profile, this.botRules(), this.rnd) }), this.ballots++));
    }
    const show = s.visibility === "owner" && wantsToShowScore(this.profile, me.ownScore, this.rules?.startScore ?? 0);
    if (show !== this.showing) {
      this.showing = show;
      this.room.send("show-score", { on: show });
    }
  }

  view(): BotView | undefined {
    return this.room.state ? viewOf(this.room.state, this.id, this.inbox, this.rules?.startScore ?? 0) : undefined;
  }

  /** Acts every `meanMs` on average (exponential gaps) while a round runs and points remain. */
  play(meanMs: number): void {
    const step = () => {
      const v = this.view();
      const s = this.room.state;
      this.answerQuestions();
      if (v && this.connected && s.phase === "round" && !s.paused && (v.actionPoints > 0 || v.incomingRequests.length > 0)) {
        const move = fitMove(chooseMove(this.profile, v, this.rnd), this.profile, this.botRules(), this.rnd);
        // An appeal names its deduction, the newest open one, as a phone's appeal button does: a recorded appeal then says what it appealed.
        const newest = move.action === "appeal" ? this.inbox.deductions.at(-1) : undefined;
        this.room.send("act", newest ? { ...move, deduction: newest.id } : move);
        this.actions++;
      }
      if (s?.phase !== "ended") this.timer = setTimeout(step, -Math.log(1 - this.rnd()) * meanMs);
    };
    this.timer = setTimeout(step, this.rnd() * meanMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  async leave(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    this.stop();
    if (this.connected) await this.room.leave(true).catch(() => undefined);
  }
}

/**
 * What a player's screen knows (the shared state and its own inbox), as the move chooser wants it. While scores are hidden a
 * player knows nobody's, its own included: it guesses the start score.
 */
export function viewOf(s: ClassroomState, me: string, inbox: Inbox, startScore: number): BotView | undefined {
  const mine = s.players?.get(me);
  if (!mine) return undefined;
  const friends: string[] = [];
  for (const key of s.friendships.keys()) {
    const [a, b] = key.split("|");
    if (a === me) friends.push(b);
    else if (b === me) friends.push(a);
  }
  const own = inbox.ownScore || startScore;
  return {
    me,
    score: own,
    actionPoints: inbox.actionPoints,
    blacklisted: mine.blacklisted,
    players: [...s.players.values()].map((p) => ({ id: p.id, score: p.id === me ? own : p.score || own })),
    friends,
    incomingRequests: inbox.incomingRequests,
  };
}
