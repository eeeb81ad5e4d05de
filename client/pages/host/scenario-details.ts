import { contentNote, type ContentNote } from "../../../shared/content/content-note.ts";
import { planTexts, planWhen } from "../../../shared/text/plan.ts";
import { summaryConfig, type ScenarioSummary } from "../../net/scenarios-api.ts";
import { h } from "../../ui/dom.ts";
import { t } from "../../../shared/i18n/index.ts";

/** The content note, open before anything starts: the facilitator reads it here, and shows it from the lobby. */
function noteBox(note: ContentNote): HTMLElement {
  return h(
    "details",
    { class: "fold note-fold", open: true, testid: "setup-content-note" },
    h("summary", {}, t("host.details.noteTitle", { title: note.title })),
    ...note.paragraphs.map((p) => h("p", {}, p)),
  );
}

const START = { hidden: "host.details.start.hidden", owner: "host.details.start.owner", public: "host.details.start.public" } as const;

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
        t("host.details.rounds", { rounds: n.rounds, seconds: n.roundSeconds }),
        t("host.details.actionPoints", { count: n.actionPoints }),
        t(START[n.visibility]),
        ...(played.topics.length ? [t("host.details.topics", { count: played.topics.length })] : []),
        ...(played.voteMenu.length ? [t("host.details.voteMenuCount", { count: played.voteMenu.length })] : []),
        ...(played.ballot ? [t("host.details.privateQuestion")] : []),
      ];
      const plan = played.schedule.length
        ? h(
            "ol",
            { class: "plan", testid: "scenario-plan" },
            ...planTexts(played.schedule, c).map((text, i) =>
              h("li", {}, h("span", { class: "plan-when mono" }, planWhen(played.schedule[i])), h("span", {}, text)),
            ),
          )
        : h("p", { class: "help", testid: "scenario-plan" }, t("host.details.nothingPlanned"));
      const fold = (title: string, ...children: Node[]) => h("details", { class: "fold" }, h("summary", {}, title), ...children);
      el.replaceChildren(
        h(
          "div",
          { class: "scenario-head" },
          h("div", {}, h("div", { class: "scenario-kicker" }, origin), h("h2", { testid: "scenario-title" }, s.title)),
          h(
            "a",
            { class: "btn btn-ghost guide-link", href: guideHref(), target: "_blank", rel: "noopener", testid: "scenario-guide" },
            t("host.details.guide"),
          ),
        ),
        h("p", { class: "scenario-description" }, s.description),
        h("ul", { class: "facts" }, ...facts.map((f) => h("li", {}, f))),
        noteBox(contentNote(c)),
        h("h3", {}, t("host.details.whatWillHappen")),
        plan,
        ...(played.ballot
          ? [
              fold(
                t("host.details.ballot"),
                h("p", {}, played.ballot.question),
                h("ol", { class: "ballot-preview" }, ...played.ballot.options.map((o) => h("li", {}, o))),
              ),
            ]
          : []),
        ...(played.voteMenu.length ? [fold(t("host.details.voteMenu"), h("ul", {}, ...played.voteMenu.map((o) => h("li", {}, o.label))))] : []),
        ...(s.sources.length ? [fold(t("host.details.sources"), h("ul", { class: "sources" }, ...s.sources.map((x) => h("li", {}, x))))] : []),
        fold(t("host.details.debrief"), h("ol", {}, ...s.debriefPrompts.map((q) => h("li", {}, q)))),
      );
    },
  };
}
