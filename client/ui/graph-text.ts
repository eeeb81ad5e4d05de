import { formatList, t } from "../../shared/i18n/index.ts";
import type { Tier } from "../../shared/rules/state.ts";
import { feedLine } from "../../shared/text/feed.ts";
import { tierText } from "../../shared/text/tiers.ts";
import type { ClassroomModel } from "../view/classroom-model.ts";
import { h, throttle } from "./dom.ts";
import "./graph-text.css";

const TIERS: Tier[] = ["visa", "travel", "standard", "restricted"];
/** The newest feed lines the list repeats: what just changed on the graph. */
const RECENT = 6;

/**
 * The social graph's text equivalent, for a screen reader or a keyboard: who is in which tier,
 * who is friends with whom, who is blacklisted, and what just changed, from the same model the
 * canvas draws. Folded by default (the class reads the canvas); built while open, and kept up
 * to date at most once a second.
 */
export function graphText(model: ClassroomModel): HTMLElement {
  const body = h("div", { class: "graph-text-body", tabindex: 0 });
  const el = h("details", { class: "graph-text", testid: "graph-text" }, h("summary", { class: "btn btn-ghost" }, t("a11y.graph.open")), body);

  const section = (title: string, empty: string, lines: string[]) =>
    h("section", {}, h("h3", {}, title), h("ul", {}, ...(lines.length ? lines : [empty]).map((line) => h("li", {}, line))));

  const draw = () => {
    if (!el.open) return;
    // Leaderboard order, then anyone not ranked yet.
    const ids = new Set([...model.order, ...model.players.keys()]);
    const players = [...ids].map((id) => model.players.get(id)).filter((p) => p !== undefined);
    const inTier = new Map<Tier | "hidden", string[]>();
    for (const p of players) {
      const tier = model.sight(p)?.tier ?? "hidden";
      (inTier.get(tier) ?? inTier.set(tier, []).get(tier)!).push(p.nickname);
    }
    const tiers = TIERS.filter((tier) => inTier.has(tier)).map((tier) =>
      t("a11y.graph.tier", { tier: tierText(tier, model.config).name, count: inTier.get(tier)!.length, names: formatList(inTier.get(tier)!) }),
    );
    if (inTier.has("hidden")) tiers.push(t("a11y.graph.hidden", { count: inTier.get("hidden")!.length, names: formatList(inTier.get("hidden")!) }));
    const friends = players
      .filter((p) => model.friends(p.id).length)
      .map((p) => t("a11y.graph.friends", { name: p.nickname, count: model.friends(p.id).length, names: formatList(model.friends(p.id).map(model.nameOf)) }));
    const blacklisted = players.filter((p) => p.blacklisted).map((p) => p.nickname);
    const recent = model.feedItems
      .slice(-RECENT)
      .reverse()
      .map((item) => feedLine(item, model.nameOf, model.config).text);
    body.replaceChildren(
      section(t("a11y.graph.tiers"), t("a11y.graph.nobody"), tiers),
      section(t("a11y.graph.friendships"), t("a11y.graph.nobody"), friends),
      section(t("a11y.graph.blacklisted"), t("a11y.graph.nobody"), blacklisted.length ? [formatList(blacklisted)] : []),
      section(t("a11y.graph.recent"), t("a11y.graph.nothing"), recent),
    );
  };
  const soon = throttle(draw, 1000);
  el.addEventListener("toggle", draw);
  model.subscribe({ ready: soon, playerJoined: soon, playerLeft: soon, playerChanged: soon, friendship: soon, feed: soon, session: soon, leaderboard: soon });
  return el;
}
