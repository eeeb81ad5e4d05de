import * as Phaser from "phaser";
import type { TierText } from "../../../shared/text/tiers.ts";

export const TEXTURE_SIZE = 64;

/**
 * White shapes, one per tier, tinted at draw time: star, triangle, circle, square. A ring
 * marks the blacklisted and a soft disc the pulse, so nothing depends on colour alone.
 */
export function makeNodeTextures(scene: Phaser.Scene): void {
  const s = TEXTURE_SIZE;
  const c = s / 2;
  const draw = (key: string, paint: (g: Phaser.GameObjects.Graphics) => void) => {
    if (scene.textures.exists(key)) return;
    const g = scene.make.graphics({}, false);
    paint(g);
    g.generateTexture(key, s, s);
    g.destroy();
  };
  const shape: Record<TierText["shape"], (g: Phaser.GameObjects.Graphics) => void> = {
    circle: (g) => g.fillStyle(0xffffff).fillCircle(c, c, c - 2),
    square: (g) => g.fillStyle(0xffffff).fillRoundedRect(5, 5, s - 10, s - 10, 6),
    triangle: (g) => g.fillStyle(0xffffff).fillTriangle(c, 3, s - 3, s - 6, 3, s - 6),
    star: (g) => {
      const pts: Phaser.Math.Vector2[] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? c - 1 : c * 0.46;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push(new Phaser.Math.Vector2(c + Math.cos(a) * r, c + 2 + Math.sin(a) * r));
      }
      g.fillStyle(0xffffff).fillPoints(pts, true);
    },
  };
  for (const [name, paint] of Object.entries(shape)) draw(`node-${name}`, paint);
  draw("node-ring", (g) => g.lineStyle(6, 0xffffff).strokeCircle(c, c, c - 4));
  draw("node-cross", (g) => g.lineStyle(7, 0xffffff).lineBetween(12, 12, s - 12, s - 12));
  draw("pulse", (g) => g.lineStyle(4, 0xffffff).strokeCircle(c, c, c - 3));
  draw("dot", (g) => g.fillStyle(0xffffff).fillCircle(c, c, c - 2));
}
