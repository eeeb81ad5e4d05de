import { tierOf } from "../../shared/rules/state.ts";
import { blacklistName } from "../../shared/text/score.ts";
import { tierText } from "../../shared/text/tiers.ts";
import type { ClassroomModel, Sight } from "../view/classroom-model.ts";
import type { PlayerInfo } from "../view/classroom-view.ts";
import { formatNumber, t } from "../../shared/i18n/index.ts";
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
 * re-ordered in place so rows keep their identity and can animate when they move. It is the
 * public leaderboard, empty unless scores are public; `trueScores` switches a facilitator's own
 * screen to everyone's true score (`hostScore`), never meant for the projector.
 */
export function leaderboardList(
  model: ClassroomModel,
  opts: { me?: () => string; onSelect?: (id: string) => void; testid?: string; flash?: () => boolean; trueScores?: () => boolean } = {},
) {
  const el = h("ol", { class: "leaderboard", testid: opts.testid ?? "leaderboard", "aria-label": t("phone.board.title") });
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

  const entries = (): [PlayerInfo, Sight][] => {
    if (opts.trueScores?.()) {
      const all = [...model.players.values()].filter((p) => p.hostScore !== undefined);
      all.sort((a, b) => b.hostScore! - a.hostScore! || a.nickname.localeCompare(b.nickname));
      return all.map((p) => [p, { score: p.hostScore!, tier: tierOf(p.hostScore!, model.config) }]);
    }
    return model.order.flatMap((id) => {
      const p = model.players.get(id);
      const sight = p && model.sight(p);
      return p && sight ? [[p, sight] as [PlayerInfo, Sight]] : [];
    });
  };

  const render = () => {
    const shown = entries();
    const keep = new Set(shown.map(([p]) => p.id));
    for (const [id, row] of rows) if (!keep.has(id)) row.el.remove(), rows.delete(id);
    const me = opts.me?.();
    const flashing: Row[] = [];
    shown.forEach(([p, sight], i) => {
      const row = rowFor(p.id);
      const tier = tierText(sight.tier, model.config);
      setText(row.rank, formatNumber(i + 1));
      setText(row.glyph, p.blacklisted ? "⊘" : tier.glyph);
      setText(row.name, p.nickname);
      setText(row.score, model.fmt(sight.score));
      row.el.className = `lb-row tier-${sight.tier}${p.blacklisted ? " is-blacklisted" : ""}${p.id === me ? " is-me" : ""}${p.connected ? "" : " is-away"}`;
      const about = { place: i + 1, name: p.nickname, score: model.fmt(sight.score), tier: tier.name };
      row.el.setAttribute(
        "aria-label",
        p.blacklisted ? t("phone.board.row-blacklisted", { ...about, blacklist: blacklistName(model.config) }) : t("phone.board.row", about),
      );
      if (!Number.isNaN(row.last) && row.last !== sight.score && (opts.flash?.() ?? true)) {
        row.el.dataset.flash = sight.score > row.last ? "up" : "down";
        flashing.push(row);
      }
      row.last = sight.score;
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
