import type { GameConfig } from "../rules/config.ts";
import { lower } from "../text/live.ts";
import { blacklistName, scoreName } from "../text/score.ts";

export interface ContentNote {
  title: string;
  paragraphs: string[];
}

type NoteRules = Pick<GameConfig, "scenario" | "actions">;

/**
 * What the facilitator tells the class before the first round: the game ranks and shames, and
 * some in the room may know such systems first-hand. One text for the lobby, the projector, the
 * lesson kit and the student handout; it reads only what every screen's rules carry.
 */
export function contentNote(c: NoteRules): ContentNote {
  const can = (a: keyof GameConfig["actions"]) => c.actions[a].enabled;
  const harms = [
    ...(can("report") ? ["report each other"] : []),
    ...(can("unfriend") ? ["cut friendships"] : []),
    ...(can("post-opinion") ? ["lose points for what they post"] : []),
  ];
  const what = harms.length ? `; players can ${harms.length > 1 ? `${harms.slice(0, -1).join(", ")} and ${harms[harms.length - 1]}` : harms[0]}` : "";
  return {
    title: "Before we play: a content note",
    paragraphs: [
      `This game ranks people. Everyone gets a ${lower(scoreName(c))} that classmates' actions raise and lower${what}, and a leaderboard can show who is on top and who is at the bottom. Some players may be ${lower(blacklistName(c))}.`,
      "It imitates systems that hurt real people: blacklists, surveillance, scores that decide who may travel or work. Some of you may know them first-hand. The game is not a judgement of anyone in this room.",
      "Nobody has to play. You may watch instead (Just watch on the join page: the game on your phone, never ranked), choose a nickname that is not your name, and stop at any time. When the game ends, the scores are gone.",
      "Afterwards we talk about what the game did to us, not about who scored what.",
    ],
  };
}
