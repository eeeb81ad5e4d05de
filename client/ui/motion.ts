/**
 * Whether this device asks for less motion (`prefers-reduced-motion: reduce`). Read at each use,
 * so a change in the system's setting holds from the next moment on. Where it is on: no pulses,
 * ripples or floating numbers on the graph, the layout shown at rest, counters at their final
 * value at once; CSS animations and transitions are off (base.css).
 */
export const reducedMotion = (): boolean => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
