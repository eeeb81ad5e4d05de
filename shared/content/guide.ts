import { kindTitle, kindWhen, phaseTitle, STEP_KINDS, stepQuestion } from "../debrief/kinds.ts";
import { pollLabels, pollQuestion, POLLS } from "../debrief/polls.ts";
import { PHASES, type StepId } from "../debrief/types.ts";
import { sayKey } from "../text/debrief.ts";
import type { GameConfig } from "../rules/config.ts";
import type { Visibility } from "../rules/live/types.ts";
import { scenarioConfig } from "../scenarios/load.ts";
import type { GuideFields, ScenarioFile } from "../scenarios/schema.ts";
import { ACTION_TEXT } from "../text/actions.ts";
import { planClock, planTexts } from "../text/plan.ts";
import { lower } from "../text/live.ts";
import { formatScore, scoreName } from "../text/score.ts";
import { t } from "../i18n/index.ts";
import { contentNote, type ContentNote } from "./content-note.ts";
import { lessonPlans, type LessonPlan } from "./lesson-plans.ts";
import { actionCards, authorGraded, PRESET_SOURCES, type ActionCard } from "./scenario-facts.ts";
import { DISPUTED_SOURCES, disputedNote, FACTS, GRADE_LABEL, sourceText, type Fact } from "./real-vs-myth.ts";
import { SOURCES, type Source, type SourceId } from "./sources.ts";
import { setupChecklist, type ChecklistGroup } from "./setup-checklist.ts";

export interface RoundPlan {
  round: number;
  /** Who sees scores as the round starts, as a sentence ("Starts with scores hidden."). */
  visibility: string;
  /** Each planned event: when into the round ("0:40"), and what it does, in the banner's words. */
  events: { at: string; text: string }[];
}

/** An action's card as the session words and grades it (actionCards), with its icon and grade in words. */
export type GuideActionCard = ActionCard & { icon: string; gradeLabel: string; finding: string };

/** The lesson kit of one scenario: every part derived from its file, worded by shared/text. */
export interface Guide {
  id: string;
  title: string;
  description: string;
  scenarioSources: string[];
  /** A preset's sources, checked and cited in full; null for an uploaded scenario, whose text is its author's. */
  scenarioCited: SourceId[] | null;
  shape: string[];
  objectives: string[];
  objectivesFrom: "scenario" | "derived";
  contentNote: ContentNote;
  lessons: LessonPlan[];
  checklist: ChecklistGroup[];
  rounds: RoundPlan[];
  ballot: { question: string; options: string[] } | null;
  debriefQuestions: string[];
  /** The guided debrief's phases and the kinds of step this scenario can show, from the step kinds the debrief builds on. */
  debriefSteps: GuidePhase[];
  /** The student handout's "what the game is", in a student's words. */
  studentIntro: string[];
  myth: {
    intro: string;
    disputed: string;
    disputedSources: SourceId[];
    facts: (Fact & { gradeLabel: string })[];
    actions: GuideActionCard[];
    sources: (Source & { id: SourceId })[];
  };
}

export interface GuidePhase {
  title: string;
  steps: { id: string; title: string; question: string; poll: string | null; when: string; planned: boolean }[];
}

/** A poll as the guide prints it: its question and its choices, or a scale's two ends. */
function pollText(step: StepId): string | null {
  const poll = POLLS[step];
  if (!poll) return null;
  const question = pollQuestion(step, sayKey);
  if (poll.kind === "choice") return t("guide.poll.choice", { question, options: pollLabels(step, poll, sayKey).join(" · ") });
  return t("guide.poll.scale", { question, low: sayKey(`debrief.poll.${step}.low`), high: sayKey(`debrief.poll.${step}.high`) });
}

/** Each phase of the guided debrief with the steps this scenario can show, each with its question, its poll and when it appears. */
function debriefSteps(c: GameConfig): GuidePhase[] {
  const kinds = STEP_KINDS.filter((k) => k.possible?.(c) ?? true);
  return PHASES.map((phase) => ({
    title: phaseTitle(phase),
    steps: kinds
      .filter((k) => k.phase === phase)
      .map((k) => ({
        id: k.id,
        title: kindTitle(k.id),
        question: stepQuestion(c, k),
        poll: pollText(k.id),
        when: kindWhen(k.id),
        planned: k.planned?.(c) ?? true,
      })),
  }));
}

/** Objectives read off what the scenario makes happen, when its file names none. */
function derivedObjectives(c: GameConfig): string[] {
  const planned = new Set(c.schedule.map((e) => e.event.type));
  return [
    t("guide.objective.friends", { score: lower(scoreName(c)) }),
    ...(planned.has("visibility") || c.visibility !== "public" ? [t("guide.objective.visibility")] : []),
    ...(c.ballot ? [t("guide.objective.ballot")] : []),
    ...(planned.has("ban-topic") || planned.has("audit") ? [t("guide.objective.appeal")] : []),
    ...(planned.has("vote-open") ? [t("guide.objective.vote")] : []),
    t("guide.objective.myth"),
    t("guide.objective.own-life"),
  ];
}

/** Round by round: who sees scores at its start and what the plan fires, in the words of the banners. */
function roundPlans(c: GameConfig): RoundPlan[] {
  const texts = planTexts(c.schedule, c);
  let seen: Visibility = c.visibility;
  return Array.from({ length: c.rounds }, (_, i) => {
    const round = i + 1;
    const planned = c.schedule.flatMap((e, j) => (e.round === round ? [{ e, text: texts[j] }] : []));
    const opening = planned.find(({ e }) => e.atSecond === 0 && e.event.type === "visibility");
    if (opening?.e.event.type === "visibility") seen = opening.e.event.mode;
    const plan = { round, visibility: t(`guide.round.starts.${seen}`), events: planned.map(({ e, text }) => ({ at: planClock(e.atSecond), text })) };
    for (const { e } of planned) if (e.event.type === "visibility") seen = e.event.mode;
    return plan;
  });
}

/** The cards of real or myth: every claim and Western analogue, the game events this scenario plans, and each action it offers. */
function mythCards(c: GameConfig): Guide["myth"] {
  const planned = new Set<string>(c.schedule.map((e) => e.event.type));
  const eventOf: Record<string, string> = { "topic-ban": "ban-topic", audits: "audit", "blacklist-shock": "blacklist-shock", "top-players-vote": "vote-open" };
  const facts = FACTS.filter((f) => f.kind !== "rule" || planned.has(eventOf[f.id])).map((f) => ({ ...f, gradeLabel: GRADE_LABEL[f.grade] }));
  const actions = actionCards(c).map((a) => ({
    ...a,
    icon: ACTION_TEXT[a.action].icon,
    gradeLabel: GRADE_LABEL[a.grade],
    finding: a.finding ?? authorGraded(),
  }));
  const cited = [
    ...new Set([...DISPUTED_SOURCES, ...facts.flatMap((f) => f.sources), ...actions.flatMap((a) => a.sources), ...(PRESET_SOURCES[c.scenario.id] ?? [])]),
  ];
  cited.sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
  return {
    intro: sourceText(),
    disputed: disputedNote(),
    disputedSources: DISPUTED_SOURCES,
    facts,
    actions,
    sources: cited.map((id) => ({ id, ...SOURCES[id] })),
  };
}

/** What a student reads before joining: what they do, what it costs, what comes after. */
function studentIntro(c: GameConfig): string[] {
  const score = lower(scoreName(c));
  return [
    t("guide.student.what", { score, start: formatScore(c.startScore, c), rounds: c.rounds, points: c.actionPoints }),
    t("guide.student.friends", { score, visibility: c.visibility }),
    t("guide.student.after"),
  ];
}

/** The lesson kit for a checked scenario file (a preset, or an upload that passed checkScenario). */
export function lessonKit(file: ScenarioFile): Guide {
  return kitOf(scenarioConfig(file), file.guide);
}

/**
 * The lesson kit of a scenario as a session plays it (its config, the host's numbers included);
 * `own` is the file's own objectives and lesson plans, where it wrote them.
 */
export function kitOf(c: GameConfig, own?: GuideFields): Guide {
  const shape = [
    t("guide.shape.rounds", { rounds: c.rounds, seconds: c.roundSeconds }),
    t("guide.shape.points", { points: c.actionPoints }),
    t(`guide.shape.starts.${c.visibility}`),
    t("guide.shape.events", { count: c.schedule.length }),
  ];
  return {
    id: c.scenario.id,
    title: c.scenario.title,
    description: c.scenario.description,
    scenarioSources: c.scenario.sources,
    scenarioCited: PRESET_SOURCES[c.scenario.id] ?? null,
    shape,
    objectives: own?.objectives ?? derivedObjectives(c),
    objectivesFrom: own?.objectives ? "scenario" : "derived",
    contentNote: contentNote(c),
    lessons: lessonPlans(own, c),
    checklist: setupChecklist(c),
    rounds: roundPlans(c),
    ballot: c.ballot,
    debriefQuestions: c.scenario.debriefPrompts,
    debriefSteps: debriefSteps(c),
    studentIntro: studentIntro(c),
    myth: mythCards(c),
  };
}
