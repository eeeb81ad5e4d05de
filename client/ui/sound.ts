/**
 * The projector's sound cues, synthesised at run time with the Web Audio API: no sound files,
 * nothing to license beyond this code, and a few hundred bytes instead of a few hundred
 * kilobytes. Each cue is a handful of notes with a quick attack and a soft decay, quiet
 * enough to sit under a teacher's voice.
 */
export type Cue = "join" | "round-start" | "tick" | "last-tick" | "round-end" | "drop";

interface Note {
  /** Start, in seconds after the cue. */
  at: number;
  freq: number;
  /** Frequency at the end of the note, for a slide. */
  to?: number;
  dur: number;
  type: OscillatorType;
  gain: number;
}

const CUES: Record<Cue, Note[]> = {
  // A small bright blip: someone is in.
  join: [{ at: 0, freq: 988, to: 1319, dur: 0.09, type: "sine", gain: 0.18 }],
  // Two rising notes, a fifth apart: go.
  "round-start": [
    { at: 0, freq: 523, dur: 0.16, type: "triangle", gain: 0.3 },
    { at: 0.13, freq: 784, dur: 0.32, type: "triangle", gain: 0.32 },
  ],
  // A dry wood-block tick for each of the last seconds, higher for the last three.
  tick: [{ at: 0, freq: 1100, dur: 0.035, type: "square", gain: 0.06 }],
  "last-tick": [{ at: 0, freq: 1480, dur: 0.05, type: "square", gain: 0.09 }],
  // Three falling notes: time is up.
  "round-end": [
    { at: 0, freq: 784, dur: 0.18, type: "triangle", gain: 0.3 },
    { at: 0.16, freq: 659, dur: 0.18, type: "triangle", gain: 0.3 },
    { at: 0.32, freq: 523, dur: 0.5, type: "triangle", gain: 0.32 },
  ],
  // A low slide down: somebody just lost a lot.
  drop: [{ at: 0, freq: 330, to: 110, dur: 0.42, type: "sawtooth", gain: 0.12 }],
};

export interface SoundCues {
  play(cue: Cue): void;
  readonly on: boolean;
  set(on: boolean): void;
  /** Every cue played, newest last: what a test (or a curious facilitator) can check. */
  readonly played: Cue[];
  /** Hears each cue as it plays (or would play, before the browser lets audio start). */
  onPlay(listener: (cue: Cue) => void): void;
  dispose(): void;
}

/**
 * Sound cues, switched on or off and remembered on this device. `defaultOn` is the choice of
 * a device that never chose: on for the projector, off for a phone in a classroom.
 */
export function soundCues(defaultOn: boolean, key = "citizen-score:sound"): SoundCues {
  let ctx: AudioContext | undefined;
  let on = readChoice(key) ?? defaultOn;
  const played: Cue[] = [];
  const listeners: ((cue: Cue) => void)[] = [];

  // Browsers start audio only after a gesture on the page: the first click or key wakes it.
  const wake = () => {
    if (!on) return;
    ctx ??= typeof AudioContext === "function" ? new AudioContext() : undefined;
    void ctx?.resume().catch(() => undefined);
  };
  addEventListener("pointerdown", wake, { capture: true });
  addEventListener("keydown", wake, { capture: true });

  const note = (c: AudioContext, n: Note, start: number) => {
    const osc = c.createOscillator();
    const amp = c.createGain();
    osc.type = n.type;
    osc.frequency.setValueAtTime(n.freq, start + n.at);
    if (n.to) osc.frequency.exponentialRampToValueAtTime(n.to, start + n.at + n.dur);
    amp.gain.setValueAtTime(0.0001, start + n.at);
    amp.gain.exponentialRampToValueAtTime(n.gain, start + n.at + 0.008);
    amp.gain.exponentialRampToValueAtTime(0.0001, start + n.at + n.dur);
    osc.connect(amp).connect(c.destination);
    osc.start(start + n.at);
    osc.stop(start + n.at + n.dur + 0.02);
  };

  return {
    played,
    onPlay: (listener) => void listeners.push(listener),
    dispose() {
      removeEventListener("pointerdown", wake, { capture: true });
      removeEventListener("keydown", wake, { capture: true });
      void ctx?.close().catch(() => undefined);
    },
    get on() {
      return on;
    },
    set(value: boolean) {
      on = value;
      try {
        localStorage.setItem(key, value ? "on" : "off");
      } catch {
        // A browser that keeps nothing still switches for this visit.
      }
      if (on) wake();
      else void ctx?.suspend().catch(() => undefined);
    },
    play(cue: Cue) {
      if (!on) return;
      played.push(cue);
      if (played.length > 50) played.shift();
      for (const l of listeners) l(cue);
      if (ctx?.state !== "running") return;
      const start = ctx.currentTime + 0.01;
      for (const n of CUES[cue]) note(ctx, n, start);
    },
  };
}

function readChoice(key: string): boolean | undefined {
  try {
    const v = localStorage.getItem(key);
    return v === "on" ? true : v === "off" ? false : undefined;
  } catch {
    return undefined;
  }
}
