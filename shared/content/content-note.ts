import { currentLocale, formatList, t } from "../i18n/index.ts";
import type { GameConfig } from "../rules/config.ts";
import { lower } from "../text/live.ts";
import { blacklistName, scoreName } from "../text/score.ts";

export interface ContentNote {
  title: string;
  paragraphs: string[];
}

type NoteRules = Pick<GameConfig, "scenario" | "actions">;

/** A scenario's name for its score inside a sentence: lower case, except in German, which capitalises every noun. */
export function nameInSentence(name: string): string {
  return currentLocale() === "de" ? name : lower(name);
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
        score: nameInSentence(scoreName(c)),
        listed: lower(blacklistName(c)),
        harmCount: harms.length,
        harms: formatList(harms),
      }),
      t("content.note.real"),
      t("content.note.choice"),
      t("content.note.after"),
    ],
  };
}
