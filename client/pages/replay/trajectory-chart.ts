import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { tierOf } from "../../../shared/rules/state.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import { css, TIER_COLOR } from "../../ui/palette.ts";
import { clockText, localScore, sampleLines } from "./score-lines.ts";
import type { Loaded } from "./worker-protocol.ts";

const MUTED = "#93a0bf";

const font = (px: number) => `${px}px "JetBrains Mono Variable", monospace`;
const stepped = uPlot.paths.stepped!({ align: 1 });

/**
 * Every player's score over the session as one line (uPlot: hundreds of lines stay fast),
 * coloured by the tier they ended in, with the rounds as bands and the thresholds as dashes.
 * The chart is built once; moving through time only moves the "now" line, and picking a
 * player swaps one highlighted series. Its text (axes, rounds, thresholds) is set in the
 * page's type size, read from its element, so it reads from the back row like the rest; the
 * size it drew with is on the element's `data-font-px`, for tests (uPlot has no way to ask).
 */
export function trajectoryChart(data: Loaded, onPick: (id: string, at: number) => void) {
  const el = h("div", { class: "traj-chart", testid: "trajectory-chart" });
  const tip = h("div", { class: "chart-tip", hidden: true });
  const now = h("div", { class: "chart-now", "aria-hidden": "true" });
  const points = Math.max(200, Math.min(1500, Math.ceil((data.to - data.from) / 400)));
  const { xs, ys } = sampleLines(data, points);
  const empty: (number | null)[] = new Array(points).fill(null);
  const series: (number | null)[][] = [...ys, empty];
  const selectedSeries = ys.length + 1;
  // Thresholds as they stood over time (a vote may move the visa line); lines coloured by the rules at the end.
  const c = data.rules[data.rules.length - 1]?.config ?? data.config;
  let lo = Math.min(...data.rules.map((x) => x.config.restrictedBelow), c.restrictedBelow);
  let hi = Math.max(...data.rules.map((x) => x.config.visaAt), c.visaAt);
  for (const line of data.lines) {
    for (const v of line.score) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  // A few lines can be bold; hundreds must be thin and faint to stay readable.
  const few = data.lines.length <= 40;
  const [alpha, dimmed, lineWidth] = few ? [0.85, 0.3, 1.75] : [0.4, 0.14, 1];
  let chart: uPlot | undefined;
  let at = data.to;
  let hovered = -1;
  let px = 0;
  let picked = -1;

  const drawBands = (u: uPlot) => {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.font = font(Math.round(px * uPlot.pxRatio));
    ctx.textBaseline = "top";
    data.rounds.forEach((r, i) => {
      const x0 = u.valToPos(r.startAt, "x", true);
      const x1 = u.valToPos(r.endAt ?? data.to, "x", true);
      ctx.fillStyle = i % 2 === 0 ? "#ffffff09" : "#ffffff03";
      ctx.fillRect(x0, top, x1 - x0, height);
      if (x1 - x0 > 2.6 * px * uPlot.pxRatio) {
        ctx.fillStyle = MUTED;
        ctx.fillText(t("replay.timeline.round-short", { round: r.round }), x0 + 5 * uPlot.pxRatio, top + 4 * uPlot.pxRatio);
      }
    });
    ctx.restore();
  };
  const drawThresholds = (u: uPlot) => {
    const ctx = u.ctx;
    const { left, width } = u.bbox;
    ctx.save();
    ctx.setLineDash([6 * uPlot.pxRatio, 6 * uPlot.pxRatio]);
    ctx.lineWidth = uPlot.pxRatio;
    ctx.font = font(Math.round(px * uPlot.pxRatio));
    ctx.textAlign = "right";
    const spans = data.rules.map((x, i) => ({
      x0: i === 0 ? left : Math.max(left, u.valToPos(x.at, "x", true)),
      x1: i === data.rules.length - 1 ? left + width : Math.min(left + width, u.valToPos(data.rules[i + 1].at, "x", true)),
      rules: x.config,
    }));
    for (const [name, color] of [
      ["visaAt", TIER_COLOR.visa],
      ["travelAt", TIER_COLOR.travel],
      ["restrictedBelow", TIER_COLOR.restricted],
    ] as const) {
      spans.forEach(({ x0, x1, rules }, i) => {
        if (x1 <= x0) return;
        const y = u.valToPos(rules[name], "y", true);
        ctx.strokeStyle = `${css(color)}99`;
        ctx.beginPath();
        ctx.moveTo(x0, y);
        ctx.lineTo(x1, y);
        ctx.stroke();
        const next = spans[i + 1]?.rules[name];
        if (next === rules[name]) return;
        ctx.fillStyle = css(color);
        ctx.fillText(localScore(rules[name], data.config), x1 - 4 * uPlot.pxRatio, y - 4 * uPlot.pxRatio);
      });
    }
    ctx.restore();
  };
  const hover = (u: uPlot) => {
    const { left = -1, top = -1, idx } = u.cursor;
    hovered = -1;
    if (idx === null || idx === undefined || left < 0) return void (tip.hidden = true);
    let best = Infinity;
    for (let s = 1; s <= ys.length; s++) {
      const v = u.data[s][idx];
      if (v === null || v === undefined) continue;
      const d = Math.abs(u.valToPos(v, "y") - top);
      if (d < best) {
        best = d;
        hovered = s - 1;
      }
    }
    if (best > 20) hovered = -1;
    tip.hidden = hovered < 0;
    if (hovered < 0) return;
    const player = data.players.find((p) => p.id === data.lines[hovered].id);
    const score = u.data[hovered + 1][idx];
    setText(tip, `${player?.nickname ?? ""} · ${score == null ? "" : localScore(score, data.config)}`);
    tip.style.transform = `translate(${Math.round(left + 12)}px, ${Math.round(top - 28)}px)`;
  };
  const placeNow = () => {
    if (chart) now.style.transform = `translateX(${Math.round(chart.valToPos(at, "x"))}px)`;
  };

  const build = (width: number, height: number) => {
    chart?.destroy();
    px = Math.round(parseFloat(getComputedStyle(el).fontSize)) || 16;
    el.dataset.fontPx = String(px);
    const opts: uPlot.Options = {
      width,
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false }, y: false },
      scales: { x: { time: false, range: [data.from, data.to] }, y: { range: [Math.floor((lo - 15) / 10) * 10, Math.ceil((hi + 15) / 10) * 10] } },
      axes: [
        {
          stroke: MUTED,
          font: font(px),
          size: px * 2.2,
          space: px * 5,
          grid: { stroke: "#ffffff0d" },
          ticks: { stroke: "#ffffff1a" },
          values: (_u, splits) => splits.map((v) => clockText(v - data.from)),
        },
        // Scores in the scenario's own format: a rating of 480 points reads 4.80.
        {
          stroke: MUTED,
          font: font(px),
          size: px * 3,
          space: px * 2,
          grid: { stroke: "#ffffff0d" },
          ticks: { stroke: "#ffffff1a" },
          values: (_u, splits) => splits.map((v) => localScore(v, data.config)),
        },
      ],
      series: [
        {},
        ...data.lines.map(
          (line): uPlot.Series => ({
            stroke: css(TIER_COLOR[tierOf(line.score[line.score.length - 1], c)]),
            width: lineWidth,
            alpha: picked < 0 ? alpha : dimmed,
            paths: stepped,
            points: { show: false },
          }),
        ),
        { stroke: "#ffffff", width: 3.5, paths: stepped, points: { show: false } },
      ],
      hooks: { drawClear: [drawBands], draw: [drawThresholds, placeNow], setCursor: [hover] },
    };
    chart = new uPlot(opts, [xs, ...series], el);
    chart.over.append(now, tip);
    chart.over.addEventListener("click", () => {
      if (hovered >= 0 && chart) onPick(data.lines[hovered].id, chart.posToVal(chart.cursor.left ?? 0, "x"));
    });
    placeNow();
  };

  const fit = () => {
    const width = Math.floor(el.clientWidth);
    const height = Math.floor(el.clientHeight);
    if (width < 50 || height < 50) return;
    // A new type size (a wider window, the larger-text switch) draws the chart anew in it.
    if (!chart || Math.round(parseFloat(getComputedStyle(el).fontSize)) !== px) build(width, height);
    else chart.setSize({ width, height });
    placeNow();
  };
  const resize = new ResizeObserver(fit);
  resize.observe(el);
  addEventListener("resize", fit);

  return {
    el,
    setTime(t: number) {
      at = t;
      placeNow();
    },
    select(id: string | undefined) {
      const i = id === undefined ? -1 : data.lines.findIndex((l) => l.id === id);
      picked = i;
      series[selectedSeries - 1] = i < 0 ? empty : ys[i];
      if (!chart) return;
      for (let s = 1; s < selectedSeries; s++) chart.series[s].alpha = i < 0 ? alpha : dimmed;
      chart.setData([xs, ...series], false);
      chart.redraw();
    },
    dispose() {
      resize.disconnect();
      removeEventListener("resize", fit);
      chart?.destroy();
    },
  };
}
