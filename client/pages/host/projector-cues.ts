import type { SoundCues } from "../../ui/sound.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";

/** A drop this large a share of the score's whole range gets the "drop" cue. */
const BIG_DROP_SHARE = 0.05;
const DROP_GAP_MS = 2000;
const JOIN_GAP_MS = 120;

/**
 * What the projector plays, and when: a join, a round starting, each of the last ten seconds,
 * a round ending, and a big drop in someone's visible score. Nothing plays while the screen
 * catches up on a session (joining late, a reload), only what happens from then on.
 */
export function projectorCues(model: ClassroomModel, sound: SoundCues): () => void {
  let lastTick = -1;
  let lastDrop = 0;
  let lastJoin = 0;
  const live = () => model.isReady && !model.quiet;
  return model.subscribe({
    playerJoined: () => {
      if (!live() || performance.now() - lastJoin < JOIN_GAP_MS) return;
      lastJoin = performance.now();
      sound.play("join");
    },
    feed: (item) => {
      if (!live() || item.type !== "phase") return;
      if (item.action === "round-started") sound.play("round-start");
      if (item.action === "round-ended") sound.play("round-end");
    },
    clock: (left) => {
      const counting = model.info.phase === "round" && !model.info.paused && left >= 1 && left <= 10;
      if (live() && counting && left !== lastTick) sound.play(left <= 3 ? "last-tick" : "tick");
      lastTick = left;
    },
    playerChanged: (p, before) => {
      const now = model.sight(p);
      const then = model.sight(before);
      if (!live() || !now || !then || now.score >= then.score) return;
      const { scoreMin, scoreMax } = model.config;
      if (then.score - now.score < BIG_DROP_SHARE * (scoreMax - scoreMin) || performance.now() - lastDrop < DROP_GAP_MS) return;
      lastDrop = performance.now();
      sound.play("drop");
    },
  });
}
