import { t } from "../../../shared/i18n/index.ts";
import type { KeyMoment } from "../../../shared/replay/index.ts";
import { h, setText } from "../../ui/dom.ts";
import { momentCrowd } from "./moment-crowd.ts";
import { momentText } from "./moment-text.ts";
import { clockText } from "./score-lines.ts";
import type { Loaded } from "./worker-protocol.ts";

export type SeekHow = "scrub" | "play";
const SPEEDS = [1, 4, 8, 16, 32, 64];
/** More individual blacklistings than this would hide the timeline under markers. */
const MAX_PERSON_MARKS = 12;

/** The moments worth a mark on the track: everything the facilitator or the scenario did, the big drops, waves. */
function marked(moments: KeyMoment[]): KeyMoment[] {
  const people = moments.filter((m) => m.kind === "blacklisted" || m.kind === "removal");
  return moments.filter((m) => m.kind !== "resume" && (people.length <= MAX_PERSON_MARKS || (m.kind !== "blacklisted" && m.kind !== "removal")));
}

/**
 * Play, pause, speed and a scrubber over the session, with the rounds as segments and the
 * key moments as marks. It owns the playback clock and says where to go; it never folds.
 */
export function timeline(data: Loaded, onSeek: (at: number, how: SeekHow) => void, onMoment: (m: KeyMoment) => void) {
  const span = data.to - data.from;
  const names = new Map(data.players.map((p) => [p.id, p.nickname]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const frac = (t: number) => Math.min(1, Math.max(0, (t - data.from) / span));
  const play = h("button", { class: "btn btn-primary play-btn", type: "button", testid: "play", "aria-label": t("replay.timeline.play") }, "▶");
  const speed = h(
    "select",
    { class: "speed", testid: "speed", "aria-label": t("replay.timeline.speed") },
    ...SPEEDS.map((s) => h("option", { value: s, selected: s === 8 }, t("replay.timeline.times", { speed: s }))),
  );
  const fill = h("div", { class: "track-fill" });
  const thumb = h("div", { class: "track-thumb" });
  const rounds = data.rounds.map((r) => {
    const end = r.endAt ?? data.to;
    return h(
      "button",
      {
        class: "track-round",
        type: "button",
        style: `inset-inline-start:${frac(r.startAt) * 100}%;width:${(frac(end) - frac(r.startAt)) * 100}%`,
        title: t("replay.timeline.round", { round: r.round }),
        testid: `round-${r.round}`,
        onclick: () => go(r.startAt, "scrub"),
      },
      h("span", {}, t("replay.timeline.round-short", { round: r.round })),
    );
  });
  const shown = marked(data.moments);
  const said = shown.map((m) => momentText(m, data.config, nameOf, data.from));
  const marks = shown.map((m, i) =>
    h(
      "button",
      {
        class: `track-mark mark-${said[i].tone}`,
        type: "button",
        style: `inset-inline-start:${frac(m.at) * 100}%`,
        title: said[i].text,
        "aria-label": said[i].text,
        onclick: () => choose(i),
      },
      said[i].icon,
    ),
  );
  const crowd = momentCrowd(shown, said, marks, data.from, (i) => {
    go(shown[i].at, "scrub");
    onMoment(shown[i]);
  });
  const choose = (i: number) => (crowd.has(i) ? crowd.toggle(i) : (go(shown[i].at, "scrub"), onMoment(shown[i])));
  const track = h(
    "div",
    {
      class: "track",
      role: "slider",
      tabindex: 0,
      testid: "scrubber",
      "aria-label": t("replay.timeline.scrubber"),
      title: t("replay.timeline.scrubber-help"),
      "aria-valuemin": 0,
      "aria-valuemax": Math.round(span / 1000),
    },
    h("div", { class: "track-rail" }, fill),
    thumb,
  );
  // The round and moment buttons sit over the slider, not inside it: a control inside a control has no name of its own to a screen reader.
  const lanes = h(
    "div",
    { class: "track-lanes" },
    track,
    h("div", { class: "track-rounds" }, ...rounds),
    h("div", { class: "track-marks" }, ...marks),
    crowd.el,
  );
  const time = h("div", { class: "time mono", testid: "time" });
  // Time runs left to right on the track in every language: its marks and the pointer are placed from its left edge.
  const el = h(
    "footer",
    { class: "timeline", "aria-label": t("replay.timeline.label") },
    play,
    speed,
    h("div", { class: "track-wrap", dir: "ltr" }, lanes),
    time,
  );
  let at = data.to;
  let playing = false;
  let last = 0;
  let raf = 0;

  function show(t: number): void {
    at = t;
    const f = frac(t) * 100;
    fill.style.width = `${f}%`;
    thumb.style.insetInlineStart = `${f}%`;
    track.setAttribute("aria-valuenow", String(Math.round((t - data.from) / 1000)));
    track.setAttribute("aria-valuetext", clockText(t - data.from));
    track.dataset.at = String(Math.round(t));
    setText(time, `${clockText(t - data.from)} / ${clockText(span)}`);
  }
  function go(t: number, how: SeekHow): void {
    show(Math.min(data.to, Math.max(data.from, t)));
    onSeek(at, how);
  }
  function frame(now: number): void {
    if (!playing) return;
    const dt = last ? Math.min(now - last, 100) : 0;
    last = now;
    go(at + dt * Number(speed.value), "play");
    if (at >= data.to) return setPlaying(false);
    raf = requestAnimationFrame(frame);
  }
  function setPlaying(on: boolean): void {
    playing = on;
    setText(play, on ? "❚❚" : "▶");
    play.setAttribute("aria-label", on ? t("replay.timeline.pause") : t("replay.timeline.play"));
    cancelAnimationFrame(raf);
    if (!on) return;
    if (at >= data.to) go(data.from, "scrub");
    last = 0;
    raf = requestAnimationFrame(frame);
  }

  const fromPointer = (e: PointerEvent) => {
    const box = track.getBoundingClientRect();
    go(data.from + ((e.clientX - box.left) / box.width) * span, "scrub");
  };
  track.addEventListener("pointerdown", (e) => {
    track.setPointerCapture(e.pointerId);
    el.classList.add("is-scrubbing");
    fromPointer(e);
  });
  track.addEventListener("pointermove", (e) => track.hasPointerCapture(e.pointerId) && fromPointer(e));
  track.addEventListener("pointerup", () => el.classList.remove("is-scrubbing"));
  track.addEventListener("keydown", (e) => {
    const step = e.shiftKey ? 30_000 : 5_000;
    const starts = data.rounds.map((r) => r.startAt);
    const moves: Record<string, () => number> = {
      ArrowRight: () => at + step,
      ArrowLeft: () => at - step,
      Home: () => data.from,
      End: () => data.to,
      PageDown: () => starts.find((s) => s > at + 1) ?? data.to,
      PageUp: () => [...starts].reverse().find((s) => s < at - 1) ?? data.from,
    };
    if (!moves[e.key]) return;
    e.preventDefault();
    go(moves[e.key](), "scrub");
  });
  play.addEventListener("click", () => setPlaying(!playing));
  // Marks closer than their own width would cover each other (too small to tap): the first of each crowd stays, and lists the rest.
  const thin = () => {
    let last = Number.NEGATIVE_INFINITY;
    const crowds: number[][] = [];
    marks.forEach((mark, i) => {
      mark.hidden = false;
      const box = mark.getBoundingClientRect();
      mark.hidden = box.left < last;
      if (mark.hidden) crowds[crowds.length - 1]?.push(i);
      else {
        last = box.right;
        crowds.push([i]);
      }
    });
    crowd.group(crowds);
  };
  const resized = new ResizeObserver(thin);
  resized.observe(track);
  show(at);

  return {
    el,
    get playing() {
      return playing;
    },
    get speed() {
      return Number(speed.value);
    },
    get at() {
      return at;
    },
    toggle: () => setPlaying(!playing),
    go,
    dispose: () => {
      cancelAnimationFrame(raf);
      resized.disconnect();
    },
  };
}
