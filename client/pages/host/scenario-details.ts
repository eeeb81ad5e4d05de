import { contentNote, type ContentNote } from "../../../shared/content/content-note.ts";
import { planTexts, planWhen } from "../../../shared/text/plan.ts";
import { summaryConfig, type ScenarioSummary } from "../../net/scenarios-api.ts";
import { h } from "../../ui/dom.ts";

/** The content note, open before anything starts: the facilitator reads it here, and shows it from the lobby. */
function noteBox(note: ContentNote): HTMLElement {
  return h(
    "details",
    { class: "fold note-fold", open: true, testid: "setup-content-note" },
    h("summary", {}, `${note.title} (show it from the lobby before round 1)`),
    ...note.paragraphs.map((p) => h("p", {}, p)),
  );
}

const START: Record<string, string> = { hidden: "Scores start hidden", owner: "Scores start visible to their owners", public: "Scores start public" };

/**
 * What a scenario is: its paragraph, its shape in a few facts, the plan of what will happen
 * (as the banners will say it), the private question, its sources and the debrief's questions,
 * with a link to its lesson kit (guideHref).
 */
export function scenarioDetails(guideHref: () => string) {
  const el = h("div", { class: "scenario-details", testid: "scenario-details" });
  return {
    el,
    /** `played` is the scenario as it would be played with the host's numbers (a shorter round moves the plan). */
    show(s: ScenarioSummary, origin: string, played: ScenarioSummary = s) {
      const c = summaryConfig(played);
      const n = played.numbers;
      const facts = [
        `${n.rounds} rounds × ${n.roundSeconds}s`,
        `${n.actionPoints} action points`,
        START[n.visibility],
        ...(played.topics.length ? [`${played.topics.length} topics`] : []),
        ...(played.voteMenu.length ? [`${played.voteMenu.length} rules on the vote menu`] : []),
        ...(played.ballot ? ["a private question"] : []),
      ];
      const plan = played.schedule.length
        ? h(
            "ol",
            { class: "plan", testid: "scenario-plan" },
            ...planTexts(played.schedule, c).map((text, i) =>
              h("li", {}, h("span", { class: "plan-when mono" }, planWhen(played.schedule[i])), h("span", {}, text)),
            ),
          )
        : h("p", { class: "help", testid: "scenario-plan" }, "Nothing planned: you trigger every event yourself from the ⚡ Live events drawer.");
      const fold = (title: string, ...children: Node[]) => h("details", { class: "fold" }, h("summary", {}, title), ...children);
      el.replaceChildren(
        h(
          "div",
          { class: "scenario-head" },
          h("div", {}, h("div", { class: "scenario-kicker" }, origin), h("h2", { testid: "scenario-title" }, s.title)),
          h("a", { class: "btn btn-ghost guide-link", href: guideHref(), target: "_blank", rel: "noopener", testid: "scenario-guide" }, "Lesson kit"),
        ),
        h("p", { class: "scenario-description" }, s.description),
        h("ul", { class: "facts" }, ...facts.map((f) => h("li", {}, f))),
        noteBox(contentNote(c)),
        h("h3", {}, "What will happen"),
        plan,
        ...(played.ballot
          ? [
              fold(
                "The private question, asked at the start and at the end",
                h("p", {}, played.ballot.question),
                h("ol", { class: "ballot-preview" }, ...played.ballot.options.map((o) => h("li", {}, o))),
              ),
            ]
          : []),
        ...(played.voteMenu.length ? [fold("The vote menu", h("ul", {}, ...played.voteMenu.map((o) => h("li", {}, o.label))))] : []),
        ...(s.sources.length ? [fold("Sources", h("ul", { class: "sources" }, ...s.sources.map((x) => h("li", {}, x))))] : []),
        fold("Debrief questions", h("ol", {}, ...s.debriefPrompts.map((q) => h("li", {}, q)))),
      );
    },
  };
}
