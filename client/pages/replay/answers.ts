import { t } from "../../../shared/i18n/index.ts";
import type { AuditAnswer } from "../../../shared/replay/debrief-answers.ts";
import type { DebriefAnswer, LiveDetail } from "../../../shared/rules/live/types.ts";
import { liveCauseText, mistakeSentence } from "../../../shared/text/debrief.ts";
import { ballotGap } from "../../ui/ballot-gap.ts";
import { h } from "../../ui/dom.ts";
import { clockText } from "./score-lines.ts";
import type { Loaded, Moment } from "./worker-protocol.ts";

/** Where a question's answer is: a moment to replay, a card of the Metrics tab, or the Real or myth tab. */
export type AnswerTarget =
  | { tab: "replay"; at: number; label: string }
  | { tab: "metrics"; card: DebriefAnswer; label: string }
  | { tab: "myth"; label: string };

function liveOf(m: Moment): LiveDetail | undefined {
  return m.kind === "live" ? m.detail : m.live;
}

/** The first moment of a kind (preferring one that passes `best`), as a place to seek to. */
function momentOf(data: Loaded, kind: LiveDetail["kind"], best: (d: LiveDetail) => boolean = () => true): Moment | undefined {
  const all = data.moments.filter((m) => liveOf(m)?.kind === kind);
  return all.find((m) => best(liveOf(m)!)) ?? all[0];
}

/** Where this session answers a question of the scenario; undefined when the session has nothing to show for it. */
export function answerTarget(answer: DebriefAnswer, data: Loaded): AnswerTarget | undefined {
  const moment = (m: Moment | undefined, what: "public" | "visibility" | "topic-ban" | "vote" | "blacklist-shock"): AnswerTarget | undefined =>
    m ? { tab: "replay", at: m.at, label: t(`replay.answer.moment.${what}`, { clock: clockText(m.at - data.from) }) } : undefined;
  const card = (c: "unfriending" | "audit" | "ballot" | "metrics"): AnswerTarget => ({ tab: "metrics", card: c, label: t(`replay.answer.card.${c}`) });
  switch (answer) {
    case "visibility": {
      const m = momentOf(data, "visibility", (d) => d.kind === "visibility" && d.mode === "public");
      const d = m && liveOf(m);
      return moment(m, d?.kind === "visibility" && d.mode === "public" ? "public" : "visibility");
    }
    case "topic-ban":
      return moment(momentOf(data, "topic-ban"), "topic-ban");
    case "vote":
      return moment(momentOf(data, "vote-closed") ?? momentOf(data, "vote-opened"), "vote");
    case "blacklist-shock":
      return moment(momentOf(data, "blacklist-shock"), "blacklist-shock");
    case "audit":
      return data.answers.audits.length ? card(answer) : undefined;
    case "ballot":
      return data.answers.ballot ? card(answer) : undefined;
    case "unfriending":
    case "metrics":
      return data.metrics.rounds.length ? card(answer) : undefined;
    case "real-or-myth":
      return { tab: "myth", label: t("replay.tab.myth") };
  }
}

/** One audit in a sentence or two: who set it going, how many it hit, whom its mistake hit and what came of it. */
export function auditLines(a: AuditAnswer, data: Loaded): string[] {
  const clock = (at: number) => clockText(at - data.from);
  const head = t("replay.audit.head", { cause: liveCauseText(a.scheduled, a.round, clock(a.at)), players: a.players.length, points: a.points });
  return [head, a.mistake ? mistakeSentence(a.mistake.nickname, a.mistake.appeal, clock) : t("replay.audit.no-mistake")];
}

/** The audits and their mistakes, each with buttons to replay the audit and the appeal. */
export function auditCard(data: Loaded, seek: (at: number) => void): HTMLElement | null {
  if (data.answers.audits.length === 0) return null;
  const items = data.answers.audits.map((a) => {
    const [head, mistake] = auditLines(a, data);
    const appeal = a.mistake?.appeal;
    return h(
      "li",
      {},
      h("p", {}, head),
      h("p", { class: "mistake", testid: "audit-mistake-line" }, mistake),
      h(
        "div",
        { class: "answer-buttons" },
        h("button", { class: "btn btn-small", type: "button", onclick: () => seek(a.at) }, t("replay.audit.replay")),
        appeal ? h("button", { class: "btn btn-small", type: "button", onclick: () => seek(appeal.at) }, t("replay.audit.replay-appeal")) : "",
      ),
    );
  });
  return h(
    "section",
    { class: "panel card", "data-answer": "audit", testid: "answer-audit" },
    h("h2", {}, t("replay.audit.title")),
    h("p", { class: "explain" }, t("replay.audit.explain")),
    h("ol", { class: "audits" }, ...items),
  );
}

/** The secret ballot beside the posts, or why its totals are not shown. */
export function ballotCard(data: Loaded, testid: string): HTMLElement | null {
  const b = data.answers.ballot;
  const ballot = data.config.ballot;
  if (!b || !ballot) return null;
  if (!b.ended)
    return h(
      "section",
      { class: "gap-card", testid: `${testid}-gap` },
      h("h3", {}, t("replay.answer.card.ballot")),
      h("p", { class: "gap-line" }, t("replay.ballot.never-opened")),
    );
  return ballotGap(ballot, b, testid);
}
