import type { Guide } from "../../../shared/content/guide.ts";
import type { LessonPlan } from "../../../shared/content/lesson-plans.ts";
import type { SourceId } from "../../../shared/content/sources.ts";
import { formatNumber, t } from "../../../shared/i18n/index.ts";
import { h } from "../../ui/dom.ts";

/** "0:05": minutes into the lesson as a clock. */
function at(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

function section(id: string, title: string, ...children: (Node | string)[]): HTMLElement {
  return h(
    "section",
    { class: "guide-section", id, testid: `guide-${id}`, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    ...children,
  );
}

/** "1, 4, 7": the sources' numbers in the kit's list. */
function refList(ids: readonly SourceId[], g: Guide): string {
  return ids.map((id) => formatNumber(g.myth.sources.findIndex((s) => s.id === id) + 1)).join(", ");
}

function sourceRefs(ids: readonly SourceId[], g: Guide): HTMLElement {
  return h("span", { class: "refs" }, ` [${refList(ids, g)}]`);
}

function lessonTable(plan: LessonPlan): HTMLElement {
  return h(
    "div",
    { class: "lesson", testid: `lesson-${plan.minutes}` },
    h("h3", {}, t("guide.lesson.title", { minutes: plan.minutes })),
    plan.fit ? h("p", { class: "fit-note" }, plan.fit) : "",
    h(
      "table",
      { class: "guide-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("guide.lesson.time")),
          h("th", { scope: "col" }, t("guide.lesson.minutes")),
          h("th", { scope: "col" }, t("guide.lesson.activity")),
        ),
      ),
      h(
        "tbody",
        {},
        ...plan.steps.map((s) =>
          h(
            "tr",
            {},
            h("td", { class: "mono" }, at(s.start)),
            h("td", { class: "mono" }, formatNumber(s.minutes)),
            h("td", {}, h("b", {}, s.activity), s.detail ? h("p", {}, s.detail) : ""),
          ),
        ),
      ),
    ),
  );
}

export function objectivesSection(g: Guide): HTMLElement {
  return section(
    "objectives",
    t("guide.objectives"),
    h("p", { class: "help" }, t("guide.objectives.help")),
    h("ol", {}, ...g.objectives.map((o) => h("li", {}, o))),
  );
}

export function noteSection(g: Guide): HTMLElement {
  return section(
    "content-note",
    t("guide.note"),
    h("p", { class: "help" }, t("guide.note.help")),
    h("blockquote", { class: "note-text" }, h("b", {}, g.contentNote.title), ...g.contentNote.paragraphs.map((p) => h("p", {}, p))),
  );
}

export function lessonsSection(g: Guide): HTMLElement {
  return section("lessons", t("guide.lessons"), ...g.lessons.map(lessonTable));
}

export function checklistSection(g: Guide): HTMLElement {
  return section(
    "checklist",
    t("guide.checklist"),
    h(
      "div",
      { class: "checklist" },
      ...g.checklist.map((group) => h("div", { class: "check-group" }, h("h3", {}, group.title), h("ul", {}, ...group.items.map((i) => h("li", {}, i))))),
    ),
  );
}

export function roundsSection(g: Guide): HTMLElement {
  const rows = g.rounds.map((r) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, t("guide.rounds.round", { round: r.round })),
      h(
        "td",
        {},
        h("span", { class: "muted" }, r.visibility),
        r.events.length
          ? h("ul", {}, ...r.events.map((e) => h("li", {}, h("span", { class: "mono when" }, e.at), " ", e.text)))
          : h("p", {}, t("guide.rounds.nothing")),
      ),
    ),
  );
  const ballot = g.ballot
    ? h("p", {}, h("b", {}, t("guide.rounds.ballot")), " ", t("guide.poll.choice", { question: g.ballot.question, options: g.ballot.options.join(" · ") }))
    : "";
  return section(
    "rounds",
    t("guide.rounds"),
    h("p", { class: "help" }, t("guide.rounds.help")),
    ballot,
    h("table", { class: "guide-table rounds" }, h("tbody", {}, ...rows)),
  );
}

/** The guided debrief's steps by phase, then the scenario's questions (the lesson plans refer to them by number). */
export function debriefSection(g: Guide): HTMLElement {
  const phases = g.debriefSteps.map((p) =>
    h(
      "div",
      { class: "debrief-phase" },
      h("h3", {}, p.title),
      h(
        "ol",
        { class: "debrief-steps" },
        ...p.steps.map((s) =>
          h(
            "li",
            { testid: `guide-step-${s.id}` },
            h("b", {}, s.title),
            h("p", {}, s.question),
            s.poll ? h("p", { class: "muted" }, t("guide.debrief.poll", { poll: s.poll })) : "",
            h("p", { class: "muted" }, t(s.planned ? "guide.debrief.when" : "guide.debrief.when.unplanned", { when: s.when })),
          ),
        ),
      ),
    ),
  );
  return section(
    "debrief",
    t("guide.debrief"),
    h("p", { class: "help" }, t("guide.debrief.help")),
    ...phases,
    h("h3", {}, t("guide.debrief.questions")),
    h("ol", { class: "questions" }, ...g.debriefQuestions.map((q) => h("li", {}, q))),
  );
}

/** A preset's sources by their numbers in the list above; an uploaded scenario's as its author wrote them, said to be unchecked. */
function scenarioSources(g: Guide): HTMLElement | string {
  if (g.scenarioCited) return h("p", { testid: "guide-scenario-sources" }, t("guide.myth.scenario-sources", { refs: refList(g.scenarioCited, g) }));
  if (!g.scenarioSources.length) return "";
  return h(
    "div",
    { testid: "guide-scenario-sources" },
    h("h3", {}, t("guide.myth.own-sources")),
    h("p", { class: "help" }, t("guide.myth.own-sources.help")),
    h("ul", {}, ...g.scenarioSources.map((s) => h("li", {}, s))),
  );
}

export function mythSection(g: Guide): HTMLElement {
  const m = g.myth;
  const cards = m.facts.map((f) =>
    h(
      "article",
      { class: `fact grade-${f.grade}`, testid: `guide-fact-${f.id}` },
      h("span", { class: "grade" }, f.gradeLabel),
      h("h3", {}, f.claim),
      h("p", {}, f.finding, sourceRefs(f.sources, g)),
    ),
  );
  const actions = m.actions.map((a) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, `${a.icon} ${a.label}`),
      h("td", {}, h("span", { class: `truth truth-${a.grade}` }, a.gradeLabel)),
      h("td", {}, a.finding, sourceRefs(a.sources, g)),
    ),
  );
  return section(
    "real-or-myth",
    t("guide.myth"),
    h("p", {}, m.intro),
    h("p", { class: "disputed-note" }, m.disputed, sourceRefs(m.disputedSources, g)),
    h("div", { class: "guide-facts" }, ...cards),
    h("h3", {}, t("guide.myth.actions")),
    h(
      "table",
      { class: "guide-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("guide.myth.action")),
          h("th", { scope: "col" }, t("guide.myth.grade")),
          h("th", { scope: "col" }, t("guide.myth.finding")),
        ),
      ),
      h("tbody", {}, ...actions),
    ),
    h("h3", {}, t("guide.myth.sources")),
    h(
      "ol",
      { class: "bibliography", testid: "guide-sources" },
      ...m.sources.map((s) =>
        h(
          "li",
          {},
          t("guide.myth.source", { title: s.title, publisher: s.publisher, year: s.year }),
          " ",
          h("a", { href: s.url, "data-untranslated": "" }, s.url),
          s.copy ? ` ${t("guide.myth.copy", { copy: s.copy })}` : "",
        ),
      ),
    ),
    scenarioSources(g),
  );
}
