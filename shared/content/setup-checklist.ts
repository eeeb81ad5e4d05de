import { type MessageKey, t } from "../i18n/index.ts";
import type { GameConfig } from "../rules/config.ts";

export interface ChecklistGroup {
  title: string;
  items: string[];
}

/** Each group's title and its items that read the same for every scenario, as catalog keys. */
const GROUPS: { title: MessageKey; items: MessageKey[] }[] = [
  {
    title: "guide.check.projector",
    items: ["guide.check.projector.1", "guide.check.projector.2", "guide.check.projector.3", "guide.check.projector.4"],
  },
  { title: "guide.check.devices", items: ["guide.check.devices.1", "guide.check.devices.2"] },
  { title: "guide.check.network", items: ["guide.check.network.1", "guide.check.network.2", "guide.check.network.3", "guide.check.network.4"] },
  { title: "guide.check.code", items: ["guide.check.code.1", "guide.check.code.2"] },
  { title: "guide.check.drops", items: ["guide.check.drops.1", "guide.check.drops.2", "guide.check.drops.3", "guide.check.drops.4"] },
];

/**
 * What to check before class, from the scenario's own numbers where they matter (the length of
 * the game, late joining). Names the buttons as the host page labels them.
 */
export function setupChecklist(c: GameConfig): ChecklistGroup[] {
  const own: Partial<Record<MessageKey, string>> = {
    "guide.check.devices": t("guide.check.devices.charge", { rounds: c.rounds, seconds: c.roundSeconds }),
    "guide.check.code": t("guide.check.code.late", { late: c.allowLateJoin ? "yes" : "no" }),
  };
  return GROUPS.map((g) => ({ title: t(g.title), items: [...g.items.map((k) => t(k)), ...(own[g.title] ? [own[g.title]!] : [])] }));
}
