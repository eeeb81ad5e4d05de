import type { GameConfig } from "../../../shared/rules/config.ts";
import type { Tier } from "../../../shared/rules/state.ts";
import { css, DOWN_COLOR, LINE, TIER_COLOR, UP_COLOR } from "../../ui/palette.ts";
import { reducedMotion } from "../../ui/motion.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";

const SVG = "http://www.w3.org/2000/svg";
/** The gauge sweeps from lower left to lower right, over the top (angles clockwise, y down). */
const START = Math.PI * 0.8;
const SWEEP = Math.PI * 1.4;
const CX = 120;
const CY = 113;
const R = 92;
const TRACK = R * 0.12;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const point = (a: number, r = R) => [CX + Math.cos(a) * r, CY + Math.sin(a) * r] as const;

function arcPath(from: number, to: number): string {
  if (to - from < 0.001) return "";
  const [x0, y0] = point(from);
  const [x1, y1] = point(to);
  return `M${x0.toFixed(2)} ${y0.toFixed(2)}A${R} ${R} 0 ${to - from > Math.PI ? 1 : 0} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

/** The tier bands of a session's score range, lowest first; a band a score cannot reach is left out. */
function bands(c: GameConfig): [number, number, Tier][] {
  const clamp = (n: number) => Math.max(c.scoreMin, Math.min(c.scoreMax, n));
  const all: [number, number, Tier][] = [
    [c.scoreMin, clamp(c.restrictedBelow), "restricted"],
    [clamp(c.restrictedBelow), clamp(c.travelAt), "standard"],
    [clamp(c.travelAt), clamp(c.visaAt), "travel"],
    [clamp(c.visaAt), c.scoreMax, "visa"],
  ];
  return all.filter(([from, to]) => to > from);
}

/**
 * The player's own score as a dial with the session's tier thresholds on it, drawn in SVG so a
 * phone needs no game engine: sparks when it rises, a jolt when it falls. While scores are
 * hidden the dial stays, without its needle. `shakeTarget` is what jolts.
 */
export function scoreDial(model: ClassroomModel, shakeTarget: () => HTMLElement | null) {
  const el = svg("svg", { class: "score-dial", viewBox: "0 0 240 210", "aria-hidden": "true", focusable: "false" });
  const bandGroup = svg("g");
  const progress = svg("path", { fill: "none", stroke: "#ffffff", "stroke-opacity": 0.16, "stroke-width": TRACK, "stroke-linecap": "butt" });
  const knob = svg("circle", { r: R * 0.085, fill: "#ffffff" });
  const sparks = svg("g");
  el.append(
    svg("path", { d: arcPath(START, START + SWEEP), fill: "none", stroke: css(LINE), "stroke-opacity": 0.6, "stroke-width": TRACK }),
    bandGroup,
    progress,
    knob,
    sparks,
  );

  let seen: number | null = null;
  let shown = model.config.startScore;
  let frame = 0;

  const angleOf = (score: number) => {
    const { scoreMin, scoreMax } = model.config;
    const t = (Math.max(scoreMin, Math.min(scoreMax, score)) - scoreMin) / Math.max(1, scoreMax - scoreMin);
    return START + t * SWEEP;
  };

  const drawBands = () => {
    const hidden = seen === null;
    bandGroup.replaceChildren(
      ...bands(model.config).map(([from, to, tier]) =>
        svg("path", {
          d: arcPath(angleOf(from) + 0.01, angleOf(to) - 0.01),
          fill: "none",
          stroke: css(TIER_COLOR[tier]),
          "stroke-opacity": hidden ? 0.25 : 0.9,
          "stroke-width": R * 0.05,
        }),
      ),
    );
    drawNeedle();
  };

  const drawNeedle = () => {
    progress.toggleAttribute("hidden", seen === null);
    knob.toggleAttribute("hidden", seen === null);
    if (seen === null) return;
    const a = angleOf(shown);
    progress.setAttribute("d", arcPath(START, a));
    const [x, y] = point(a);
    knob.setAttribute("cx", x.toFixed(2));
    knob.setAttribute("cy", y.toFixed(2));
  };

  const burst = (score: number, delta: number) => {
    const [x, y] = point(angleOf(score));
    const color = css(delta > 0 ? UP_COLOR : DOWN_COLOR);
    const n = Math.min(24, 6 + Math.round(Math.abs(delta) / 2));
    for (let i = 0; i < n; i++) {
      const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 2.5, fill: color });
      sparks.append(dot);
      const a = Math.random() * Math.PI * 2;
      const d = 20 + Math.random() * 45;
      const run = dot.animate(
        [
          { transform: "translate(0,0) scale(1)", opacity: 1 },
          { transform: `translate(${Math.cos(a) * d}px, ${Math.sin(a) * d + 18}px) scale(0)`, opacity: 0 },
        ],
        { duration: 700 + Math.random() * 300, easing: "cubic-bezier(.2,.7,.4,1)" },
      );
      run.onfinish = () => dot.remove();
    }
  };

  /** Moves the needle to my score as I may see it now; only a change I could see before sparks. */
  const follow = () => {
    const now = model.mySight()?.score ?? null;
    const before = seen;
    if (now === before) return;
    seen = now;
    cancelAnimationFrame(frame);
    if (now === null || before === null) {
      shown = now ?? shown;
      return drawBands();
    }
    if (!model.isReady || reducedMotion()) {
      shown = now;
      return drawNeedle();
    }
    const from = shown;
    const started = performance.now();
    const step = (t: number) => {
      const k = Math.min(1, (t - started) / 900);
      shown = from + (now - from) * (1 - (1 - k) ** 3);
      drawNeedle();
      if (k < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    burst(now, now - before);
    if (now < before)
      shakeTarget()?.animate(
        [
          { transform: "translateX(0)" },
          { transform: "translateX(-6px)" },
          { transform: "translateX(5px)" },
          { transform: "translateX(-3px)" },
          { transform: "translateX(0)" },
        ],
        { duration: 260 },
      );
  };

  seen = model.mySight()?.score ?? null;
  shown = seen ?? model.config.startScore;
  drawBands();
  const off = model.subscribe({ mine: follow, session: follow, ready: follow, rules: drawBands });
  return {
    el,
    dispose() {
      cancelAnimationFrame(frame);
      off();
    },
  };
}
