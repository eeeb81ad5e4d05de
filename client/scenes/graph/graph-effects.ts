import type * as Phaser from "phaser";
import { reducedMotion } from "../../ui/motion.ts";
import { DOWN_COLOR, UP_COLOR } from "../../ui/palette.ts";
import type { GraphLayout } from "./graph-layout.ts";
import { nodeTexture, TEXTURE_SIZE } from "./node-textures.ts";
import { canvasFont } from "./canvas-fonts.ts";

/** Where a node is drawn, and the factor its size is multiplied by for a brief bump. */
export interface NodeSpot {
  x: number;
  y: number;
  scale: number;
  bump: { k: number };
}

/** More effects than this at once would cost frames on a crowded projector, and nobody could follow them. */
const MAX_EFFECTS = 90;
const EDGE_GLOW_MS = 1600;

/** The graph's motion: pulses on whoever acted, ripples along friendships, numbers that float off. */
export class GraphEffects {
  private live = 0;
  private edgeGlow = new Map<string, { until: number; on: boolean }>();

  constructor(
    private scene: Phaser.Scene,
    private nodeOf: (id: string) => NodeSpot | undefined,
  ) {}

  private budget(): boolean {
    return this.live < MAX_EFFECTS;
  }

  private track(obj: Phaser.GameObjects.GameObject): void {
    this.live++;
    obj.once("destroy", () => this.live--);
  }

  pulse(id: string, color: number): void {
    const node = this.nodeOf(id);
    if (!node || !this.budget() || reducedMotion()) return;
    const ring = this.scene.add
      .image(node.x, node.y, nodeTexture(this.scene, "pulse", color))
      .setDepth(1)
      .setScale(node.scale);
    this.track(ring);
    this.scene.tweens.add({ targets: ring, scale: node.scale * 3.2, alpha: 0, duration: 900, ease: "Cubic.Out", onComplete: () => ring.destroy() });
    this.scene.tweens.killTweensOf(node.bump);
    node.bump.k = 1;
    this.scene.tweens.add({ targets: node.bump, k: 1.3, duration: 140, yoyo: true });
  }

  /** A dot that runs from the actor to a friend along their link, then a hit on arrival. */
  ripple(from: string, to: string, delta: number): void {
    const a = this.nodeOf(from);
    const b = this.nodeOf(to);
    if (!a || !b || !this.budget() || reducedMotion()) return;
    const color = delta < 0 ? DOWN_COLOR : UP_COLOR;
    const dot = this.scene.add
      .image(a.x, a.y, nodeTexture(this.scene, "dot", color))
      .setDepth(5)
      .setScale(10 / TEXTURE_SIZE);
    this.track(dot);
    const path = { t: 0 };
    this.scene.tweens.add({
      targets: path,
      t: 1,
      duration: 650,
      ease: "Sine.InOut",
      onUpdate: () => dot.setPosition(a.x + (b.x - a.x) * path.t, a.y + (b.y - a.y) * path.t),
      onComplete: () => {
        dot.destroy();
        this.pulse(to, color);
      },
    });
  }

  /** Floats a score change off a node; false when the effects budget (or a change under 1) left it out. */
  floatDelta(x: number, y: number, delta: number, label = delta > 0 ? `+${delta}` : `${delta}`, px = 22): boolean {
    if (!this.budget() || Math.abs(delta) < 1) return false;
    const zoom = this.scene.cameras.main.zoom;
    const text = this.scene.add
      .text(x, y, label, {
        fontFamily: canvasFont("--mono"),
        fontSize: `${Math.round(px * 1.1)}px`,
        fontStyle: "bold",
        color: delta > 0 ? "#56b4e9" : "#e69f00",
        stroke: "#0b0f1a",
        strokeThickness: 5,
      })
      .setOrigin(0.5, 1)
      .setDepth(6)
      .setScale(1 / zoom);
    this.track(text);
    // With less motion asked for, the number stands still by its node for as long as it would have floated.
    if (reducedMotion()) this.scene.time.delayedCall(1600, () => text.destroy());
    else
      this.scene.tweens.add({
        targets: text,
        y: y - 46 / zoom,
        alpha: { from: 1, to: 0 },
        duration: 1600,
        ease: "Cubic.Out",
        onComplete: () => text.destroy(),
      });
    return true;
  }

  edgeEvent(key: string, on: boolean): void {
    this.edgeGlow.set(key, { until: this.scene.time.now + EDGE_GLOW_MS, on });
  }

  /** New friendships glow, cut ones flash once more where they were. */
  drawEdgeHighlights(g: Phaser.GameObjects.Graphics, layout: GraphLayout, zoom: number): void {
    const now = this.scene.time.now;
    for (const [key, glow] of this.edgeGlow) {
      const left = glow.until - now;
      if (left <= 0) {
        this.edgeGlow.delete(key);
        continue;
      }
      const [a, b] = key.split("|").map((id) => layout.nodes.get(id));
      if (!a || !b) continue;
      const alpha = left / EDGE_GLOW_MS;
      g.lineStyle((glow.on ? 4 : 3) / zoom, glow.on ? UP_COLOR : DOWN_COLOR, alpha);
      g.lineBetween(a.x!, a.y!, b.x!, b.y!);
    }
  }
}
