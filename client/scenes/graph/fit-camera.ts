import * as Phaser from "phaser";
import type { LayoutNode } from "./graph-layout.ts";

const PAD = 40;

/**
 * Glides the camera to frame every node in the part of the view below `insetTop` screen
 * pixels (what a banner over the top of the stage leaves free), centred in it. It moves by
 * elapsed time, not per frame, so a slow projector reaches the same framing as a fast one,
 * only in fewer steps. `labelRoom` is the screen height of a name under the lowest node.
 */
export function fitCamera(cam: Phaser.Cameras.Scene2D.Camera, nodes: Iterable<LayoutNode>, deltaMs: number, insetTop = 0, labelRoom = 24): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x! - n.r);
    maxX = Math.max(maxX, n.x! + n.r);
    minY = Math.min(minY, n.y! - n.r);
    maxY = Math.max(maxY, n.y! + n.r);
  }
  if (minX === Infinity) return;
  const top = Math.min(insetTop, cam.height * 0.5);
  const freeHeight = cam.height - top - labelRoom;
  const zoom = Phaser.Math.Clamp(Math.min(cam.width / (maxX - minX + PAD * 2), freeHeight / (maxY - minY + PAD * 2)), 0.15, 1.8);
  const k = deltaMs >= 1000 ? 1 : 1 - Math.exp(-deltaMs / 350);
  cam.setZoom(cam.zoom + (zoom - cam.zoom) * k);
  const cx = (minX + maxX) / 2;
  // The middle of the free space lies (top - labelRoom) / 2 screen pixels below the view's middle.
  const cy = (minY + maxY) / 2 - (top - labelRoom) / 2 / cam.zoom;
  cam.centerOn(cam.midPoint.x + (cx - cam.midPoint.x) * k, cam.midPoint.y + (cy - cam.midPoint.y) * k);
}
