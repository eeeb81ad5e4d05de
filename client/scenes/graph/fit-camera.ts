import * as Phaser from "phaser";
import type { LayoutNode } from "./graph-layout.ts";

const PAD = 40;
/** Room under the lowest node for its name. */
const LABEL_ROOM = 24;

/**
 * Glides the camera to frame every node. It moves by elapsed time, not per frame, so a slow
 * projector reaches the same framing as a fast one, only in fewer steps.
 */
export function fitCamera(cam: Phaser.Cameras.Scene2D.Camera, nodes: Iterable<LayoutNode>, deltaMs: number): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x! - n.r);
    maxX = Math.max(maxX, n.x! + n.r);
    minY = Math.min(minY, n.y! - n.r);
    maxY = Math.max(maxY, n.y! + n.r + LABEL_ROOM);
  }
  if (minX === Infinity) return;
  const zoom = Phaser.Math.Clamp(Math.min(cam.width / (maxX - minX + PAD * 2), cam.height / (maxY - minY + PAD * 2)), 0.15, 1.6);
  const k = 1 - Math.exp(-deltaMs / 350);
  cam.setZoom(cam.zoom + (zoom - cam.zoom) * k);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  cam.centerOn(cam.midPoint.x + (cx - cam.midPoint.x) * k, cam.midPoint.y + (cy - cam.midPoint.y) * k);
}
