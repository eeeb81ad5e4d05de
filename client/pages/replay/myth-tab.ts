import { DISPUTED_SOURCES, disputedNote, FACTS, GRADE_LABEL, sourceText, type Fact } from "../../../shared/content/real-vs-myth.ts";
import { actionCards, authorGraded, PRESET_SOURCES, type ActionCard } from "../../../shared/content/scenario-facts.ts";
import { SOURCES, type Source, type SourceId } from "../../../shared/content/sources.ts";
import { t } from "../../../shared/i18n/index.ts";
import { ACTION_TEXT } from "../../../shared/text/actions.ts";
import { h } from "../../ui/dom.ts";
import type { Loaded } from "./worker-protocol.ts";

/** The groups of facts, in order; each titled `replay.myth.kind.<kind>`. */
const KINDS: readonly Fact["kind"][] = ["claim", "rule", "analogue"];

function link(id: SourceId): HTMLElement {
  const s: Source = SOURCES[id];
  return h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer", title: `“${s.title}”` }, `${s.publisher}, ${s.year}`);
}

function sources(list: readonly SourceId[]): HTMLElement {
  const links = list.flatMap((id, i) => (i ? [" · ", link(id)] : [link(id)]));
  return h("p", { class: "sources" }, h("span", { class: "muted" }, t("replay.myth.sources-label"), " "), ...links);
}

function card(f: Fact): HTMLElement {
  return h(
    "article",
    { class: `fact grade-${f.grade}`, testid: `fact-${f.id}` },
    h("span", { class: "grade" }, GRADE_LABEL[f.grade]),
    h("h3", {}, f.claim),
    h("p", {}, f.finding),
    sources(f.sources),
  );
}

function actionRow(a: ActionCard): HTMLElement {
  const said = a.finding === null ? h("span", { class: "muted" }, authorGraded()) : a.finding;
  return h(
    "tr",
    { testid: `action-fact-${a.action}` },
    h("th", { scope: "row" }, `${ACTION_TEXT[a.action].icon} ${a.label}`),
    h("td", {}, h("span", { class: `truth truth-${a.grade}` }, GRADE_LABEL[a.grade])),
    h("td", {}, said, " ", a.sources.length ? sources(a.sources) : ""),
  );
}

/** A preset's sources as links; an uploaded scenario's as its author wrote them, said to be unchecked. */
function scenarioSources(id: string, text: readonly string[]): HTMLElement | string {
  const cited = PRESET_SOURCES[id];
  if (cited) return h("ul", { class: "scenario-sources", testid: "scenario-sources" }, ...cited.map(citation));
  if (!text.length) return "";
  return h(
    "div",
    { testid: "scenario-sources" },
    h("p", { class: "muted" }, t("replay.myth.author-sources")),
    h("ul", { class: "scenario-sources" }, ...text.map((s) => h("li", {}, s))),
  );
}

/** “Title”, publisher, year. Link: a source in full. */
function citation(id: SourceId): HTMLElement {
  const s: Source = SOURCES[id];
  const year = s.year.endsWith(".") ? s.year : `${s.year}.`;
  return h(
    "li",
    {},
    `“${s.title}”, ${s.publisher}, ${year} `,
    h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.copy ? t("replay.myth.link-copy", { copy: s.copy }) : t("replay.myth.link")),
  );
}

/** Every source cited on this tab in full: title, publisher, year, and the link (a copy where the original is gone). */
function bibliography(ids: readonly SourceId[]): HTMLElement {
  const cited = [...new Set(ids)].sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
  return h("section", { class: "panel bibliography", testid: "bibliography" }, h("h2", {}, t("replay.myth.sources")), h("ol", {}, ...cited.map(citation)));
}

/** What was real and what was myth, graded by its sources: the claims, the game's events, every action in this session, and the scenario. */
export function mythTab(data: Loaded): HTMLElement {
  const scenario = data.config.scenario;
  const groups = KINDS.map((kind) =>
    h(
      "section",
      { class: "fact-group" },
      h("h2", {}, t(`replay.myth.kind.${kind}`)),
      h("div", { class: "facts" }, ...FACTS.filter((f) => f.kind === kind).map(card)),
    ),
  );
  const cards = actionCards(data.config);
  const scenarioCited = PRESET_SOURCES[scenario.id] ?? [];
  return h(
    "div",
    { class: "myth-tab scroll-tab", testid: "real-vs-myth" },
    h(
      "section",
      { class: "myth-intro" },
      h("h2", {}, t("replay.myth.title")),
      h("p", { class: "lede" }, sourceText()),
      h("p", { class: "disputed-note", testid: "disputed-note" }, disputedNote(), " ", sources(DISPUTED_SOURCES)),
      h("p", { class: "muted" }, t("replay.myth.grades")),
    ),
    ...groups,
    h(
      "section",
      { class: "panel" },
      h("h2", {}, t("replay.myth.actions")),
      h(
        "table",
        { class: "actions-truth" },
        h(
          "thead",
          {},
          h("tr", {}, h("th", {}, t("replay.myth.col.action")), h("th", {}, t("replay.myth.col.grade")), h("th", {}, t("replay.myth.col.sources"))),
        ),
        h("tbody", {}, ...cards.map(actionRow)),
      ),
    ),
    h(
      "section",
      { class: "panel scenario-card" },
      h("h2", {}, t("replay.myth.scenario", { title: scenario.title })),
      h("p", {}, scenario.description),
      scenarioSources(scenario.id, scenario.sources),
    ),
    bibliography([...DISPUTED_SOURCES, ...FACTS.flatMap((f) => f.sources), ...cards.flatMap((a) => a.sources), ...scenarioCited]),
  );
}
