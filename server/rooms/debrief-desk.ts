import { buildReplay } from "../../shared/replay/replay-index.ts";
import { isReplayProblem } from "../../shared/replay/log.ts";
import { applyDebrief, checkDebrief, debriefMine, debriefShow, foldDebrief, type DebriefRefusal, type DebriefState } from "../../shared/debrief/session.ts";
import { debriefDeck } from "../../shared/debrief/steps.ts";
import type { DebriefDeck, DebriefMine, DebriefShow } from "../../shared/debrief/types.ts";
import type { DebriefCommand } from "../../shared/rules/commands.ts";
import type { GameState, PlayerId } from "../../shared/rules/state.ts";
import type { SessionStore } from "../storage/store.ts";

/**
 * The room's side of the guided debrief: the deck built once from the stored log when the game
 * has ended (the same fold as the replay), and the debrief's own state, folded from the log's
 * debrief commands so a resumed room or a reloaded projector comes back to the same step.
 */
export class DebriefDesk {
  private deck: DebriefDeck | undefined;
  private state: DebriefState | undefined;

  get ready(): boolean {
    return this.deck !== undefined;
  }

  /** Reads the whole stored log; call it once the game's last command is saved. */
  async load(store: SessionStore, code: string, game: GameState): Promise<void> {
    if (this.deck || game.phase !== "ended") return;
    const [meta, commands] = await Promise.all([store.get(code), store.commands(code)]);
    if (!meta) return;
    const r = buildReplay({ meta, commands });
    if (isReplayProblem(r)) return;
    this.deck = debriefDeck(r);
    this.state = foldDebrief(game.phase, this.deck, commands);
  }

  check(game: GameState, c: DebriefCommand): DebriefRefusal | undefined {
    if (!this.deck || !this.state) return { code: "debrief-not-open", message: "The debrief starts once the game is over." };
    return checkDebrief(this.state, game.phase, this.deck, c);
  }

  apply(c: DebriefCommand): void {
    applyDebrief(this.state!, c);
  }

  show(): DebriefShow | undefined {
    return this.deck && this.state && debriefShow(this.state, this.deck);
  }

  mine(player: PlayerId): DebriefMine | undefined {
    return this.deck && this.state && debriefMine(this.state, this.deck, player);
  }
}
