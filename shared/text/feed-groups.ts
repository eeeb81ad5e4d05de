import { didPhrase, isActionName } from "./actions.ts";
import { feedLine, type FeedEntry, type FeedLine } from "./feed.ts";
import { scoreSentenceAbout, signed, type NameOf } from "./reasons.ts";
import { listedText, type Labelled } from "./score.ts";
import { nameList } from "./words.ts";
import { t } from "../i18n/index.ts";

/**
 * Feed lines in groups, for a ticker a class reads from the back of the room: a run of the
 * same kind of thing ("12 players joined", "Bo, Cy and 3 others -5: friend Ana posted …") is
 * one line that grows, instead of a dozen that push everything else off the screen.
 */
export interface FeedGroup {
  /** What the entries have in common; null for a line that never groups (a round starting). */
  key: string | null;
  /** Oldest first. */
  entries: FeedEntry[];
}

/**
 * A line another line of the same command already tells: unfriending is an action and a cut
 * friendship, accepting a request an action and a new friendship, an appeal an action, its
 * verdict and (upheld) the points given back. The outcome line stays: the one a busy feed
 * batch keeps first (server/rooms/feed.ts keeps rarer kinds before actions and scores).
 */
function isEcho(e: FeedEntry): boolean {
  if (e.type === "acted") return e.action === "unfriend" || e.action === "accept-friend" || e.action === "appeal";
  return e.type === "score" && e.rule === "appeal-upheld";
}

function groupKey(e: FeedEntry): string | null {
  switch (e.type) {
    case "player-joined":
    case "player-removed":
    case "friends":
    case "unfriended":
      return e.type;
    case "acted":
      return `acted:${e.action}`;
    case "blacklisted":
      return `blacklisted:${e.delta ? "on" : "off"}`;
    case "score":
      // One action's spillover onto each friend, or one audit's deductions.
      return `score:${e.rule}:${e.action}:${e.actor}:${Math.sign(e.delta)}`;
    default:
      return null;
  }
}

/**
 * Adds an entry to the groups (oldest group first): it joins the newest group when it is the
 * same kind of thing in the same round, and starts a new group otherwise. Returns the group it
 * went into, or undefined for an echo, which is left out.
 */
export function addToGroups(groups: FeedGroup[], e: FeedEntry): { group: FeedGroup; added: boolean } | undefined {
  if (isEcho(e)) return undefined;
  const key = groupKey(e);
  const last = groups[groups.length - 1];
  if (key !== null && last && last.key === key && last.entries[0].round === e.round) {
    last.entries.push(e);
    return { group: last, added: false };
  }
  const group = { key, entries: [e] };
  groups.push(group);
  return { group, added: true };
}

/** Groups for a list of entries, oldest first. */
export function groupFeed(entries: readonly FeedEntry[]): FeedGroup[] {
  const groups: FeedGroup[] = [];
  for (const e of entries) addToGroups(groups, e);
  return groups;
}

/** Newest first, as a ticker names them. */
const newestFirst = (ids: string[], nameOf: NameOf) => ids.map(nameOf).reverse();

/**
 * A group as one ticker line. A group of one is the entry's own line, through `single` (the
 * ticker's own, which tells a live event in the banner's words), so a lone line reads as before.
 */
export function groupLine(g: FeedGroup, nameOf: NameOf, single: (e: FeedEntry) => FeedLine = (e) => feedLine(e, nameOf, c), c?: Labelled): FeedLine {
  const [first] = g.entries;
  const newest = g.entries[g.entries.length - 1];
  const n = g.entries.length;
  if (n === 1 || g.key === null) return single(newest);
  const tone = feedLine(newest, nameOf, c).tone;
  const actors = newestFirst(
    g.entries.map((e) => e.actor),
    nameOf,
  );
  const targets = newestFirst(
    g.entries.map((e) => e.target),
    nameOf,
  );
  switch (first.type) {
    case "player-joined":
      return { text: t("feed.group.joined", { count: n, names: nameList(actors) }), tone };
    case "player-removed":
      return { text: t("feed.group.removed", { names: nameList(actors) }), tone };
    case "friends":
      return { text: t("feed.group.friends", { count: n, actor: nameOf(newest.actor), target: nameOf(newest.target) }), tone };
    case "unfriended":
      return { text: t("feed.group.unfriended", { count: n, actor: nameOf(newest.actor) }), tone };
    case "blacklisted":
      return { text: listedText(nameList(targets), Boolean(first.delta), c, true), tone };
    case "acted": {
      const who = new Set(actors).size;
      const did = isActionName(first.action) ? didPhrase(first.action, c, undefined, who) : t("feed.did-something");
      const names = nameList(actors);
      return { text: n > who ? t("feed.group.acted-times", { names, did, count: n }) : t("feed.sentence.did", { who: names, did }), tone };
    }
    case "score": {
      const same = g.entries.every((e) => e.delta === first.delta);
      const names = nameList(targets);
      // The sentence is the single line's, about a crowd: the amount when everyone's was the same.
      return {
        text: scoreSentenceAbout(
          "crowd",
          { delta: same ? first.delta : 0, rule: first.rule, actor: first.actor, action: first.action },
          (id) => (id === "crowd" ? names : nameOf(id)),
          signed,
          c,
        ),
        tone,
      };
    }
    default:
      return single(newest);
  }
}
