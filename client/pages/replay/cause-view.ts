import { GRADE_LABEL } from "../../../shared/content/real-vs-myth.ts";
import { currentLocale, formatNumber, isMessageKey, t } from "../../../shared/i18n/index.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import type { CauseChain } from "../../../shared/replay/index.ts";
import type { Command } from "../../../shared/rules/commands.ts";
import { actionLabel, didPhrase } from "../../../shared/text/actions.ts";
import { liveCauseText, mistakeSentence } from "../../../shared/text/debrief.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { h } from "../../ui/dom.ts";
import { liveEventText } from "./moment-text.ts";
import { clockText } from "./score-lines.ts";

/** Each rule by name, and in one line a class can follow (with the rules' numbers as they stood then). */
function ruleText(rule: CauseChain["rule"], c: GameConfig): [string, string] {
  const params = { both: c.vouchBothAt, below: c.vouchRiskBelow, penalty: -c.vouchPenalty };
  return [t(`replay.rule.${rule}.name`), t(`replay.rule.${rule}.line`, params)];
}

/** A rule's name inside a sentence: English lower-cases it there; German nouns and Chinese keep theirs. */
function inSentence(name: string): string {
  return currentLocale() === "en" ? name.toLowerCase() : name;
}

/** A facilitator's command by name; one the catalog does not know by its code. */
function commandName(type: string): string {
  const key = `replay.command.type.${type}`;
  return isMessageKey(key) ? t(key) : type.replace(/-/g, " ");
}

function commandText(c: Command, nameOf: (id: string) => string, planned: boolean, rules: GameConfig): string {
  switch (c.kind) {
    case "act":
      return c.target
        ? t("replay.command.act-target", { name: nameOf(c.player), action: actionLabel(c.action, rules), target: nameOf(c.target) })
        : t("replay.command.act", { name: nameOf(c.player), action: actionLabel(c.action, rules) });
    case "facilitate":
      return t("replay.command.facilitate", { command: commandName(c.command.type) });
    case "tick":
      return planned ? t("replay.command.tick-planned") : t("replay.command.tick");
    case "join":
      return t("replay.command.join", { name: c.nickname });
    case "vote":
      return t("replay.command.vote", { name: nameOf(c.player) });
    default:
      return c.kind;
  }
}

function step(label: string, ...body: (Node | string)[]) {
  return h("li", {}, h("span", { class: "chain-label" }, label), h("span", { class: "chain-body" }, ...body));
}

/** Why one score moved: the change, the rule, whose action, the log entry; and the friends behind a pull. */
export function causeView(chain: CauseChain, from: number, nameOf: (id: string) => string): HTMLElement {
  const e = chain.event;
  // The rules as they stood when the score moved (a vote may have moved a threshold since the start).
  const [ruleName, ruleLine] = ruleText(chain.rule, chain.rules);
  const truth = chain.truth && h("span", { class: `truth truth-${chain.truth}` }, GRADE_LABEL[chain.truth]);
  const steps = [
    step(
      t("replay.cause.change"),
      h("b", { class: `mono ${e.delta < 0 ? "down" : "up"}` }, signed(e.delta)),
      " ",
      t("replay.cause.change-line", { score: e.score, clock: clockText(e.at - from), round: chain.round }),
    ),
    step(t("replay.cause.rule"), h("b", {}, ruleName), " ", h("span", { class: "muted" }, ruleLine)),
  ];
  if (chain.actor && chain.action)
    steps.push(step(t("replay.cause.whose"), h("b", {}, chain.actor.nickname), ` ${didPhrase(chain.action, chain.rules)} `, truth ?? ""));
  const live = chain.live;
  if (live)
    steps.push(
      step(
        t("replay.cause.event"),
        h("b", {}, liveCauseText(live.scheduled, live.round, clockText(live.at - from))),
        ": ",
        liveEventText(live, chain.rules, nameOf),
      ),
    );
  if (chain.mistake)
    steps.push(
      step(
        t("replay.cause.mistake"),
        h(
          "b",
          { testid: "audit-mistake" },
          mistakeSentence(chain.player.nickname, chain.mistake.appeal, (at) => clockText(at - from)),
        ),
      ),
    );
  const command = commandText(chain.command.command, nameOf, chain.live?.scheduled === true, chain.rules);
  steps.push(step(t("replay.cause.log"), t("replay.cause.log-line", { seq: chain.command.seq, command })));
  const el = h(
    "section",
    { class: "cause", testid: "cause-chain", "aria-live": "polite" },
    h("h3", {}, t("replay.cause.title", { name: chain.player.nickname })),
    h("ol", { class: "chain" }, ...steps),
  );
  if (chain.pull) {
    const { weight, pivot, friends } = chain.pull;
    el.append(
      h("p", { class: "muted" }, t("replay.cause.pull", { weight: formatNumber(weight), pivot, friends: friends.length })),
      h(
        "table",
        { class: "pull" },
        h(
          "tbody",
          {},
          ...friends.map((f) =>
            h(
              "tr",
              {},
              h("td", {}, f.nickname),
              h("td", { class: "mono" }, formatNumber(f.score)),
              h("td", { class: `mono ${f.part < 0 ? "down" : "up"}` }, signed(Math.round(f.part * 10) / 10)),
            ),
          ),
        ),
      ),
    );
  }
  if (chain.reverses) {
    const r = chain.reverses;
    el.append(
      h(
        "p",
        { class: "muted" },
        r.actor
          ? t("replay.cause.reversed-by", {
              delta: signed(r.event.delta),
              round: r.round,
              rule: inSentence(ruleText(r.rule, r.rules)[0]),
              actor: r.actor.nickname,
            })
          : t("replay.cause.reversed", { delta: signed(r.event.delta), round: r.round, rule: inSentence(ruleText(r.rule, r.rules)[0]) }),
      ),
    );
  }
  return el;
}
