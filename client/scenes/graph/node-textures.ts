import * as Phaser from "phaser";
import type { TierText } from "../../../shared/text/tiers.ts";

export const TEXTURE_SIZE = 64;

type Paint = (g: Phaser.GameObjects.Graphics, color: number) => void;
const S = TEXTURE_SIZE;
const C = S / 2;

function star(g: Phaser.GameObjects.Graphics, color: number): void {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? C - 1 : C * 0.46;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(new Phaser.Math.Vector2(C + Math.cos(a) * r, C + 2 + Math.sin(a) * r));
  }
  g.fillStyle(color).fillPoints(pts, true);
}

/**
 * The graph's shapes: one per tier (star, triangle, circle, square), a ring that marks the
 * blacklisted and a soft disc for the pulse, so nothing depends on colour alone.
 */
const PAINT: Record<TierText["shape"] | "ring" | "pulse" | "dot", Paint> = {
  circle: (g, color) => g.fillStyle(color).fillCircle(C, C, C - 2),
  square: (g, color) => g.fillStyle(color).fillRoundedRect(5, 5, S - 10, S - 10, 6),
  triangle: (g, color) => g.fillStyle(color).fillTriangle(C, 3, S - 3, S - 6, 3, S - 6),
  star,
  ring: (g, color) => g.lineStyle(6, color).strokeCircle(C, C, C - 4),
  pulse: (g, color) => g.lineStyle(4, color).strokeCircle(C, C, C - 3),
  dot: (g, color) => g.fillStyle(color).fillCircle(C, C, C - 2),
};

export type NodeShape = keyof typeof PAINT;

/**
 * The key of `shape` drawn in `color`, drawn the first time it is asked for. The colour is
 * baked into the texture rather than tinted: Phaser's canvas renderer, which draws the graph
 * where WebGL would be emulated on the processor (client/scenes/start-game.ts), cannot tint.
 */
export function nodeTexture(scene: Phaser.Scene, shape: NodeShape, color: number): string {
  const key = `node-${shape}-${color.toString(16)}`;
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({}, false);
  PAINT[shape](g, color);
  g.generateTexture(key, S, S);
  g.destroy();
  return key;
}
