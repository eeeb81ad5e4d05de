import type { ClassroomModel } from "../../view/classroom-model.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";

const PLACES = ["1st", "2nd", "3rd"];

/** The end of the game on the projector: the podium and a few numbers to open the debrief with. */
export function finalPanel(model: ClassroomModel) {
  const podium = h("ol", { class: "podium", testid: "podium" });
  const stats = h("div", { class: "final-stats" });
  const el = h(
    "section",
    { class: "final", "aria-label": "Final results" },
    h("h2", {}, "Game over"),
    podium,
    stats,
    h("p", { class: "final-note" }, "Who did you unfriend, and why? Which of these rules exist somewhere, and which are myths?"),
    h(
      "div",
      { class: "final-buttons" },
      h("a", { class: "btn btn-primary", href: "/replay", testid: "open-replay", onclick: (e: Event) => (e.preventDefault(), go(`/replay/${model.info.code}`)) }, "▶ Open the debrief replay"),
      h("button", { class: "btn", type: "button", onclick: () => el.classList.add("dismissed") }, "Show the final network"),
    ),
  );
  return {
    el,
    render() {
      if (model.info.phase !== "ended") return;
      el.querySelector("[data-testid=open-replay]")?.setAttribute("href", `/replay/${model.info.code}`);
      const top = model.order.slice(0, 3).map((id) => model.players.get(id)).filter((p) => p !== undefined);
      podium.replaceChildren(
        ...top.map((p, i) => h("li", {}, h("span", { class: "place" }, PLACES[i]), h("span", { class: "who" }, p.nickname), h("span", { class: "pts mono" }, String(p.score)))),
      );
      const players = [...model.players.values()];
      const stat = (n: number | string, label: string) => h("div", {}, h("b", {}, String(n)), label);
      stats.replaceChildren(
        stat(players.length, "citizens"),
        stat(model.friendships.size, "friendships left"),
        stat(players.filter((p) => p.blacklisted).length, "blacklisted"),
        stat(players.filter((p) => p.tier === "restricted").length, "restricted"),
      );
    },
  };
}
