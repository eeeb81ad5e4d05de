import * as Phaser from "phaser";
import type { FeedEntry } from "../../../shared/text/feed.ts";
import { tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { PlayerInfo } from "../../view/classroom-view.ts";
import { BLACKLIST_COLOR, TIER_COLOR, UNSEEN_COLOR } from "../../ui/palette.ts";
import { fitCamera } from "./fit-camera.ts";
import { GraphEffects } from "./graph-effects.ts";
import { GraphLayout } from "./graph-layout.ts";
import { reducedMotion } from "../../ui/motion.ts";
import { nodeTexture, TEXTURE_SIZE } from "./node-textures.ts";
import { cjkTextReady, hasCjk } from "../../ui/cjk-font.ts";
import { canvasFont } from "./canvas-fonts.ts";

interface NodeView {
  id: string;
  shape: Phaser.GameObjects.Image;
  ring: Phaser.GameObjects.Image;
  label: Phaser.GameObjects.Text;
  size: { r: number };
  bump: { k: number };
  activeUntil: number;
}

const ALL_LABELS_UP_TO = 80;
const LABELLED_LEADERS = 20;
/** Score changes of one player this close together show as one summed badge (a round's end moves everyone several times). */
const BADGE_GATHER_MS = 900;

/** A node where the page shows it, for tests and anyone checking what the graph covers. */
export interface NodeOnScreen {
  id: string;
  nickname: string;
  x: number;
  y: number;
  r: number;
  /** The name's type size in page pixels as drawn (its font size, scaled with the camera and the canvas), 0 when no name is shown. */
  labelPx: number;
}

/**
 * The classroom as a network on the projector: a node per player, shaped and coloured by tier
 * and sized by score; an edge per friendship; pulses, ripples and floating numbers as things
 * happen. A score this screen may not see (shared/rules/view.ts) draws as a plain grey disc
 * of middle size. It reads the model and draws; the only thing it sends is a selection.
 */
export class GraphScene extends Phaser.Scene {
  private layout = new GraphLayout();
  private labelMetrics = new Map<number, Phaser.Types.GameObjects.Text.TextMetrics>();
  private views = new Map<string, NodeView>();
  private edges!: Phaser.GameObjects.Graphics;
  private fx!: GraphEffects;
  private off: (() => void) | undefined;
  private focused: string | undefined;
  private focusRing: Phaser.GameObjects.Image | undefined;
  private insetTop = 0;
  private labelPx = 15;
  private labelCheckedAt = -Infinity;
  private pendingDeltas = new Map<string, number>();
  /** The last score badges floated off nodes, oldest first, for tests and anyone checking what the room saw. */
  private badges: { nickname: string; delta: number; text: string }[] = [];

  constructor(
    private model: ClassroomModel,
    private onSelect: (id: string) => void,
  ) {
    super("graph");
  }

  create(): void {
    this.edges = this.add.graphics().setDepth(0);
    this.focusRing = this.add
      .image(0, 0, nodeTexture(this, "pulse", 0xffffff))
      .setDepth(3)
      .setVisible(false);
    this.fx = new GraphEffects(this, (id) => {
      const v = this.views.get(id);
      return v && { x: v.shape.x, y: v.shape.y, scale: v.shape.scaleX, bump: v.bump };
    });
    this.cameras.main.centerOn(0, 0);
    this.scale.on("resize", () => this.reshape());
    this.reshape();
    // The page reads where each node is drawn through the canvas's parent: see nodesOnScreen.
    Object.assign(this.game.canvas.parentElement ?? {}, { graphNodes: () => this.nodesOnScreen(), graphBadges: () => this.badges.slice() });
    this.rebuild();
    this.off = this.model.subscribe({
      reset: () => this.clear(),
      ready: () => this.rebuild(),
      playerJoined: (p) => this.model.isReady && (this.addNode(p), this.model.quiet || this.fx.pulse(p.id, 0xffffff)),
      playerLeft: (id) => this.removeNode(id),
      playerChanged: (p, before) => this.changed(p, before),
      session: () => this.restyleAll(),
      rules: () => this.restyleAll(),
      friendship: (a, b, on) => this.friendship(a, b, on),
      feed: (item) => this.model.isReady && this.onFeed(item),
    });
    this.events.once("destroy", () => this.off?.());
  }

  /** Screen pixels at the top of the view that something covers (a banner): the graph is framed below them. */
  setInsetTop(px: number): void {
    this.insetTop = Math.max(0, px);
    this.reshape();
  }

  private reshape(): void {
    // Before Phaser has booted the scene (or after it is gone) there is no camera yet: create() calls this again.
    const cam = this.cameras?.main;
    if (!cam) return;
    this.layout.setAspect(cam.width / Math.max(1, cam.height - this.insetTop));
  }

  /** Each node's centre and radius in page pixels, as drawn now. */
  nodesOnScreen(): NodeOnScreen[] {
    const cam = this.cameras?.main;
    if (!cam) return [];
    const box = this.game.canvas.getBoundingClientRect();
    const sx = box.width / Math.max(1, this.game.canvas.width);
    return [...this.views.values()].map((v) => ({
      id: v.id,
      nickname: v.label.text,
      x: box.left + ((v.shape.x - cam.worldView.x) * cam.zoom + cam.x) * sx,
      y: box.top + ((v.shape.y - cam.worldView.y) * cam.zoom + cam.y) * sx,
      r: v.size.r * cam.zoom * sx,
      labelPx: v.label.visible ? parseFloat(String(v.label.style.fontSize)) * v.label.scaleY * cam.zoom * sx : 0,
    }));
  }

  /** Names are set in the page's own type size (24 px on a 1080p projector), read from the canvas's parent. */
  private readLabelSize(): void {
    if (this.time.now - this.labelCheckedAt < 500) return;
    this.labelCheckedAt = this.time.now;
    const parent = this.game.canvas.parentElement;
    const px = parent ? Math.round(parseFloat(getComputedStyle(parent).fontSize)) : 15;
    if (!Number.isFinite(px) || px === this.labelPx) return;
    this.labelPx = px;
    for (const v of this.views.values()) v.label.setFontSize(px);
  }

  /** Rings one player (a replay's pick), keeps their name shown and brightens their friendships. */
  focus(id: string | undefined): void {
    this.focused = id;
  }

  private clear(): void {
    for (const id of [...this.views.keys()]) this.removeNode(id);
  }

  private rebuild(): void {
    this.clear();
    for (const p of this.model.players.values()) this.addNode(p);
    for (const [a, b] of this.model.friendships.values()) this.layout.link(key(a, b), a, b, true);
  }

  /**
   * Size follows the score on the whole scale and, more strongly, within the room's current
   * spread, so that a 20-point lead is visible while everyone is still near the start.
   */
  private radius(p: PlayerInfo, [lo, hi] = this.spread()): number {
    const crowd = Math.max(1, this.views.size);
    const score = this.model.sight(p)?.score;
    const { scoreMin, scoreMax } = this.model.config;
    const absolute = score === undefined ? 0.5 : (score - scoreMin) / Math.max(1, scoreMax - scoreMin);
    const relative = score !== undefined && hi > lo ? (score - lo) / (hi - lo) : 0.5;
    const base = 9 + (0.35 * absolute + 0.65 * relative) * 30;
    return base * Math.max(0.45, Math.min(1.2, Math.sqrt(40 / crowd)));
  }

  private spread(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of this.model.players.values()) {
      const score = this.model.sight(p)?.score;
      if (score === undefined) continue;
      lo = Math.min(lo, score);
      hi = Math.max(hi, score);
    }
    return [lo, hi];
  }

  /** Who may see scores changed, or the scenario's numbers did: every node's look and size follow. */
  private restyleAll(): void {
    for (const v of this.views.values()) {
      const p = this.model.players.get(v.id);
      if (p) this.style(v, p);
    }
    this.resizeSoon();
  }

  /** Re-sizes every node after the spread of scores changed. */
  private resizeAll(): void {
    const spread = this.spread();
    for (const v of this.views.values()) {
      const p = this.model.players.get(v.id);
      if (!p) continue;
      const r = this.radius(p, spread);
      if (Math.abs(r - v.size.r) < 0.5) continue;
      this.layout.setRadius(v.id, r);
      this.tweens.killTweensOf(v.size);
      if (reducedMotion()) v.size.r = r;
      else this.tweens.add({ targets: v.size, r, duration: 700, ease: "Back.Out" });
    }
  }

  private addNode(p: PlayerInfo): void {
    if (this.views.has(p.id)) return;
    const r = this.radius(p);
    const at = this.layout.add(p.id, r);
    const shape = this.add
      .image(at.x!, at.y!, nodeTexture(this, "circle", UNSEEN_COLOR))
      .setDepth(2)
      .setInteractive({ useHandCursor: true });
    shape.on("pointerdown", () => this.onSelect(p.id));
    const ring = this.add.image(at.x!, at.y!, nodeTexture(this, "ring", BLACKLIST_COLOR)).setDepth(3);
    // Every label of a size has the same font: measured once (Phaser measures by drawing to a
    // canvas and reading its pixels back, which for each of 40 labels made opening a replay slower).
    const known = this.labelMetrics.get(this.labelPx);
    const style = {
      fontFamily: canvasFont("--font"),
      fontSize: `${this.labelPx}px`,
      fontStyle: "600",
      color: "#eef2fb",
      stroke: "#0b0f1a",
      strokeThickness: 4,
      ...(known ? { metrics: known } : {}),
    };
    const label = this.add.text(at.x!, at.y!, p.nickname, style).setOrigin(0.5, 0).setDepth(4);
    if (!known) this.labelMetrics.set(this.labelPx, label.style.getTextMetrics());
    this.redrawWithFont(label, p.nickname);
    const view: NodeView = { id: p.id, shape, ring, label, size: { r }, bump: { k: 1 }, activeUntil: 0 };
    this.views.set(p.id, view);
    this.style(view, p);
  }

  private style(v: NodeView, p: PlayerInfo): void {
    const sight = this.model.sight(p);
    const shape = sight ? tierText(sight.tier, this.model.config).shape : "circle";
    v.shape.setTexture(nodeTexture(this, shape, sight ? TIER_COLOR[sight.tier] : UNSEEN_COLOR)).setAlpha(p.connected ? 1 : 0.45);
    v.ring.setVisible(p.blacklisted);
    if (v.label.text !== p.nickname) this.redrawWithFont(v.label.setText(p.nickname), p.nickname);
  }

  /** A Chinese name is drawn again once its font is in: a canvas drew it with what it had (boxes on some devices). */
  private redrawWithFont(label: Phaser.GameObjects.Text, text: string): void {
    if (!hasCjk(text)) return;
    void cjkTextReady(text).then(() => {
      if (label.scene && label.text === text) label.updateText();
    });
  }

  private removeNode(id: string): void {
    const v = this.views.get(id);
    if (!v) return;
    this.tweens.killTweensOf(v.size);
    this.tweens.killTweensOf(v.bump);
    v.shape.destroy();
    v.ring.destroy();
    v.label.destroy();
    this.views.delete(id);
    this.pendingDeltas.delete(id);
    this.layout.remove(id);
  }

  private changed(p: PlayerInfo, before: PlayerInfo): void {
    const v = this.views.get(p.id);
    if (!v) return;
    this.style(v, p);
    if (p.score === before.score && p.showsScore === before.showsScore) return;
    this.resizeSoon();
    if (this.model.quiet) return;
    v.activeUntil = this.time.now + 5000;
    // Only a change seen on both sides floats: a score coming into view is not a gain.
    const seen = this.model.sight(p) !== null && this.model.sight(before) !== null;
    if (this.model.isReady && seen) this.gatherDelta(p.id, p.score - before.score);
  }

  /**
   * One badge per player for changes that come together: the first change starts a short
   * wait, later ones add to it, and the sum floats off the node once.
   */
  private gatherDelta(id: string, delta: number): void {
    const waiting = this.pendingDeltas.has(id);
    this.pendingDeltas.set(id, (this.pendingDeltas.get(id) ?? 0) + delta);
    if (waiting) return;
    this.time.delayedCall(BADGE_GATHER_MS, () => {
      const sum = this.pendingDeltas.get(id) ?? 0;
      this.pendingDeltas.delete(id);
      const v = this.views.get(id);
      if (!v || sum === 0) return;
      const text = this.model.fmtDelta(sum);
      if (this.fx.floatDelta(v.shape.x, v.shape.y - v.size.r, sum, text, this.labelPx))
        this.badges = [...this.badges.slice(-99), { nickname: v.label.text, delta: sum, text }];
    });
  }

  private resizePending = false;

  /** Many scores change in one patch (a round's end moves everyone): resize once after it. */
  private resizeSoon(): void {
    if (this.resizePending) return;
    this.resizePending = true;
    this.time.delayedCall(50, () => {
      this.resizePending = false;
      this.resizeAll();
    });
  }

  private friendship(a: string, b: string, on: boolean): void {
    this.layout.link(key(a, b), a, b, on);
    if (this.model.isReady && !this.model.quiet) this.fx.edgeEvent(key(a, b), on);
  }

  private onFeed(item: FeedEntry): void {
    const actor = this.views.get(item.actor);
    if (actor) actor.activeUntil = this.time.now + 5000;
    if (item.type === "acted") this.fx.pulse(item.actor, item.action === "post-opinion" || item.action === "report" ? 0xe69f00 : 0x56b4e9);
    if (item.type === "score" && (item.rule === "friend-spillover" || item.rule === "reported")) this.fx.ripple(item.actor, item.target, item.delta);
  }

  update(_time: number, delta: number): void {
    this.readLabelSize();
    // With less motion asked for, the layout is shown at rest and the camera framed at once, not glided.
    const still = reducedMotion();
    if (still) for (let i = 0; i < 500 && this.layout.step(); i++);
    else this.layout.step();
    const labelled = this.labelled();
    for (const v of this.views.values()) {
      const n = this.layout.nodes.get(v.id);
      if (!n) continue;
      const d = (v.size.r * 2 * v.bump.k) / TEXTURE_SIZE;
      v.shape.setPosition(n.x!, n.y!).setScale(d);
      v.ring.setPosition(n.x!, n.y!).setScale(d * 1.35);
      v.label.setPosition(n.x!, n.y! + v.size.r * (v.ring.visible ? 1.4 : 1) + 3).setScale(1 / this.cameras.main.zoom);
    }
    this.placeLabels(labelled);
    this.drawEdges();
    this.drawFocus();
    fitCamera(this.cameras.main, this.layout.nodes.values(), still ? 1000 : delta, this.insetTop, this.labelPx * 1.4);
  }

  /**
   * Shows each name at its full size or not at all: in order of priority (the followed player,
   * then the leaderboard's order), a name goes under its node, or above it, where it overlaps
   * no name placed before; otherwise it is left out for now, so a crowded graph in a small view
   * shows fewer names, each one readable.
   */
  private placeLabels(candidates: Set<string>): void {
    const pad = 2 / this.cameras.main.zoom;
    const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
    const order = [...(this.focused ? [this.focused] : []), ...this.model.order, ...this.views.keys()];
    const done = new Set<string>();
    for (const id of order) {
      const v = this.views.get(id);
      if (!v || done.has(id)) continue;
      done.add(id);
      const l = v.label;
      // Under the node first; above it when a name placed earlier is in the way there.
      const below = l.y;
      const above = below - l.displayHeight - 2 * (below - v.shape.y);
      const spot = [below, above].find((y) =>
        placed.every(
          (b) => l.x + l.displayWidth / 2 + pad <= b.x0 || l.x - l.displayWidth / 2 - pad >= b.x1 || y + l.displayHeight + pad <= b.y0 || y - pad >= b.y1,
        ),
      );
      const free = candidates.has(id) && spot !== undefined;
      l.setVisible(free);
      if (!free) continue;
      l.setY(spot);
      placed.push({ x0: l.x - l.displayWidth / 2 - pad, x1: l.x + l.displayWidth / 2 + pad, y0: spot - pad, y1: spot + l.displayHeight + pad });
    }
  }

  private labelled(): Set<string> {
    if (this.views.size <= ALL_LABELS_UP_TO) return new Set(this.views.keys());
    const set = new Set(this.model.order.slice(0, LABELLED_LEADERS));
    if (this.focused) set.add(this.focused);
    for (const v of this.views.values()) if (v.activeUntil > this.time.now) set.add(v.id);
    return set;
  }

  private drawEdges(): void {
    const g = this.edges.clear();
    const zoom = this.cameras.main.zoom;
    g.lineStyle(2 / zoom, 0x8fa3d6, 0.42);
    g.beginPath();
    for (const [a, b] of this.layout.linkEnds()) {
      g.moveTo(a.x!, a.y!);
      g.lineTo(b.x!, b.y!);
    }
    g.strokePath();
    this.fx.drawEdgeHighlights(g, this.layout, zoom);
  }

  private drawFocus(): void {
    const v = this.focused ? this.views.get(this.focused) : undefined;
    const n = v && this.layout.nodes.get(v.id);
    this.focusRing?.setVisible(n !== undefined);
    if (!v || !n) return;
    // The ring texture's radius is just under half its size: this puts it a few pixels outside the node.
    this.focusRing?.setPosition(n.x!, n.y!).setScale((2 * (v.size.r * v.bump.k + 7)) / (TEXTURE_SIZE - 6));
    const g = this.edges;
    g.lineStyle(3 / this.cameras.main.zoom, 0xffffff, 0.85);
    for (const [a, b] of this.layout.linkEnds()) if (a.id === v.id || b.id === v.id) g.lineBetween(a.x!, a.y!, b.x!, b.y!);
  }
}

function key(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
