/**
 * The settings a facilitator may change while a session runs, with the range every session
 * shares. The rules' check, the messages' and the scenario file's schemas, the host's
 * settings form and the bots' options all read them here; docs/PROTOCOL.md states them and
 * tests/unit/setting-limits.test.ts holds it to them.
 */
export const SETTING_LIMITS = {
  rounds: { min: 1, max: 50, whole: true },
  roundSeconds: { min: 10, max: 3600, whole: true },
  actionPoints: { min: 1, max: 20, whole: true },
  friendWeight: { min: 0, max: 1, whole: false },
} as const;

export type LimitedSetting = keyof typeof SETTING_LIMITS;
