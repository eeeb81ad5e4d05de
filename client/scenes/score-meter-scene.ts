import * as Phaser from "phaser";
import { DEFAULT_CONFIG } from "../../shared/rules/config.ts";
import type { ClassroomModel } from "../view/classroom-model.ts";
import { DOWN_COLOR, LINE, TIER_COLOR, UP_COLOR } from "../ui/palette.ts";

const C = DEFAULT_CONFIG;
const BANDS: [number, number, number][] = [
  [C.scoreMin, C.restrictedBelow, TIER_COLOR.restricted],
  [C.restrictedBelow, C.travelAt, TIER_COLOR.standard],
  [C.travelAt, C.visaAt, TIER_COLOR.travel],
  [C.visaAt, C.scoreMax, TIER_COLOR.visa],
];
/** The gauge sweeps from lower left to lower right, over the top. */
const START = Math.PI * 0.8;
const SWEEP = Math.PI * 1.4;

function angleOf(score: number): number {
  return START + ((score - C.scoreMin) / (C.scoreMax - C.scoreMin)) * SWEEP;
}

/** The player's score as a dial with the tier thresholds on it: sparks when it rises, a jolt when it falls. */
export class ScoreMeterScene extends Phaser.Scene {
  private dial!: Phaser.GameObjects.Graphics;
  private marker!: Phaser.GameObjects.Graphics;
  private sparks!: Phaser.GameObjects.Particles.ParticleEmitter;
  private shown = { score: C.startScore };
  private off: (() => void) | undefined;

  constructor(
    private model: ClassroomModel,
    private me: () => string,
  ) {
    super("score-meter");
  }

  create(): void {
    const g = this.make.graphics({}, false);
    g.fillStyle(0xffffff, 1).fillCircle(4, 4, 4);
    g.generateTexture("spark", 8, 8);
    g.destroy();
    this.dial = this.add.graphics();
    this.marker = this.add.graphics();
    this.sparks = this.add.particles(0, 0, "spark", {
      speed: { min: 60, max: 220 },
      lifespan: 900,
      scale: { start: 0.9, end: 0 },
      alpha: { start: 1, end: 0 },
      gravityY: 160,
      emitting: false,
    });
    this.shown.score = this.model.players.get(this.me())?.score ?? C.startScore;
    this.scale.on("resize", () => this.draw());
    this.draw();
    this.off = this.model.subscribe({
      playerChanged: (p, before) => {
        if (p.id === this.me() && p.score !== before.score) this.moveTo(p.score, p.score - before.score);
      },
      ready: () => this.moveTo(this.model.players.get(this.me())?.score ?? this.shown.score, 0),
    });
    this.events.once("destroy", () => this.off?.());
  }

  private geometry() {
    const { width, height } = this.scale;
    const r = Math.min(width / 2 - 24, height * 0.44);
    return { cx: width / 2, cy: height * 0.54, r };
  }

  private draw(): void {
    const { cx, cy, r } = this.geometry();
    const g = this.dial.clear();
    g.lineStyle(r * 0.12, LINE, 0.6).beginPath().arc(cx, cy, r, START, START + SWEEP).strokePath();
    for (const [from, to, color] of BANDS) {
      g.lineStyle(r * 0.05, color, 0.9).beginPath().arc(cx, cy, r, angleOf(from) + 0.01, angleOf(to) - 0.01).strokePath();
    }
    this.drawMarker();
  }

  private drawMarker(): void {
    const { cx, cy, r } = this.geometry();
    const a = angleOf(this.shown.score);
    const g = this.marker.clear();
    g.lineStyle(r * 0.12, 0xffffff, 0.16).beginPath().arc(cx, cy, r, START, a).strokePath();
    g.fillStyle(0xffffff, 1).fillCircle(cx + Math.cos(a) * r, cy + Math.sin(a) * r, r * 0.085);
  }

  private moveTo(score: number, delta: number): void {
    this.tweens.killTweensOf(this.shown);
    this.tweens.add({ targets: this.shown, score, duration: 900, ease: "Cubic.Out", onUpdate: () => this.drawMarker() });
    if (delta === 0) return;
    const { cx, cy, r } = this.geometry();
    const a = angleOf(score);
    const x = cx + Math.cos(a) * r;
    const y = cy + Math.sin(a) * r;
    this.sparks.setParticleTint(delta > 0 ? UP_COLOR : DOWN_COLOR);
    this.sparks.explode(Math.min(40, 8 + Math.abs(delta)), x, y);
    if (delta < 0) this.cameras.main.shake(260, Math.min(0.02, 0.004 + Math.abs(delta) / 3000));
  }
}
