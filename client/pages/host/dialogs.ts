import type { FacilitateMessage } from "../../../shared/messages/messages.ts";
import { SETTING_LIMITS, type LimitedSetting } from "../../../shared/rules/limits.ts";
import { NUMBER_TEXT } from "../../../shared/text/settings.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { Connection } from "../../net/connection.ts";
import { hostKeyBox } from "./host-key-box.ts";
import { h, setText } from "../../ui/dom.ts";
import { AUTO_RESUME_CHOICES, autoResumeLabel, DEFAULT_AUTO_RESUME_SECONDS } from "../../../shared/messages/auto-resume.ts";
import { t } from "../../../shared/i18n/index.ts";

function numberField(label: string, name: LimitedSetting, step = 1) {
  const { min, max } = SETTING_LIMITS[name];
  const input = h("input", { type: "number", name, min, max, step, required: true, id: `set-${name}`, testid: `setting-${name}` });
  return { input, el: h("div", { class: "field" }, h("label", { for: input.id }, label), input) };
}

/** Round settings, filled from the session's rules as they stand (the `rules` message). */
export function settingsDialog(model: ClassroomModel, send: (msg: FacilitateMessage) => void, conn: Connection) {
  const rounds = numberField(NUMBER_TEXT.rounds.label, "rounds");
  const seconds = numberField(NUMBER_TEXT.roundSeconds.label, "roundSeconds");
  const points = numberField(NUMBER_TEXT.actionPoints.label, "actionPoints");
  const weight = numberField(t("host.settings.friendWeight"), "friendWeight", 0.05);
  const late = h("input", { type: "checkbox", id: "set-late", testid: "setting-allowLateJoin" });
  const key = hostKeyBox(() => model.info.code, conn);
  const resume = h(
    "select",
    { id: "set-auto-resume", testid: "setting-autoResume" },
    ...AUTO_RESUME_CHOICES.map((s) => h("option", { value: s === null ? "off" : String(s) }, autoResumeLabel(s))),
  );
  const resumeField = h(
    "div",
    { class: "field" },
    h("label", { for: resume.id }, t("host.settings.autoResume")),
    resume,
    h("p", { class: "help" }, t("host.settings.autoResumeHelp")),
  );
  const form = h(
    "form",
    { method: "dialog", class: "dialog-form" },
    h("h2", {}, t("host.settings.title")),
    h("div", { class: "form-grid" }, rounds.el, seconds.el, points.el, weight.el),
    h("label", { class: "check" }, late, " ", t("host.settings.lateJoin")),
    h("p", { class: "help" }, t("host.settings.help")),
    resumeField,
    key.el,
    h(
      "div",
      { class: "dialog-buttons" },
      h("button", { class: "btn btn-ghost", value: "cancel", type: "submit", formnovalidate: true }, t("host.settings.cancel")),
      h("button", { class: "btn btn-primary", value: "save", type: "submit", testid: "save-settings" }, t("host.settings.apply")),
    ),
  );
  const dialog = h("dialog", { class: "dialog", testid: "settings-dialog" }, form);
  dialog.addEventListener("close", () => {
    key.reset();
    if (dialog.returnValue !== "save") return;
    // Only what the facilitator changed: the rules refuse a change to the value already in force.
    const c = model.config;
    const wanted = {
      rounds: rounds.input.valueAsNumber,
      actionPoints: points.input.valueAsNumber,
      friendWeight: weight.input.valueAsNumber,
      allowLateJoin: late.checked,
    };
    const now = { rounds: model.info.rounds || c.rounds, actionPoints: c.actionPoints, friendWeight: c.friendWeight, allowLateJoin: c.allowLateJoin };
    const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => now[k as keyof typeof now] !== v));
    if (Object.keys(changed).length > 0) send({ type: "settings", ...changed });
    const length = seconds.input.valueAsNumber;
    if (length !== (model.info.roundSeconds || model.config.roundSeconds)) send({ type: "round-length", seconds: length });
    const after = resume.value === "off" ? null : Number(resume.value);
    if (after !== conn.autoResume) conn.setAutoResume(after);
  });
  return {
    el: dialog,
    open() {
      const c = model.config;
      rounds.input.value = String(model.info.rounds || c.rounds);
      seconds.input.value = String(model.info.roundSeconds || c.roundSeconds);
      points.input.value = String(c.actionPoints);
      weight.input.value = String(c.friendWeight);
      late.checked = c.allowLateJoin;
      resume.value = conn.autoResume === null ? "off" : String(conn.autoResume ?? DEFAULT_AUTO_RESUME_SECONDS);
      key.reset();
      dialog.showModal();
    },
  };
}

/** Removing a player, with or without a ban on the nickname; a true score only in the private view. */
export function removeDialog(model: ClassroomModel, send: (msg: FacilitateMessage) => void, trueScores: () => boolean) {
  let player = "";
  const title = h("h2", {});
  const body = h("p", { class: "help" });
  const reset = h("input", { type: "checkbox", id: "remove-reset", testid: "remove-reset" });
  const resetLabel = h("span", {});
  const form = h(
    "form",
    { method: "dialog", class: "dialog-form" },
    title,
    body,
    h("label", { class: "check" }, reset, resetLabel),
    h(
      "div",
      { class: "dialog-buttons" },
      h("button", { class: "btn btn-ghost", value: "cancel", type: "submit" }, t("host.remove.keep")),
      h("button", { class: "btn btn-danger", value: "remove", type: "submit", testid: "remove-button" }, t("host.remove.remove")),
      h("button", { class: "btn btn-danger", value: "ban", type: "submit", testid: "ban-button" }, t("host.remove.ban")),
    ),
  );
  const dialog = h("dialog", { class: "dialog", testid: "remove-dialog" }, form);
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "ban") send({ type: "remove", player, ban: true });
    if (dialog.returnValue === "remove") send({ type: "remove", player, ...(reset.checked ? { resetScore: true } : {}) });
  });
  return {
    el: dialog,
    open(id: string) {
      const p = model.players.get(id);
      if (!p) return;
      player = id;
      const score = trueScores() && p.hostScore !== undefined ? p.hostScore : model.sight(p)?.score;
      setText(title, score === undefined ? p.nickname : t("host.remove.titleScore", { name: p.nickname, score: model.fmt(score) }));
      const place = model.placeOf(id);
      const facts = place
        ? t("host.remove.ranked", { place, players: model.players.size, friends: p.friendCount })
        : t("host.remove.friends", { friends: p.friendCount });
      setText(body, t("host.remove.body", { facts, name: p.nickname }));
      reset.checked = false;
      setText(resetLabel, ` ${t("host.remove.reset", { name: p.nickname, score: model.fmt(model.config.startScore) })}`);
      dialog.showModal();
    },
  };
}
