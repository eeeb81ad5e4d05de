import type { NumberKind } from "../../shared/text/settings.ts";
import { h } from "./dom.ts";

export interface NumberInput {
  el: HTMLInputElement;
  /** The number in the rules' own units (480, not 4.80; 0.2, not 20%), or NaN when the field is not a number. */
  get(): number;
  set(value: number): void;
}

/**
 * A number field in the units a person reads: scores and points divided by the scenario's
 * divisor (a rating of 480 is typed as 4.80), shares as percentages. The rules' units go in
 * and come out; only the field shows the other.
 */
export function numberInput(kind: NumberKind, divisor: number, attrs: Record<string, string | number | boolean>): NumberInput {
  const scale = kind === "share" ? 100 : kind === "score" || kind === "points" ? 1 / divisor : 1;
  const step = kind === "weight" ? 0.05 : kind === "share" ? 1 : kind === "score" || kind === "points" ? 1 / divisor : 1;
  const el = h("input", { type: "number", step, inputmode: "decimal", ...attrs });
  const whole = kind !== "weight" && kind !== "share";
  return {
    el,
    get() {
      const v = el.valueAsNumber;
      if (!Number.isFinite(v)) return NaN;
      const raw = v / scale;
      return whole ? Math.round(raw) : Math.round(raw * 1e6) / 1e6;
    },
    set(value: number) {
      const shown = value * scale;
      el.value = String(Math.round(shown * 1e6) / 1e6);
    },
  };
}
