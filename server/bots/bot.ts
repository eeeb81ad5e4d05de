import { Client, type Room } from "@colyseus/sdk";
import type { ServerMessages } from "../../shared/messages/messages.ts";
import type { ClassroomState } from "../../shared/schema/classroom-state.ts";
import { chooseMove, type BotView, type Profile } from "./behaviour.ts";

/** One bot player: a real SDK client that joins by code and acts on what it decodes. */
export class Bot {
  room!: Room<any, ClassroomState>;
  id = "";
  actions = 0;
  errors = 0;
  readonly lastErrors: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly nickname: string,
    readonly profile: Profile,
    private rnd: () => number,
  ) {}

  async join(url: string, code: string): Promise<void> {
    const sdk = new Client(url);
    this.room = (await sdk.joinById(code, { name: this.nickname })) as Room<any, ClassroomState>;
    this.id = await new Promise<string>((resolve) => {
      const off = this.room.onMessage("welcome", (m: ServerMessages["welcome"]) => {
        off();
        resolve(m.playerId!);
      });
    });
    this.room.onMessage("error", (e: ServerMessages["error"]) => {
      this.errors++;
      if (this.lastErrors.length < 5) this.lastErrors.push(`${e.code}: ${e.message}`);
    });
    this.room.onMessage("lookup-result", () => undefined);
  }

  view(): BotView | undefined {
    const s = this.room.state;
    const me = s?.players?.get(this.id);
    if (!me) return undefined;
    const friends: string[] = [];
    for (const f of s.friendships.values()) {
      if (f.a === this.id) friends.push(f.b);
      else if (f.b === this.id) friends.push(f.a);
    }
    return {
      me: this.id,
      score: me.score,
      actionPoints: me.actionPoints,
      blacklisted: me.blacklisted,
      players: [...s.players.values()].map((p) => ({ id: p.id, score: p.score })),
      friends,
      incomingRequests: [...(me.incomingRequests ?? [])],
    };
  }

  /** Acts every `meanMs` on average (exponential gaps) while a round runs and points remain. */
  play(meanMs: number): void {
    const step = () => {
      const v = this.view();
      const s = this.room.state;
      if (v && s.phase === "round" && !s.paused && (v.actionPoints > 0 || v.incomingRequests.length > 0)) {
        this.room.send("act", chooseMove(this.profile, v, this.rnd));
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
    this.stop();
    await this.room.leave(true).catch(() => undefined);
  }
}
