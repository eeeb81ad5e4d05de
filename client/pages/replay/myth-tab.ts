import { ACTION_FACTS, FACTS, SOURCE_TEXT, type Verdict } from "../../../shared/content/real-vs-myth.ts";
import { ACTION_TEXT } from "../../../shared/text/actions.ts";
import { h } from "../../ui/dom.ts";
import type { Loaded } from "./worker-protocol.ts";

const VERDICT: Record<Verdict, string> = {
  real: "Real",
  myth: "Myth",
  "partly-real": "Partly real",
  correction: "Correction",
  analogue: "In the West too",
};

const TRUTH = { real: "Real", myth: "Myth", game: "Game mechanic" } as const;

function sources(list: readonly string[]): HTMLElement {
  return list.length === 0
    ? h("p", { class: "sources muted" }, "Source: the game's source text; no further source is named.")
    : h("p", { class: "sources" }, h("span", { class: "muted" }, "Sources: "), list.join(" · "));
}

/** What was real and what was myth, with sources: the claims, every action in this session, and the scenario. */
export function mythTab(data: Loaded): HTMLElement {
  const scenario = data.config.scenario;
  const facts = FACTS.map((f) =>
    h(
      "article",
      { class: `fact verdict-${f.verdict}` },
      h("span", { class: "verdict" }, VERDICT[f.verdict]),
      h("h3", {}, f.claim),
      h("p", {}, f.finding),
      sources(f.sources),
    ),
  );
  const actions = ACTION_FACTS.filter((a) => data.config.actions[a.action].enabled).map((a) => {
    const truth = data.config.actions[a.action].truth;
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, `${ACTION_TEXT[a.action].icon} ${ACTION_TEXT[a.action].label}`),
      h("td", {}, h("span", { class: `truth truth-${truth}` }, TRUTH[truth])),
      h("td", {}, a.finding, a.sources.length ? h("span", { class: "muted" }, ` (${a.sources.join("; ")})`) : ""),
    );
  });
  return h(
    "div",
    { class: "myth-tab scroll-tab", testid: "real-vs-myth" },
    h(
      "section",
      { class: "myth-intro" },
      h("h2", {}, "Real or myth?"),
      h("p", { class: "lede" }, SOURCE_TEXT),
      h("p", { class: "muted" }, "Ask the class first, then reveal: which of these did the game take from real systems, and which from stories about them?"),
    ),
    h("div", { class: "facts" }, ...facts),
    h(
      "section",
      { class: "panel" },
      h("h2", {}, "Every action in this session"),
      h("table", { class: "actions-truth" }, h("thead", {}, h("tr", {}, h("th", {}, "Action"), h("th", {}, "Label"), h("th", {}, "What the sources say"))), h("tbody", {}, ...actions)),
    ),
    h(
      "section",
      { class: "panel scenario-card" },
      h("h2", {}, `This session's scenario: ${scenario.title}`),
      h("p", {}, scenario.description),
      scenario.sources.length ? h("ul", { class: "scenario-sources" }, ...scenario.sources.map((s) => h("li", {}, s))) : "",
    ),
  );
}
