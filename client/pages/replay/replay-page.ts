import { t } from "../../../shared/i18n/index.ts";
import { isJoinCode } from "../../../shared/messages/join-code.ts";
import { h, setText } from "../../ui/dom.ts";
import { languagePicker } from "../../ui/language.ts";
import { AccessError, fetchLog, keyForm, replayKeys } from "./access.ts";
import { debrief } from "./debrief.ts";
import { progressBar } from "./progress.ts";
import { ReplayEngine } from "./replay-engine.ts";
import "../host/host.css";
import { displaySettings } from "../../ui/display-settings.ts";
import "./replay.css";

/**
 * The debrief replay of one recorded session: the log is fetched with the session's host key
 * (kept by the host page, or pasted here), folded in a worker with the rules, then shown.
 */
export function mount(root: HTMLElement): () => void {
  const code = decodeURIComponent(location.pathname.split("/")[2] ?? "").toUpperCase();
  const engine = new ReplayEngine();
  // The graph's labels need the font: fetch it while the log downloads, not after.
  const font = document.fonts.load('15px "Space Grotesk Variable"').catch(() => undefined);
  const progress = progressBar();
  const title = h("h1", {}, t("replay.gate.title"), " ", h("span", { class: "mono code-inline" }, code));
  const gate = h(
    "main",
    { class: "setup replay-gate" },
    h(
      "div",
      { class: "setup-head" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"),
      title,
      h("span", { class: "page-settings" }, languagePicker(), displaySettings()),
    ),
  );
  root.replaceChildren(gate);
  let closed = false;
  let teardown = () => {};
  const form = keyForm((key) => void open(key, true));

  const showForm = (message?: string) => {
    gate.replaceChildren(gate.firstElementChild!, form.el);
    if (message) form.fail(message);
  };

  async function open(key: string, pasted: boolean): Promise<void> {
    form.busy();
    const card = h("section", { class: "setup-card loading-card" }, progress.el);
    gate.replaceChildren(gate.firstElementChild!, card);
    progress.set(t("replay.progress.download"), 0, 0);
    let bytes: ArrayBuffer;
    try {
      bytes = await fetchLog(code, key, (got, total) => progress.set(t("replay.progress.download"), Math.round(got / 1024), Math.round(total / 1024), "kB"));
    } catch (err) {
      if (closed) return;
      const e = err as AccessError;
      return showForm(e.status === 403 || e.status === 401 || pasted ? e.message : t("replay.access.retry", { reason: e.message }));
    }
    if (closed) return;
    // The benchmark (bench/replay-browser.ts) and DevTools time the replay's opening from here.
    performance.mark("replay:fetched");
    if (pasted) replayKeys.remember(code, key);
    const log = new Blob([bytes], { type: "application/json" });
    engine.onProgress = (stage, done, total) => progress.set(stage, done, total);
    try {
      const data = await engine.load(bytes);
      if (closed) return;
      performance.mark("replay:folded");
      await font;
      teardown = debrief(root, data, engine, { key, log });
      performance.mark("replay:built");
    } catch (err) {
      if (closed) return;
      gate.replaceChildren(
        gate.firstElementChild!,
        h("section", { class: "setup-card" }, h("h2", {}, t("replay.gate.cannot")), h("p", { testid: "replay-error" }, (err as Error).message)),
      );
    }
  }

  if (!isJoinCode(code)) {
    setText(title, t("replay.gate.none"));
    gate.append(
      h(
        "section",
        { class: "setup-card" },
        h("p", { testid: "replay-error" }, t("replay.gate.bad-code", { code: code.slice(0, 20) })),
        h("a", { class: "back-link", href: "/host" }, t("replay.gate.host")),
      ),
    );
  } else {
    const key = replayKeys.get(code);
    if (key) void open(key, false);
    else showForm();
  }
  return () => {
    closed = true;
    teardown();
    engine.dispose();
  };
}
