import { liveText } from "../../../shared/text/live.ts";
import { blacklistName } from "../../../shared/text/score.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { go } from "../../router.ts";
import { ballotGap } from "../../ui/ballot-gap.ts";
import { h } from "../../ui/dom.ts";
import { formatNumber, t } from "../../../shared/i18n/index.ts";

/** The secret ballot's card, once the game has one. */
function gapCard(model: ClassroomModel): HTMLElement | null {
  return model.config.ballot ? ballotGap(model.config.ballot, model.ballotState) : null;
}

/**
 * The end of the game on the projector: the podium, a few numbers, the private/public gap and
 * the debrief's questions. Only a facilitator's screen links the debrief replay (it needs the
 * host key) and the lesson kit.
 */
export function finalPanel(model: ClassroomModel, opts: { facilitator: boolean; extra?: HTMLElement[] }) {
  const body = h("div", { class: "final-body" });
  const debrief = h(
    "a",
    { class: "btn", href: "/replay", testid: "open-replay", onclick: (e: Event) => (e.preventDefault(), go(`/replay/${model.info.code}`)) },
    t("host.final.openReplay"),
  );
  // The results and the final network take turns on the stage; the buttons stay in reach of both.
  const guide = h("a", { class: "btn", href: "/guide", target: "_blank", rel: "noopener", testid: "open-guide" }, t("host.final.guide"));
  const toNetwork = h("button", { class: "btn", type: "button", testid: "show-network", onclick: () => showNetwork(true) }, t("host.final.showNetwork"));
  const toResults = h(
    "button",
    { class: "btn", type: "button", testid: "show-results", hidden: true, onclick: () => showNetwork(false) },
    t("host.final.back"),
  );
  const el = h(
    "section",
    { class: "final", "aria-label": t("host.final.label"), testid: "final-panel" },
    h(
      "div",
      { class: "final-head" },
      h("h2", {}, t("host.final.title")),
      h("div", { class: "final-buttons" }, ...(opts.extra ?? []), ...(opts.facilitator ? [debrief, guide] : []), toNetwork, toResults),
    ),
    h("div", { class: "final-scroll", tabindex: 0 }, body),
  );
  const showNetwork = (on: boolean) => {
    el.classList.toggle("dismissed", on);
    toNetwork.hidden = on;
    toResults.hidden = !on;
    (on ? toResults : toNetwork).focus();
  };
  const podiumHost = h("div", { class: "podium-host" });
  const facts = h("div", { class: "final-facts" });
  const left = h("div", { class: "final-left" }, podiumHost, facts);
  let drawnPodium = "";
  let drawn = "";

  /** The podium is redrawn only when its places change, so its entrance plays once. */
  const renderPodium = () => {
    const top = model.order.slice(0, 3).flatMap((id) => {
      const p = model.players.get(id);
      const sight = p && model.sight(p);
      return p && sight ? [{ p, sight }] : [];
    });
    const key = JSON.stringify(top.map((t) => [t.p.nickname, model.fmt(t.sight.score)]));
    if (key === drawnPodium) return;
    drawnPodium = key;
    podiumHost.replaceChildren(
      top.length
        ? h(
            "ol",
            { class: "podium", testid: "podium" },
            ...top.map(({ p, sight }, i) =>
              h(
                "li",
                {},
                h("span", { class: "place" }, t("host.final.place", { place: i + 1 })),
                h("span", { class: "who" }, p.nickname),
                h("span", { class: "pts mono" }, model.fmt(sight.score)),
              ),
            ),
          )
        : h("p", { class: "final-note" }, t("host.final.noPodium")),
    );
  };

  const renderFacts = () => {
    const players = [...model.players.values()];
    const reveals = model.live.filter((e) => e.kind === "audit" && e.revealed).map((e) => liveText(e, model.config, model.nameOf).detail);
    const listed = players.filter((p) => p.blacklisted).length;
    const stat = (n: number, label: string) => h("div", {}, h("b", {}, formatNumber(n)), label);
    facts.replaceChildren(
      h(
        "div",
        { class: "final-stats" },
        stat(players.length, t("host.final.citizens", { count: players.length })),
        stat(model.friendships.size, t("host.final.friendships", { count: model.friendships.size })),
        stat(listed, blacklistName(model.config)),
      ),
      ...reveals.map((r) => h("p", { class: "final-reveal", testid: "audit-reveal" }, r)),
    );
  };

  return {
    el,
    render() {
      if (model.info.phase !== "ended") return;
      debrief.setAttribute("href", `/replay/${model.info.code}`);
      // The session's own kit: its scenario as this session was opened, the host's numbers included.
      guide.setAttribute("href", `/guide/${model.info.code}`);
      renderPodium();
      renderFacts();
      const key = JSON.stringify([model.ballotState, model.config.ballot, model.config.scenario.debriefPrompts]);
      if (key === drawn) return;
      drawn = key;
      const gap = gapCard(model);
      body.classList.toggle("with-gap", gap !== null);
      const prompts = h(
        "section",
        { class: "final-prompts" },
        h("h3", {}, t("host.final.prompts")),
        h("ol", {}, ...model.config.scenario.debriefPrompts.map((q) => h("li", {}, q))),
      );
      // Beside the ballot's card the questions go under it, so both columns fit a projector.
      body.replaceChildren(
        gap ? left : h("div", { class: "final-column" }, left, prompts),
        ...(gap ? [h("div", { class: "final-column" }, gap, prompts)] : []),
      );
    },
  };
}
