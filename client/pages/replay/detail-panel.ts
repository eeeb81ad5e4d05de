import { formatNumber, t } from "../../../shared/i18n/index.ts";
import type { CauseChain } from "../../../shared/replay/index.ts";
import type { GameEvent } from "../../../shared/rules/events.ts";
import { feedLine, type FeedEntry, type FeedLine, type Tone } from "../../../shared/text/feed.ts";
import { groupFeed, groupLine } from "../../../shared/text/feed-groups.ts";
import { feedEntry, feedRecord } from "../../../shared/text/feed-record.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { BLACKLIST_TEXT, tierText } from "../../../shared/text/tiers.ts";
import { h, setText } from "../../ui/dom.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { auditLines, ballotCard } from "./answers.ts";
import { causeView } from "./cause-view.ts";
import { changedText } from "../../../shared/text/changes.ts";
import { liveEntryOf, liveText } from "../../../shared/text/live.ts";
import { changesUpTo, clockText } from "./score-lines.ts";
import type { Loaded } from "./worker-protocol.ts";

const ICON: Record<Tone, string> = { good: "▲", bad: "▼", social: "◆", system: "●" };

/**
 * Recorded events as the live ticker tells them, oldest first: the feed's own records (feedRecord),
 * grouped the same way; live events and settings in their own words.
 */
function feedLines(recent: readonly GameEvent[], data: Loaded, nameOf: (id: string) => string): FeedLine[] {
  const bySeq = new Map(recent.map((e) => [e.seq, e]));
  const entries = recent.flatMap((e): FeedEntry[] => {
    if (e.type === "settings") return [{ seq: e.seq, type: e.type, actor: "", target: "", action: "", rule: "", delta: 0, round: 0 }];
    const record = feedRecord(e, 0, true);
    return record ? [feedEntry(record)] : [];
  });
  const single = (entry: FeedEntry): FeedLine => {
    const e = bySeq.get(entry.seq);
    if (e?.type === "live") return { text: liveText(liveEntryOf(e), data.config, nameOf).title, tone: "system" };
    if (e?.type === "settings") return { text: t("replay.detail.settings", { changes: changedText(e.changed, data.config) }), tone: "system" };
    return feedLine(entry, nameOf, data.config);
  };
  return groupFeed(entries).map((g) => groupLine(g, nameOf, single, data.config));
}

/**
 * The replay's right-hand detail: with nobody picked, what just happened; with a player
 * picked, their standing at this moment and every score change so far, each one opening its
 * cause chain.
 */
export function detailPanel(data: Loaded, model: ClassroomModel, opts: { cause: (seq: number) => Promise<CauseChain | undefined>; clear: () => void }) {
  const title = h("h2", {});
  const body = h("div", { class: "detail-body" });
  const causeSlot = h("div", { class: "cause-slot" });
  const scroller = h("div", { class: "detail-scroll", tabindex: 0 }, causeSlot, body);
  const el = h("section", { class: "panel detail-panel", testid: "detail" }, title, scroller);
  const nameOf = (id: string) => model.nameOf(id);
  const lineOf = new Map(data.lines.map((l) => [l.id, l]));
  let causeFor: string | undefined;
  let asked = 0;

  const showCause = async (seq: number) => {
    const ticket = ++asked;
    const chain = await opts.cause(seq);
    if (ticket !== asked || !chain) return;
    causeFor = chain.player.id;
    scroller.scrollTop = 0;
    causeSlot.replaceChildren(
      causeView(chain, data.from, nameOf),
      h("button", { class: "btn btn-ghost btn-small", type: "button", onclick: () => causeSlot.replaceChildren() }, t("replay.detail.close")),
    );
  };

  // Built once: what the scenario's questions ask about, shown once the replay reaches the end.
  const ballot = ballotCard(data, "replay");
  const audits = data.answers.audits.map((a) =>
    h("p", { class: "end-audit", testid: "replay-audit" }, ...auditLines(a, data).flatMap((l, i) => (i ? [h("br"), l] : [l]))),
  );
  const after = ballot || audits.length ? h("div", { class: "after-game", testid: "after-game" }, ballot, ...audits) : undefined;

  const renderFeed = (recent: readonly GameEvent[]) => {
    const ended = model.info.phase === "ended" && after !== undefined;
    setText(title, ended ? t("replay.detail.after") : t("replay.detail.now"));
    const items = feedLines(recent, data, nameOf)
      .reverse()
      .map((l) => h("li", { class: `tick tone-${l.tone}` }, h("span", { class: "tick-icon", "aria-hidden": "true" }, ICON[l.tone]), h("span", {}, l.text)));
    body.replaceChildren(
      ...(ended ? [after] : []),
      h("ol", { class: "ticker", testid: "replay-feed" }, ...items),
      h("p", { class: "hint" }, t("replay.detail.hint")),
    );
  };

  const renderPlayer = (id: string, at: number) => {
    const p = model.players.get(id);
    const name = p?.nickname ?? data.players.find((x) => x.id === id)?.nickname ?? id;
    title.replaceChildren(
      h("span", {}, name),
      h(
        "button",
        { class: "btn btn-ghost btn-small", type: "button", testid: "clear-selection", onclick: opts.clear, "aria-label": t("replay.detail.unfollow") },
        "✕",
      ),
    );
    const line = lineOf.get(id);
    const changes = line ? changesUpTo(data, line, at) : [];
    const tier = p && p.tier !== "" ? tierText(p.tier, model.config) : undefined;
    const standing = p
      ? h(
          "div",
          { class: `standing tier-${p.tier}` },
          h("span", { class: "standing-score mono", testid: "selected-score" }, formatNumber(p.score)),
          h(
            "span",
            {},
            h("b", {}, `${tier!.glyph} ${tier!.name}`),
            h("br", {}),
            t("replay.detail.rank", { rank: model.placeOf(p.id), players: model.players.size, friends: p.friendCount }),
            p.blacklisted ? h("span", { class: "is-blacklisted" }, ` · ${BLACKLIST_TEXT.name}`) : "",
          ),
        )
      : h("p", { class: "muted" }, t("replay.detail.absent"));
    const list = h(
      "ol",
      { class: "changes", testid: "score-changes" },
      ...changes.map((c) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "change", testid: "score-change", disabled: c.delta === 0, onclick: () => void showCause(c.event) },
            h("span", { class: "mono when" }, clockText(c.at - data.from)),
            h("span", { class: `mono delta ${c.delta < 0 ? "down" : "up"}` }, c.delta === 0 ? "" : signed(c.delta)),
            h("span", { class: "why" }, c.reason),
            h("span", { class: "mono after" }, formatNumber(c.score)),
          ),
        ),
      ),
    );
    body.replaceChildren(standing, h("h3", { class: "sub" }, t("replay.detail.changes")), list);
  };

  return {
    el,
    showCause,
    render(selected: string | undefined, at: number, recent: readonly GameEvent[]) {
      if (causeFor !== undefined && causeFor !== selected) {
        causeSlot.replaceChildren();
        causeFor = undefined;
      }
      if (selected) renderPlayer(selected, at);
      else renderFeed(recent);
    },
  };
}
