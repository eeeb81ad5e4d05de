import { GRADE_LABEL } from "../../../shared/content/real-vs-myth.ts";
import type { GameConfig } from "../../../shared/rules/config.ts";
import type { CauseChain } from "../../../shared/replay/index.ts";
import type { Command } from "../../../shared/rules/commands.ts";
import { actionLabel, didPhrase } from "../../../shared/text/actions.ts";
import { liveCauseText, mistakeSentence } from "../../../shared/text/debrief.ts";
import { signed } from "../../../shared/text/reasons.ts";
import { h } from "../../ui/dom.ts";
import { liveEventText } from "./moment-text.ts";
import { clockText } from "./score-lines.ts";

/** Each rule in one line a class can follow. */
function ruleText(rule: CauseChain["rule"], c: GameConfig): [string, string] {
  switch (rule) {
    case "action":
      return ["Own action", "The player's own action changed their score."];
    case "friend-spillover":
      return ["Spillover", "Some actions move the scores of all the actor's friends too."];
    case "vouch":
      return ["Vouching", `Both gain when both scores are at least ${c.vouchBothAt}.`];
    case "vouch-risk":
      return ["Vouching risk", `Vouching for someone below ${c.vouchRiskBelow} costs the voucher ${-c.vouchPenalty}.`];
    case "reported":
      return ["Reported", "A report costs the reported player and pays the informer."];
    case "guilt-by-association":
      return ["Guilt by association", "At each round's end: score + weight × (mean of friends' scores − pivot)."];
    case "appeal-upheld":
      return ["Appeal upheld", "The appeal succeeded, so the deduction was given back."];
    case "topic-ban":
      return ["Topic ban", "A topic was banned, reaching back to posts made before the ban."];
    case "audit":
      return ["Audit", "A random audit deducted points (one of them deliberately wrong, to test appeals)."];
    case "blacklist-shock":
      return ["Blacklist shock", "Everyone below the threshold was put on the blacklist at once."];
  }
}

function commandText(c: Command, nameOf: (id: string) => string, planned: boolean, rules: GameConfig): string {
  switch (c.kind) {
    case "act":
      return `${nameOf(c.player)}'s action: “${actionLabel(c.action, rules)}”${c.target ? ` (${nameOf(c.target)})` : ""}`;
    case "facilitate":
      return `The facilitator: ${c.command.type.replace(/-/g, " ")}`;
    case "tick":
      return planned ? "The round clock, firing the scenario's planned event" : "The round clock";
    case "join":
      return `${c.nickname} joined`;
    case "vote":
      return `${nameOf(c.player)} voted`;
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
      "Change",
      h("b", { class: `mono ${e.delta < 0 ? "down" : "up"}` }, signed(e.delta)),
      ` to ${e.score} at ${clockText(e.at - from)}, round ${chain.round}`,
    ),
    step("Rule", h("b", {}, ruleName), " ", h("span", { class: "muted" }, ruleLine)),
  ];
  if (chain.actor && chain.action) steps.push(step("Whose action", h("b", {}, chain.actor.nickname), ` ${didPhrase(chain.action, chain.rules)} `, truth ?? ""));
  const live = chain.live;
  if (live)
    steps.push(step("Event", h("b", {}, liveCauseText(live.scheduled, live.round, clockText(live.at - from))), ": ", liveEventText(live, chain.rules, nameOf)));
  if (chain.mistake)
    steps.push(
      step(
        "Mistake",
        h(
          "b",
          { testid: "audit-mistake" },
          mistakeSentence(chain.player.nickname, chain.mistake.appeal, (at) => clockText(at - from)),
        ),
      ),
    );
  steps.push(step("Log entry", `#${chain.command.seq}: ${commandText(chain.command.command, nameOf, chain.live?.scheduled === true, chain.rules)}`));
  const el = h(
    "section",
    { class: "cause", testid: "cause-chain", "aria-live": "polite" },
    h("h3", {}, `Why ${chain.player.nickname}'s score moved`),
    h("ol", { class: "chain" }, ...steps),
  );
  if (chain.pull) {
    const { weight, pivot, friends } = chain.pull;
    el.append(
      h("p", { class: "muted" }, `${weight} × (each friend's score − ${pivot}) ÷ ${friends.length} friend${friends.length === 1 ? "" : "s"}:`),
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
              h("td", { class: "mono" }, String(f.score)),
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
        `It reversed ${signed(r.event.delta)} from round ${r.round}: ${ruleText(r.rule, r.rules)[0].toLowerCase()}${r.actor ? ` by ${r.actor.nickname}` : ""}.`,
      ),
    );
  }
  return el;
}
