import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import type { ActMessage, ServerMessages } from "../../../shared/messages/messages.ts";
import { nicknameKey } from "../../../shared/rules/nickname.ts";
import type { ActorStatus } from "../../../shared/text/availability.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { isTier, tierText } from "../../../shared/text/tiers.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { PlayerInfo } from "../../view/classroom-view.ts";
import { h, setText } from "../../ui/dom.ts";
import { actionButton } from "./action-grid.ts";

const SHOWN_MATCHES = 8;

function personLine(p: PlayerInfo, extra?: Node | string) {
  const t = tierText(p.tier, DEFAULT_CONFIG);
  return h(
    "span",
    { class: `person tier-${p.tier}${p.blacklisted ? " is-blacklisted" : ""}` },
    h("span", { class: "glyph", "aria-hidden": "true" }, p.blacklisted ? "⊘" : t.glyph),
    h("span", { class: "person-name" }, p.nickname),
    h("span", { class: "person-score mono" }, String(p.score)),
    extra ?? null,
  );
}

/**
 * Everyone else: my friends (and who drags me down), requests waiting for me, who looked me
 * up, and a search to find anyone and act on them.
 */
export function peoplePanel(model: ClassroomModel, me: () => string, send: (msg: ActMessage) => void) {
  let selected = "";
  let status: ActorStatus | undefined;
  const search = h("input", { class: "search", type: "search", placeholder: "Find a player by nickname", testid: "search", "aria-label": "Find a player" });
  const matches = h("ul", { class: "matches", "aria-label": "Players found" });
  const detail = h("div", { class: "person-detail", hidden: true, "aria-live": "polite" });
  const lookupCard = h("div", { class: "lookup-card", testid: "lookup-result", hidden: true, "aria-live": "polite" });
  const requests = h("ul", { class: "requests", testid: "requests" });
  const friends = h("ul", { class: "friends", testid: "friends" });
  const lookedUp = h("p", { class: "looked-up", testid: "looked-up-by" });
  const buttons = {
    lookup: actionButton("lookup", send, () => selected),
    "friend-request": actionButton("friend-request", send, () => selected),
    vouch: actionButton("vouch", send, () => selected),
    unfriend: actionButton("unfriend", send, () => selected),
    report: actionButton("report", send, () => selected),
  };
  const detailName = h("div", { class: "detail-head" });
  detail.append(detailName, h("div", { class: "detail-actions" }, ...Object.values(buttons).map((b) => b.el)), lookupCard);

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
    detailName.replaceChildren(personLine(p, h("span", { class: "tag" }, isFriend ? "Friend" : `${p.friendCount} friends`)));
    buttons["friend-request"].el.hidden = isFriend;
    buttons.vouch.el.hidden = !isFriend;
    buttons.unfriend.el.hidden = !isFriend;
    for (const b of Object.values(buttons)) b.update(status);
  };

  const renderMatches = () => {
    const q = nicknameKey(search.value.trim());
    const others = [...model.players.values()].filter((p) => p.id !== me() && (!q || nicknameKey(p.nickname).includes(q)));
    others.sort((a, b) => a.nickname.localeCompare(b.nickname));
    matches.replaceChildren(
      ...others.slice(0, SHOWN_MATCHES).map((p) =>
        h("li", {}, h("button", { class: `match${p.id === selected ? " is-selected" : ""}`, type: "button", onclick: () => select(p.id) }, personLine(p))),
      ),
    );
    if (others.length > SHOWN_MATCHES) matches.append(h("li", { class: "more" }, `${others.length - SHOWN_MATCHES} more — type to narrow`));
    if (others.length === 0) matches.append(h("li", { class: "more" }, q ? "Nobody by that name." : "Nobody else has joined yet."));
  };

  const renderFriends = () => {
    const mine = model.friends(me()).map((id) => model.players.get(id)).filter((p): p is PlayerInfo => !!p);
    mine.sort((a, b) => a.score - b.score);
    friends.replaceChildren(
      ...mine.map((p) => {
        const drags = p.score < DEFAULT_CONFIG.friendPivot;
        const note = drags ? h("span", { class: "drag down" }, "▼ dragging you down") : h("span", { class: "drag up" }, "▲ lifting you");
        const lastHit = p.last.delta !== 0 ? h("span", { class: `last mono ${p.last.delta < 0 ? "down" : "up"}` }, signed(p.last.delta)) : null;
        return h("li", {}, h("button", { class: "match", type: "button", onclick: () => select(p.id) }, personLine(p, lastHit ?? undefined), note));
      }),
    );
    if (mine.length === 0) friends.append(h("li", { class: "more" }, "No friends yet. Friends' scores pull yours up or down at the end of each round."));
  };

  const renderRequests = () => {
    const ids = model.private.incomingRequests.filter((id) => model.players.has(id));
    requests.replaceChildren(
      ...ids.map((id) => {
        const p = model.players.get(id)!;
        const accept = actionButton("accept-friend", send, () => id);
        const decline = actionButton("decline-friend", send, () => id);
        accept.update(status);
        decline.update(status);
        return h("li", { class: "request" }, personLine(p), h("div", { class: "request-buttons" }, accept.el, decline.el));
      }),
    );
    requests.closest("section")?.toggleAttribute("hidden", ids.length === 0);
  };

  const renderLookedUp = () => {
    const names = [...new Set(model.private.lookedUpBy)].reverse().map(model.nameOf);
    setText(lookedUp, names.length ? `${names.join(", ")} looked you up.` : "Nobody has looked you up yet.");
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
    const t = isTier(r.tier) ? tierText(r.tier, DEFAULT_CONFIG) : undefined;
    lookupCard.hidden = false;
    lookupCard.replaceChildren(
      h("div", { class: "lookup-title" }, "File on ", h("b", {}, r.nickname)),
      h("div", { class: "lookup-score mono" }, String(r.score)),
      h("div", { class: `tier-badge tier-${r.tier}` }, t ? `${t.glyph} ${t.name}` : r.tier),
      ...(r.blacklisted ? [h("div", { class: "is-blacklisted" }, "⊘ Blacklisted")] : []),
      h("small", {}, `${r.nickname} can now see that you looked.`),
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
    showLookup,
    setStatus(s: ActorStatus | undefined) {
      status = s;
      renderDetail();
      renderRequests();
    },
  };
}
