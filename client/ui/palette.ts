import type { Tier } from "../../shared/rules/state.ts";

/** Okabe–Ito colours, the same as the CSS tokens, for drawing on the canvas. */
export const TIER_COLOR: Record<Tier, number> = {
  visa: 0xf0e442,
  travel: 0x56b4e9,
  standard: 0xd9dee9,
  restricted: 0xd55e00,
};
export const BLACKLIST_COLOR = 0xcc79a7;
/** A player whose score this screen may not see. */
export const UNSEEN_COLOR = 0x7d88a6;
export const UP_COLOR = 0x56b4e9;
export const DOWN_COLOR = 0xe69f00;
export const LINE = 0x2a3656;

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}
