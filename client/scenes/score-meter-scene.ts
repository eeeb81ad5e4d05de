import * as Phaser from "phaser";
import type { GameConfig } from "../../shared/rules/config.ts";
import type { ClassroomModel } from "../view/classroom-model.ts";
import { DOWN_COLOR, LINE, TIER_COLOR, UP_COLOR } from "../ui/palette.ts";

/** The gauge sweeps from lower left to lower right, over the top. */
const START = Math.PI * 0.8;
const SWEEP = Math.PI * 1.4;

/** The tier bands of a session's score range, lowest first; a band a score cannot reach is left out. */
function bands(c: GameConfig): [number, number, number][] {
  const clamp = (n: number) => Math.max(c.scoreMin, Math.min(c.scoreMax, n));
  const all: [number, number, number][] = [
    [c.scoreMin, clamp(c.restrictedBelow), TIER_COLOR.restricted],
    [clamp(c.restrictedBelow), clamp(c.travelAt), TIER_COLOR.standard],
    [clamp(c.travelAt), clamp(c.visaAt), TIER_COLOR.travel],
    [clamp(c.visaAt), c.scoreMax, TIER_COLOR.visa],
  ];
  return all.filter(([from, to]) => to > from);
}

/**
 * The player's own score as a dial with the session's tier thresholds on it: sparks when it
 * rises, a jolt when it falls. While scores are hidden the dial stays, without its needle.
 */
export class ScoreMeterScene extends Phaser.Scene {
  private dial!: Phaser.GameObjects.Graphics;
  private marker!: Phaser.GameObjects.Graphics;
  private sparks!: Phaser.GameObjects.Particles.ParticleEmitter;
  private shown = { score: 0 };
  private seen: number | null = null;
  private off: (() => void) | undefined;

  constructor(private model: ClassroomModel) {
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
    this.seen = this.model.mySight()?.score ?? null;
    this.shown.score = this.seen ?? this.model.config.startScore;
    this.scale.on("resize", () => this.draw());
    this.draw();
    const follow = () => this.follow();
    this.off = this.model.subscribe({ mine: follow, session: follow, ready: follow, rules: () => this.draw() });
    this.events.once("destroy", () => this.off?.());
  }

  private angleOf(score: number): number {
    const { scoreMin, scoreMax } = this.model.config;
    const t = (Math.max(scoreMin, Math.min(scoreMax, score)) - scoreMin) / Math.max(1, scoreMax - scoreMin);
    return START + t * SWEEP;
  }

  private geometry() {
    const { width, height } = this.scale;
    const r = Math.min(width / 2 - 24, height * 0.44);
    return { cx: width / 2, cy: height * 0.54, r };
  }

  private draw(): void {
    const { cx, cy, r } = this.geometry();
    const g = this.dial.clear();
    const hidden = this.seen === null;
    g.lineStyle(r * 0.12, LINE, 0.6).beginPath().arc(cx, cy, r, START, START + SWEEP).strokePath();
    for (const [from, to, color] of bands(this.model.config)) {
      g.lineStyle(r * 0.05, color, hidden ? 0.25 : 0.9).beginPath().arc(cx, cy, r, this.angleOf(from) + 0.01, this.angleOf(to) - 0.01).strokePath();
    }
    this.drawMarker();
  }

  private drawMarker(): void {
    const g = this.marker.clear();
    if (this.seen === null) return;
    const { cx, cy, r } = this.geometry();
    const a = this.angleOf(this.shown.score);
    g.lineStyle(r * 0.12, 0xffffff, 0.16).beginPath().arc(cx, cy, r, START, a).strokePath();
    g.fillStyle(0xffffff, 1).fillCircle(cx + Math.cos(a) * r, cy + Math.sin(a) * r, r * 0.085);
  }

  /** Moves the needle to my score as I may see it now; only a change I could see before sparks. */
  private follow(): void {
    const now = this.model.mySight()?.score ?? null;
    const before = this.seen;
    if (now === before) return;
    this.seen = now;
    if (now === null || before === null) {
      this.shown.score = now ?? this.shown.score;
      return this.draw();
    }
    this.tweens.killTweensOf(this.shown);
    this.tweens.add({ targets: this.shown, score: now, duration: 900, ease: "Cubic.Out", onUpdate: () => this.drawMarker() });
    if (!this.model.isReady) return;
    const delta = now - before;
    const { cx, cy, r } = this.geometry();
    const a = this.angleOf(now);
    this.sparks.setParticleTint(delta > 0 ? UP_COLOR : DOWN_COLOR);
    this.sparks.explode(Math.min(40, 8 + Math.abs(delta)), cx + Math.cos(a) * r, cy + Math.sin(a) * r);
    if (delta < 0) this.cameras.main.shake(260, Math.min(0.02, 0.004 + Math.abs(delta) / 3000));
  }
}
