import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";

export interface LayoutNode extends SimulationNodeDatum {
  id: string;
  r: number;
}
type LayoutLink = SimulationLinkDatum<LayoutNode> & { key: string };

/**
 * Where each player sits: a force layout (friends attract, everyone repels, nobody overlaps),
 * stepped by the scene's own frames rather than by d3's timer, and warmed up again only when
 * the graph changes, so a quiet graph costs nothing.
 */
export class GraphLayout {
  readonly nodes = new Map<string, LayoutNode>();
  private links = new Map<string, LayoutLink>();
  private sim: Simulation<LayoutNode, LayoutLink>;
  private dirty = false;

  constructor() {
    this.sim = forceSimulation<LayoutNode, LayoutLink>([])
      .force("charge", forceManyBody<LayoutNode>().strength(-100).distanceMax(600))
      .force(
        "link",
        forceLink<LayoutNode, LayoutLink>([])
          .id((n) => n.id)
          .distance(90)
          .strength(0.25),
      )
      // Room below each node for its name.
      .force("collide", forceCollide<LayoutNode>((n) => n.r + 20).iterations(2))
      .force("x", forceX<LayoutNode>(0).strength(0.045))
      .force("y", forceY<LayoutNode>(0).strength(0.07))
      .alphaDecay(0.02)
      .stop();
  }

  add(id: string, r: number): LayoutNode {
    const existing = this.nodes.get(id);
    if (existing) return existing;
    // New players arrive on a spiral around the crowd, not all at the centre.
    const i = this.nodes.size;
    const angle = i * 2.399963;
    const dist = 40 + 22 * Math.sqrt(i);
    const node: LayoutNode = { id, r, x: Math.cos(angle) * dist, y: Math.sin(angle) * dist };
    this.nodes.set(id, node);
    this.rebuild();
    return node;
  }

  remove(id: string): void {
    if (!this.nodes.delete(id)) return;
    for (const [key, l] of this.links) if ((l.source as LayoutNode).id === id || (l.target as LayoutNode).id === id) this.links.delete(key);
    this.rebuild();
  }

  link(key: string, a: string, b: string, on: boolean): void {
    if (on && this.nodes.has(a) && this.nodes.has(b)) this.links.set(key, { key, source: a, target: b });
    else this.links.delete(key);
    this.rebuild();
  }

  /**
   * The shape of the space the graph is shown in, width over height: the pull toward the
   * middle is weaker across than down a wide stage, so the crowd spreads to fill it.
   */
  setAspect(aspect: number): void {
    const a = Math.max(0.5, Math.min(3, aspect));
    (this.sim.force("x") as ReturnType<typeof forceX<LayoutNode>>).strength(0.055 / a);
    (this.sim.force("y") as ReturnType<typeof forceY<LayoutNode>>).strength(0.055 * a);
    this.rebuild();
  }

  setRadius(id: string, r: number): void {
    const n = this.nodes.get(id);
    if (n) n.r = r;
  }

  linkEnds(): [LayoutNode, LayoutNode][] {
    return [...this.links.values()].map((l) => [l.source as LayoutNode, l.target as LayoutNode]);
  }

  /**
   * Hands the changed graph to the simulation at its next step, once however many nodes and
   * links changed since (a round's end, or a replay's jump, changes hundreds at once).
   */
  private rebuild(): void {
    this.dirty = true;
  }

  /** One step of the layout when it is still settling; false once it has come to rest. */
  step(): boolean {
    if (this.dirty) {
      this.dirty = false;
      this.sim.nodes([...this.nodes.values()]);
      (this.sim.force("link") as ReturnType<typeof forceLink<LayoutNode, LayoutLink>>).links([...this.links.values()]);
      this.sim.alpha(Math.max(this.sim.alpha(), 0.5));
    }
    if (this.sim.alpha() < this.sim.alphaMin()) return false;
    this.sim.tick();
    return true;
  }
}
