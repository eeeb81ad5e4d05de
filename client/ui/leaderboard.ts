import { DEFAULT_CONFIG } from "../../shared/rules/config.ts";
import { tierText } from "../../shared/text/tiers.ts";
import type { ClassroomModel } from "../view/classroom-model.ts";
import { h, setText } from "./dom.ts";

interface Row {
  el: HTMLElement;
  rank: HTMLElement;
  glyph: HTMLElement;
  name: HTMLElement;
  score: HTMLElement;
  last: number;
}

/**
 * The leaderboard as a list with one item per player (rank, tier shape, nickname, score),
 * re-ordered in place so rows keep their identity and can animate when they move.
 */
export function leaderboardList(model: ClassroomModel, opts: { me?: () => string; onSelect?: (id: string) => void; testid?: string; flash?: () => boolean } = {}) {
  const el = h("ol", { class: "leaderboard", testid: opts.testid ?? "leaderboard", "aria-label": "Leaderboard" });
  const rows = new Map<string, Row>();

  const rowFor = (id: string): Row => {
    let row = rows.get(id);
    if (row) return row;
    const rank = h("span", { class: "lb-rank mono" });
    const glyph = h("span", { class: "lb-glyph", "aria-hidden": "true" });
    const name = h("span", { class: "lb-name" });
    const score = h("span", { class: "lb-score mono" });
    const li = h("li", { class: "lb-row", "data-player": id }, rank, glyph, name, score);
    if (opts.onSelect) {
      li.tabIndex = 0;
      li.addEventListener("click", () => opts.onSelect!(id));
      li.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && opts.onSelect!(id));
    }
    row = { el: li, rank, glyph, name, score, last: NaN };
    rows.set(id, row);
    return row;
  };

  const render = () => {
    const order = model.order.filter((id) => model.players.has(id));
    for (const [id, row] of rows) if (!model.players.has(id)) (row.el.remove(), rows.delete(id));
    const me = opts.me?.();
    const flashing: Row[] = [];
    order.forEach((id, i) => {
      const p = model.players.get(id)!;
      const row = rowFor(id);
      const t = tierText(p.tier, DEFAULT_CONFIG);
      setText(row.rank, i + 1);
      setText(row.glyph, p.blacklisted ? "⊘" : t.glyph);
      setText(row.name, p.nickname);
      setText(row.score, p.score);
      row.el.className = `lb-row tier-${p.tier}${p.blacklisted ? " is-blacklisted" : ""}${id === me ? " is-me" : ""}${p.connected ? "" : " is-away"}`;
      row.el.setAttribute("aria-label", `${i + 1}. ${p.nickname}, ${p.score}, ${t.name}${p.blacklisted ? ", blacklisted" : ""}`);
      if (!Number.isNaN(row.last) && row.last !== p.score && (opts.flash?.() ?? true)) {
        row.el.dataset.flash = p.score > row.last ? "up" : "down";
        flashing.push(row);
      }
      row.last = p.score;
      if (el.children[i] !== row.el) el.insertBefore(row.el, el.children[i] ?? null);
    });
    // One reflow restarts every changed row's flash: one per row stalls a board of hundreds.
    if (flashing.length > 0) {
      void el.offsetWidth;
      for (const row of flashing) row.el.classList.add("flash");
    }
  };
  return { el, render };
}
