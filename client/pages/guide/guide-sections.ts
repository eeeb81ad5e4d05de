import type { Guide } from "../../../shared/content/guide.ts";
import type { LessonPlan } from "../../../shared/content/lesson-plans.ts";
import type { SourceId } from "../../../shared/content/sources.ts";
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

function sourceRefs(ids: readonly SourceId[], g: Guide): HTMLElement {
  const number = (id: SourceId) => g.myth.sources.findIndex((s) => s.id === id) + 1;
  return h("span", { class: "refs" }, ` [${ids.map(number).join(", ")}]`);
}

function lessonTable(plan: LessonPlan): HTMLElement {
  return h(
    "div",
    { class: "lesson", testid: `lesson-${plan.minutes}` },
    h("h3", {}, `${plan.minutes}-minute lesson`),
    plan.fit ? h("p", { class: "fit-note" }, plan.fit) : "",
    h(
      "table",
      { class: "guide-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Time"), h("th", { scope: "col" }, "Min"), h("th", { scope: "col" }, "Activity"))),
      h(
        "tbody",
        {},
        ...plan.steps.map((s) =>
          h(
            "tr",
            {},
            h("td", { class: "mono" }, at(s.start)),
            h("td", { class: "mono" }, String(s.minutes)),
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
    "Learning objectives",
    h("p", { class: "help" }, "By the end of the lesson, students can:"),
    h("ol", {}, ...g.objectives.map((o) => h("li", {}, o))),
  );
}

export function noteSection(g: Guide): HTMLElement {
  return section(
    "content-note",
    "Content note",
    h(
      "p",
      { class: "help" },
      "Read it aloud before the first round, or show it on the projector with the lobby's Content note button. The student handout carries the same text.",
    ),
    h("blockquote", { class: "note-text" }, h("b", {}, g.contentNote.title), ...g.contentNote.paragraphs.map((p) => h("p", {}, p))),
  );
}

export function lessonsSection(g: Guide): HTMLElement {
  return section("lessons", "Lesson plans", ...g.lessons.map(lessonTable));
}

export function checklistSection(g: Guide): HTMLElement {
  return section(
    "checklist",
    "Set-up checklist",
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
      h("th", { scope: "row" }, `Round ${r.round}`),
      h(
        "td",
        {},
        h("span", { class: "muted" }, `Starts with ${r.visibility}.`),
        r.events.length
          ? h("ul", {}, ...r.events.map((e) => h("li", {}, h("span", { class: "mono when" }, e.at), " ", e.text)))
          : h("p", {}, "Nothing planned."),
      ),
    ),
  );
  const ballot = g.ballot
    ? h("p", {}, h("b", {}, "The private question, before round 1 and after the last: "), g.ballot.question, ` (${g.ballot.options.join(" · ")})`)
    : "";
  return section(
    "rounds",
    "Round by round",
    h("p", { class: "help" }, "As the projector's banners will say it. Every event fires by itself; you can also run any event from ⚡ Live events."),
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
            s.poll ? h("p", { class: "muted" }, `Poll on phones: ${s.poll}`) : "",
            h(
              "p",
              { class: "muted" },
              `Appears ${s.when}.${s.planned ? "" : " This scenario's plan does not set it up: only if you run it from ⚡ Live events."}`,
            ),
          ),
        ),
      ),
    ),
  );
  return section(
    "debrief",
    "The guided debrief",
    h(
      "p",
      { class: "help" },
      "After the game the projector steps through four phases. Each step is built from the session's own record: a step appears only if the session gives it something to show, so a class may see fewer steps than listed here.",
    ),
    ...phases,
    h("h3", {}, "The scenario's debrief questions"),
    h("ol", { class: "questions" }, ...g.debriefQuestions.map((q) => h("li", {}, q))),
  );
}

/** A preset's sources by their numbers in the list above; an uploaded scenario's as its author wrote them, said to be unchecked. */
function scenarioSources(g: Guide): HTMLElement | string {
  if (g.scenarioCited) return h("p", { testid: "guide-scenario-sources" }, h("b", {}, "This scenario draws on sources"), sourceRefs(g.scenarioCited, g), ".");
  if (!g.scenarioSources.length) return "";
  return h(
    "div",
    { testid: "guide-scenario-sources" },
    h("h3", {}, "The scenario's own sources"),
    h("p", { class: "help" }, "As its author lists them (not checked by the game):"),
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
    "Real or myth: the cards",
    h("p", {}, m.intro),
    h("p", { class: "disputed-note" }, m.disputed, sourceRefs(m.disputedSources, g)),
    h("div", { class: "guide-facts" }, ...cards),
    h("h3", {}, "Every action this scenario offers"),
    h(
      "table",
      { class: "guide-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Action"), h("th", { scope: "col" }, "Grade"), h("th", { scope: "col" }, "What the sources say"))),
      h("tbody", {}, ...actions),
    ),
    h("h3", {}, "Sources"),
    h(
      "ol",
      { class: "bibliography", testid: "guide-sources" },
      ...m.sources.map((s) => h("li", {}, `“${s.title}”, ${s.publisher}, ${s.year}. `, h("a", { href: s.url }, s.url), s.copy ? ` (${s.copy})` : "")),
    ),
    scenarioSources(g),
  );
}
