import { apply, type Applied } from "../../shared/rules/apply.ts";
import type { Command, FacilitatorCommand } from "../../shared/rules/commands.ts";
import { makeConfig, type ActionName, type GameConfig } from "../../shared/rules/config.ts";
import { initialState, RULES_VERSION, type GameState } from "../../shared/rules/state.ts";

/** A scripted game for unit tests: every command must be accepted unless the test says otherwise. */
export class Script {
  s: GameState;
  at = 1_000;
  log: Command[] = [];

  constructor(overrides: Parameters<typeof makeConfig>[0] = {}, seed = 42, rulesVersion = RULES_VERSION) {
    this.s = initialState(makeConfig(overrides), seed, rulesVersion);
  }

  get config(): GameConfig {
    return this.s.config;
  }

  send(c: Command): Applied {
    const out = apply(this.s, c);
    if ("code" in out) throw new Error(`rejected ${c.kind}: ${out.code} ${out.message}`);
    this.log.push(c);
    return out;
  }

  try(c: Command) {
    const out = apply(this.s, c);
    if (!("code" in out)) this.log.push(c);
    return out;
  }

  join(...names: string[]): string[] {
    return names.map((nickname) => {
      const out = this.send({ kind: "join", at: this.at, nickname });
      return (out.events[0] as { player: string }).player;
    });
  }

  host(command: FacilitatorCommand) {
    return this.send({ kind: "facilitate", at: this.at, command });
  }

  act(player: string, action: ActionName, target?: string) {
    return this.send({ kind: "act", at: this.at, player, action, ...(target ? { target } : {}) });
  }

  tryAct(player: string, action: ActionName, target?: string) {
    return this.try({ kind: "act", at: this.at, player, action, ...(target ? { target } : {}) });
  }

  befriend(a: string, b: string) {
    this.act(a, "friend-request", b);
    this.act(b, "accept-friend", a);
  }

  score(p: string): number {
    return this.s.players[p].score;
  }

  advance(ms: number) {
    this.at += ms;
    return this.send({ kind: "tick", at: this.at });
  }
}
