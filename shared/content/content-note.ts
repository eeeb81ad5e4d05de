import { formatList, t } from "../i18n/index.ts";
import type { GameConfig } from "../rules/config.ts";
import { lower } from "../text/live.ts";
import { blacklistName, scoreName } from "../text/score.ts";

export interface ContentNote {
  title: string;
  paragraphs: string[];
}

type NoteRules = Pick<GameConfig, "scenario" | "actions">;

/** The scenario's word for being listed, inside a sentence: a state ("Blacklisted", „Auf der schwarzen Liste“), lower case in every language. */
function stateInSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * What the facilitator tells the class before the first round: the game ranks and shames, and
 * some in the room may know such systems first-hand. One text for the lobby, the projector, the
 * lesson kit and the student handout; it reads only what every screen's rules carry.
 */
export function contentNote(c: NoteRules): ContentNote {
  const can = (a: keyof GameConfig["actions"]) => c.actions[a].enabled;
  const harms = [
    ...(can("report") ? [t("content.note.harm.report")] : []),
    ...(can("unfriend") ? [t("content.note.harm.unfriend")] : []),
    ...(can("post-opinion") ? [t("content.note.harm.post")] : []),
  ];
  return {
    title: t("content.note.title"),
    paragraphs: [
      t("content.note.ranks", {
        score: lower(scoreName(c)),
        listed: stateInSentence(blacklistName(c)),
        harmCount: harms.length,
        harms: formatList(harms),
      }),
      t("content.note.real"),
      t("content.note.choice"),
      t("content.note.after"),
    ],
  };
}
