import { buildReplay } from "../../shared/replay/replay-index.ts";
import { isReplayProblem } from "../../shared/replay/log.ts";
import {
  applyDebrief,
  checkDebrief,
  debriefMine,
  debriefShow,
  emptyDebrief,
  foldDebrief,
  type DebriefRefusal,
  type DebriefState,
} from "../../shared/debrief/session.ts";
import { debriefDeck } from "../../shared/debrief/steps.ts";
import type { DebriefDeck, DebriefMine, DebriefShow } from "../../shared/debrief/types.ts";
import type { Command, DebriefCommand } from "../../shared/rules/commands.ts";
import type { GameState, PlayerId } from "../../shared/rules/state.ts";
import type { SessionStore } from "../storage/store.ts";

/**
 * The room's side of the guided debrief: the deck built once from the stored log when the game
 * has ended (the same fold as the replay), and the debrief's own state, folded from the log's
 * debrief commands so a resumed room or a reloaded projector comes back to the same step. The
 * scenario's questions before round 1 are taken before any deck exists.
 */
export class DebriefDesk {
  private deck: DebriefDeck | undefined;
  private state: DebriefState = emptyDebrief();

  /** A resumed session: the answers and steps its log holds (a deck too, if the game has ended). */
  async restore(store: SessionStore, code: string, game: GameState, log: readonly { command: Command }[]): Promise<void> {
    this.state = foldDebrief(game, undefined, log);
    await this.load(store, code, game);
  }

  /** Reads the whole stored log; call it once the game's last command is saved. */
  async load(store: SessionStore, code: string, game: GameState): Promise<void> {
    if (this.deck || game.phase !== "ended") return;
    const [meta, commands] = await Promise.all([store.get(code), store.commands(code)]);
    if (!meta) return;
    const r = buildReplay({ meta, commands });
    if (isReplayProblem(r)) return;
    this.deck = debriefDeck(r);
    this.state = foldDebrief(game, this.deck, commands);
  }

  check(game: GameState, c: DebriefCommand): DebriefRefusal | undefined {
    return checkDebrief(this.state, game, this.deck, c);
  }

  apply(c: DebriefCommand): void {
    applyDebrief(this.state, c);
  }

  show(game: GameState): DebriefShow | undefined {
    return this.deck && debriefShow(this.state, this.deck, game.config.scenario.survey);
  }

  /** The players who have answered the questions before the game (for the lobby's count on the projector). */
  answeredBefore(): PlayerId[] {
    return [...this.state.surveys.before.keys()];
  }

  /** Before the deck exists, only a phone with the survey's questions waiting for it gets anything, unless `always` (the answer to its own command). */
  mine(player: PlayerId, game: GameState, always = false): DebriefMine | undefined {
    const mine = debriefMine(this.state, this.deck, player, game);
    return this.deck || mine.survey || always ? mine : undefined;
  }
}
