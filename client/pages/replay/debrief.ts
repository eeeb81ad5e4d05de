import { t } from "../../../shared/i18n/index.ts";
import type { KeyMoment } from "../../../shared/replay/index.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";
import { languagePicker } from "../../ui/language.ts";
import { errorTray } from "../../ui/status.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import { ClassroomModel } from "../../view/classroom-model.ts";
import type { AnswerTarget } from "./answers.ts";
import { dataTab } from "./data-tab.ts";
import { FrameDriver } from "./drive-view.ts";
import { metricsTab } from "./metrics-tab.ts";
import { mythTab } from "./myth-tab.ts";
import type { ReplayEngine } from "./replay-engine.ts";
import { replayTab } from "./replay-tab.ts";
import { timeline, type SeekHow } from "./timeline.ts";
import { whatIfTab } from "./what-if-tab.ts";
import type { Loaded, World } from "./worker-protocol.ts";

const TABS = ["replay", "metrics", "what-if", "myth", "data"] as const;
type Tab = (typeof TABS)[number];
/** Tabs that follow the timeline. */
const TIMED: readonly Tab[] = ["replay", "what-if"];

/** The debrief of one loaded session: the replay and its timeline, the metrics, the other world, the facts, the data. */
export function debrief(root: HTMLElement, data: Loaded, engine: ReplayEngine, access: { key: string; log: Blob }): () => void {
  const errors = errorTray();
  const recorded = new ClassroomModel();
  const other = new ClassroomModel();
  const drivers = { recorded: new FrameDriver(recorded), other: new FrameDriver(other) };
  const nameOf = new Map(data.players.map((p) => [p.id, p.nickname]));
  recorded.nameOf = (id) => nameOf.get(id) ?? t("replay.someone");
  let worlds: World[] = ["recorded"];

  const select = (id: string | undefined) => {
    replay.select(id);
    whatIf.select(id);
  };
  const seek = (at: number, _how: SeekHow) => {
    replay.setTime(at);
    engine.seek(at, worlds);
  };
  const onMoment = (m: KeyMoment) => {
    if (m.kind !== "drop") return;
    select(m.player);
    void replay.showCause(m.event);
  };
  const replay = replayTab(data, recorded, { select, cause: (seq) => engine.cause(seq) });
  const whatIf = whatIfTab(data, recorded, other, engine, {
    ready: () => {
      worlds = ["recorded", "other"];
      seek(bar.at, "scrub");
    },
    select,
    toEnd: () => bar.go(data.to, "scrub"),
  });
  const bar = timeline(data, seek, onMoment);
  // The tabs not on screen at first are built when first shown: opening the replay draws only it.
  const builders: Record<Tab, () => HTMLElement> = {
    replay: () => replay.el,
    metrics: () =>
      metricsTab(
        data,
        (r) => {
          show("replay");
          bar.go(r.startAt, "scrub");
        },
        (target) => answer(target),
      ),
    "what-if": () => whatIf.el,
    myth: () => mythTab(data),
    data: () => dataTab(data, access.key, access.log, errors.show),
  };
  const holders = {} as Record<Tab, HTMLElement>;
  for (const id of TABS) holders[id] = h("div", { class: "tab-panel", role: "tabpanel", "data-tab": id });
  const panel = (tab: Tab): HTMLElement => {
    const holder = holders[tab];
    if (!holder.firstElementChild) holder.append(builders[tab]());
    return holder;
  };
  // The device's display settings (larger text, high contrast), shared with the host page: set once for the room.
  const textSize = h("span", { class: "display-toggles" });
  const buttons = TABS.map((id) =>
    h("button", { class: "tab", type: "button", role: "tab", testid: `tab-${id}`, onclick: () => show(id) }, t(`replay.tab.${id}`)),
  );
  const page = h(
    "div",
    { class: "replay-page" },
    h(
      "header",
      { class: "replay-top" },
      h("div", { class: "brand", role: "img", title: "Citizen Score", "aria-label": "Citizen Score" }, h("span", { class: "brand-mark" })),
      h("div", { class: "code-pill" }, h("span", {}, t("replay.header.debrief")), h("b", { class: "mono", testid: "session-code" }, data.code)),
      h(
        "div",
        { class: "replay-meta" },
        h("b", { class: "scenario-text" }, data.config.scenario.title),
        h(
          "span",
          {},
          t("replay.header.meta", {
            players: data.players.length,
            rounds: data.rounds.length,
            date: new Date(data.createdAt),
          }),
        ),
      ),
      h("nav", { class: "tabs", role: "tablist", "aria-label": t("replay.header.tabs") }, ...buttons),
      languagePicker(),
      h("a", { class: "btn btn-ghost back", href: "/host", onclick: (e: Event) => (e.preventDefault(), go("/host")) }, t("replay.header.host")),
    ),
    h("main", { class: "replay-main" }, ...Object.values(holders)),
    bar.el,
    errors.el,
  );

  textSize.append(displaySettings());
  // At the end of the timeline, not in the header: the header keeps one row at 1080p, and the what-if's results stay above the fold.
  bar.el.append(textSize);

  /** A question's answer: replay its moment, open the Real or myth tab, or bring its Metrics card into view. */
  function answer(target: AnswerTarget): void {
    if (target.tab === "replay") {
      show("replay");
      bar.go(target.at, "scrub");
    } else if (target.tab === "myth") show("myth");
    else {
      show("metrics");
      const card = panel("metrics").querySelector<HTMLElement>(`[data-answer="${target.card}"]`);
      card?.scrollIntoView({ block: "start" });
      card?.classList.remove("answer-flash");
      void card?.offsetWidth;
      card?.classList.add("answer-flash");
    }
  }

  function show(tab: Tab): void {
    panel(tab);
    buttons.forEach((b, i) => {
      b.setAttribute("aria-selected", String(TABS[i] === tab));
      b.classList.toggle("active", TABS[i] === tab);
    });
    for (const el of page.querySelectorAll<HTMLElement>(".tab-panel")) el.classList.toggle("is-off", el.dataset.tab !== tab);
    page.dataset.tab = tab;
    bar.el.hidden = !TIMED.includes(tab);
    replay.sleep(tab !== "replay");
    whatIf.sleep(tab !== "what-if");
  }

  // Pulses and floating numbers help while a class can follow them; a crowd at speed is a blur.
  const crowd = data.players.length > 80;
  engine.onFrames = (frames) => {
    const animate = bar.playing && bar.speed <= (crowd ? 1 : 16);
    if (frames.recorded) {
      drivers.recorded.show(frames.recorded, animate);
      replay.frame(frames.recorded.recent, animate, frames.recorded.visibility);
    }
    if (frames.other) drivers.other.show(frames.other, animate);
    whatIf.frame();
    // Which moment each world shows, for the benchmark and the browser tests to wait on.
    if (frames.recorded && page.dataset.drawnAt === undefined) performance.mark("replay:first-frame");
    if (frames.recorded) page.dataset.drawnAt = String(frames.recorded.at);
    if (frames.other) page.dataset.otherAt = String(frames.other.at);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== " " || (e.target as HTMLElement).closest("input, button, select, textarea, [role=slider]") || page.dataset.tab !== "replay") return;
    e.preventDefault();
    bar.toggle();
  };
  document.addEventListener("keydown", onKey);
  root.replaceChildren(page);
  show("replay");
  replay.start();
  seek(bar.at, "scrub");
  return () => {
    document.removeEventListener("keydown", onKey);
    bar.dispose();
    replay.dispose();
    whatIf.dispose();
  };
}
