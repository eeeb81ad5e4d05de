import type { ActMessage, ServerMessages } from "../../../shared/messages/messages.ts";
import { nicknameKey } from "../../../shared/rules/nickname-key.ts";
import type { ActorStatus } from "../../../shared/text/availability.ts";
import { blacklistName } from "../../../shared/text/score.ts";
import { isTier, tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { PlayerInfo } from "../../view/classroom-view.ts";
import { formatList, t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";
import { keyedList } from "../../ui/keyed-list.ts";
import { actionButton, sharedReason } from "./action-grid.ts";

const SHOWN_MATCHES = 8;

/** Tier shape, nickname and score of a player, updated in place; a score I may not see is not shown. */
function personLine(model: ClassroomModel) {
  const glyph = h("span", { class: "glyph", "aria-hidden": "true" });
  const name = h("span", { class: "person-name" });
  const score = h("span", { class: "person-score mono" });
  const el = h("span", { class: "person" }, glyph, name, score);
  return {
    el,
    update(p: PlayerInfo) {
      const sight = model.sight(p);
      el.className = `person tier-${sight?.tier ?? "unknown"}${p.blacklisted ? " is-blacklisted" : ""}`;
      setText(glyph, p.blacklisted ? "⊘" : sight ? tierText(sight.tier, model.config).glyph : "◌");
      setText(name, p.nickname);
      setText(score, sight ? model.fmt(sight.score) : "");
      el.title = p.blacklisted ? blacklistName(model.config) : sight ? "" : t("phone.people.score-not-shown");
    },
  };
}

/**
 * Everyone else: my friends (and who drags me down), requests waiting for me, who looked me
 * up, and a search to find anyone and act on them.
 */
export function peoplePanel(model: ClassroomModel, me: () => string, send: (msg: ActMessage) => void) {
  let selected = "";
  let status: ActorStatus | undefined;
  const search = h("input", {
    class: "search",
    type: "search",
    placeholder: t("phone.people.search-placeholder"),
    testid: "search",
    "aria-label": t("phone.people.search-label"),
  });
  const matches = h("ul", { class: "matches", "aria-label": t("phone.people.matches-label") });
  const detail = h("div", { class: "person-detail", hidden: true, "aria-live": "polite" });
  const lookupCard = h("div", { class: "lookup-card", testid: "lookup-result", hidden: true, "aria-live": "polite" });
  const requests = h("ul", { class: "requests", testid: "requests" });
  const friends = h("ul", { class: "friends", testid: "friends" });
  const lookedUp = h("p", { class: "looked-up", testid: "looked-up-by" });
  const buttons = {
    lookup: actionButton("lookup", model, send, () => selected),
    "friend-request": actionButton("friend-request", model, send, () => selected),
    vouch: actionButton("vouch", model, send, () => selected),
    unfriend: actionButton("unfriend", model, send, () => selected),
    report: actionButton("report", model, send, () => selected),
  };
  const detailLine = personLine(model);
  const detailTag = h("span", { class: "tag" });
  const detailName = h("div", { class: "detail-head" }, detailLine.el, detailTag);
  const detailNotice = h("p", { class: "actions-blocked" });
  detail.append(detailName, detailNotice, h("div", { class: "detail-actions" }, ...Object.values(buttons).map((b) => b.el)), lookupCard);

  const select = (id: string) => {
    if (selected !== id) lookupCard.hidden = true;
    selected = id;
    render();
    detail.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };

  const renderDetail = () => {
    const p = model.players.get(selected);
    detail.hidden = !p;
    if (!p) return;
    const isFriend = model.friends(me()).includes(p.id);
    detailLine.update(p);
    setText(detailTag, isFriend ? t("phone.people.friend") : t("phone.people.friend-count", { count: p.friendCount }));
    const shared = sharedReason(model, status);
    detailNotice.hidden = !shared;
    setText(detailNotice, shared ?? "");
    for (const b of Object.values(buttons)) b.update(status, shared);
    // After update, which hides what the scenario leaves out: a friend can be vouched for, not asked again.
    buttons["friend-request"].el.hidden ||= isFriend;
    buttons.vouch.el.hidden ||= !isFriend;
    buttons.unfriend.el.hidden ||= !isFriend;
  };

  const matchRows = keyedList<PlayerInfo>(
    matches,
    (p) => p.id,
    (p) => {
      const line = personLine(model);
      const button = h("button", { class: "match", type: "button", onclick: () => select(p.id) }, line.el);
      return {
        el: h("li", {}, button),
        update(q) {
          line.update(q);
          button.classList.toggle("is-selected", q.id === selected);
        },
      };
    },
  );
  const renderMatches = () => {
    const q = nicknameKey(search.value.trim());
    const others = [...model.players.values()].filter((p) => p.id !== me() && (!q || nicknameKey(p.nickname).includes(q)));
    others.sort((a, b) => a.nickname.localeCompare(b.nickname));
    const note =
      others.length > SHOWN_MATCHES
        ? t("phone.people.more", { count: others.length - SHOWN_MATCHES })
        : others.length === 0
          ? q
            ? t("phone.people.no-match")
            : t("phone.people.nobody-yet")
          : "";
    matchRows(others.slice(0, SHOWN_MATCHES), note ? [h("li", { class: "more" }, note)] : []);
  };

  const friendRows = keyedList<PlayerInfo>(
    friends,
    (p) => p.id,
    (p) => {
      const line = personLine(model);
      const last = h("span", { class: "last mono" });
      const note = h("span", { class: "drag" });
      return {
        el: h("li", {}, h("button", { class: "match", type: "button", onclick: () => select(p.id) }, h("span", { class: "friend-line" }, line.el, last), note)),
        update(q) {
          line.update(q);
          const sight = model.sight(q);
          setText(last, sight && q.last.delta !== 0 ? model.fmtDelta(q.last.delta) : "");
          last.className = `last mono ${q.last.delta < 0 ? "down" : "up"}`;
          // Below the pivot a friend pulls my score down at every round's end; unseen, nobody can tell.
          const drags = sight !== null && sight.score < model.config.friendPivot;
          note.className = `drag ${drags ? "down" : "up"}`;
          setText(note, !sight || model.config.friendWeight === 0 ? "" : drags ? t("phone.people.dragging") : t("phone.people.lifting"));
        },
      };
    },
  );
  const renderFriends = () => {
    const mine = model
      .friends(me())
      .map((id) => model.players.get(id))
      .filter((p): p is PlayerInfo => !!p);
    mine.sort((a, b) => (model.sight(a)?.score ?? Infinity) - (model.sight(b)?.score ?? Infinity) || a.nickname.localeCompare(b.nickname));
    friendRows(mine, mine.length ? [] : [h("li", { class: "more" }, t("phone.people.no-friends"))]);
  };

  const requestRows = keyedList<PlayerInfo>(
    requests,
    (p) => p.id,
    (p) => {
      const line = personLine(model);
      const accept = actionButton("accept-friend", model, send, () => p.id);
      const decline = actionButton("decline-friend", model, send, () => p.id);
      return {
        el: h("li", { class: "request" }, line.el, h("div", { class: "request-buttons" }, accept.el, decline.el)),
        update(q) {
          line.update(q);
          accept.update(status);
          decline.update(status);
        },
      };
    },
  );
  const renderRequests = () => {
    const waiting = model.private.incomingRequests.map((id) => model.players.get(id)).filter((p): p is PlayerInfo => !!p);
    requestRows(waiting);
    requests.closest("section")?.toggleAttribute("hidden", waiting.length === 0);
  };

  const renderLookedUp = () => {
    const names = [...new Set(model.private.lookedUpBy)].reverse().map(model.nameOf);
    setText(lookedUp, names.length ? t("phone.people.looked-up-by", { names: formatList(names), count: names.length }) : t("phone.people.nobody-looked"));
  };

  const render = () => {
    renderMatches();
    renderFriends();
    renderRequests();
    renderLookedUp();
    renderDetail();
  };
  search.addEventListener("input", renderMatches);

  const showLookup = (r: ServerMessages["lookup-result"]) => {
    const tier = isTier(r.tier) ? tierText(r.tier, model.config) : undefined;
    lookupCard.hidden = false;
    lookupCard.replaceChildren(
      h("div", { class: "lookup-title" }, t("phone.people.file-on", { name: r.nickname })),
      h("div", { class: "lookup-score mono" }, model.fmt(r.score)),
      h("div", { class: `tier-badge tier-${r.tier}` }, tier ? `${tier.glyph} ${tier.name}` : r.tier),
      ...(r.blacklisted ? [h("div", { class: "is-blacklisted" }, `⊘ ${blacklistName(model.config)}`)] : []),
      h("small", {}, t("phone.people.they-see", { name: r.nickname })),
    );
  };

  return {
    search,
    matches,
    detail,
    requests,
    friends,
    lookedUp,
    render,
    select,
    showLookup,
    setStatus(s: ActorStatus | undefined) {
      status = s;
      renderDetail();
      renderRequests();
    },
  };
}
