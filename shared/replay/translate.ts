import type { Command } from "../rules/commands.ts";
import type { GameEvent } from "../rules/events.ts";
import type { PlayerId } from "../rules/state.ts";
import type { RuleChange } from "../rules/live/types.ts";
import { changedSetting } from "../rules/live/rule-change.ts";
import type { Replay } from "./replay-index.ts";
import { commandOfEvent, eventBySeq, eventsOfCommand, roundOfEvent } from "./seek.ts";

/**
 * Carries recorded commands into another world. Player ids there follow the order of
 * accepted joins, so a join the other rules refuse shifts every later id; a named deduction
 * is an event number, and event numbers differ too. Both are matched by what they were, not
 * by their number. An appeal that named none (the bots', older phones') is carried as the
 * deduction its recorded appeal judged: left to the rules, it would fall on whatever that
 * player's latest deduction is in the other world, a different one once the worlds differ.
 */
export class Translator {
  pinned = 0;
  private ids = new Map<PlayerId, PlayerId>();
  private back = new Map<PlayerId, PlayerId>();
  private deductions = new Map<string, number>();
  private pinnedKeys: Set<string>;

  constructor(
    private readonly r: Replay,
    changedKeys: string[],
  ) {
    this.pinnedKeys = new Set(changedKeys);
  }

  /** The command for the other world, "pinned" when nothing of it is left, "not-joined" when its player never joined there. */
  translate(c: Command, index: number): Command | "pinned" | "not-joined" {
    if (c.kind === "join" || c.kind === "tick" || c.kind === "debrief") return c;
    if (c.kind === "facilitate") {
      if (c.command.type === "remove") {
        const player = this.ids.get(c.command.player);
        return player === undefined ? "not-joined" : { ...c, command: { ...c.command, player } };
      }
      if (c.command.type === "rule-change") return this.pinnedChange(c.command.change) ? (this.pinned++, "pinned") : c;
      if (c.command.type !== "settings") return c;
      const kept = Object.entries(c.command).filter(([k]) => !this.pinnedKeys.has(k));
      if (kept.length === Object.keys(c.command).length) return c;
      this.pinned++;
      return kept.length > 1 ? { ...c, command: Object.fromEntries(kept) as typeof c.command } : "pinned";
    }
    if (c.kind !== "act") {
      const player = this.ids.get(c.player);
      return player === undefined ? "not-joined" : { ...c, player };
    }
    const player = this.ids.get(c.player);
    const target = c.target === undefined ? undefined : this.ids.get(c.target);
    if (player === undefined || (c.target !== undefined && target === undefined)) return "not-joined";
    const out: Command = { ...c, player, ...(target === undefined ? {} : { target }) };
    // A deduction that never happened in the other world gets a number no event has (0), so
    // the rules refuse the appeal there, as they would any appeal of nothing.
    const judged = c.deduction ?? (c.action === "appeal" ? this.appealed(index) : undefined);
    if (judged !== undefined) out.deduction = this.deductions.get(this.recordedDeduction(judged)) ?? 0;
    return out;
  }

  /** The deduction a recorded appeal judged, from its own event. */
  private appealed(index: number): number | undefined {
    const e = eventsOfCommand(this.r, index).find((x) => x.type === "appeal");
    return e?.type === "appeal" ? e.deduction : undefined;
  }

  /** A live rule change that would overwrite a setting the counterfactual holds fixed. */
  private pinnedChange(change: RuleChange): boolean {
    return this.pinnedKeys.has(changedSetting(change));
  }

  /** Pairs a recorded join with the one in the other world. */
  joined(index: number, events: GameEvent[]): void {
    const recorded = eventsOfCommand(this.r, index).find((e) => e.type === "player-joined");
    const other = events.find((e) => e.type === "player-joined");
    if (recorded?.type !== "player-joined" || other?.type !== "player-joined") return;
    this.ids.set(recorded.player, other.player);
    this.back.set(other.player, recorded.player);
  }

  /** Notes the other world's deductions, under keys that match the recorded ones. */
  observe(events: GameEvent[], index: number, round: number): void {
    for (const e of events) {
      if (e.type === "phase" && e.change === "round-started") round = e.round;
      if (e.type !== "score" || e.delta >= 0) continue;
      this.deductions.set(deductionKey(e.cause.rule, index, round, this.recordedId(e.player)), e.seq);
    }
  }

  recordedId(other: PlayerId): PlayerId {
    return this.back.get(other) ?? other;
  }

  otherId(recorded: PlayerId): PlayerId | undefined {
    return this.ids.get(recorded);
  }

  private recordedDeduction(seq: number): string {
    const e = eventBySeq(this.r, seq);
    if (e?.type !== "score") return "";
    return deductionKey(e.cause.rule, commandOfEvent(this.r, seq), roundOfEvent(this.r, seq), e.player);
  }
}

/** A round-end pull may fall in another command there (a tick before the next action), so it is known by its round. */
function deductionKey(rule: string, index: number, round: number, player: PlayerId): string {
  return rule === "guilt-by-association" ? `pull|${round}|${player}` : `${index}|${rule}|${player}`;
}
