import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import type { CreateOptions } from "../../../shared/messages/messages.ts";
import { hostKeys } from "../../net/storage.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";

function field(label: string, input: HTMLInputElement) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
}

/** Before a session: create one with its settings, or reopen one this browser (or a key) can host. */
export function setupPanel(actions: { create: (o: CreateOptions) => Promise<void>; reopen: (code: string, key: string) => Promise<void> }, presetCode = "") {
  const num = (id: string, value: number, min: number, max: number, step = 1) =>
    h("input", { id, type: "number", value, min, max, step, required: true, testid: `create-${id}` });
  const rounds = num("rounds", DEFAULT_CONFIG.rounds, 1, 50);
  const seconds = num("roundSeconds", DEFAULT_CONFIG.roundSeconds, 10, 3600);
  const points = num("actionPoints", DEFAULT_CONFIG.actionPoints, 1, 20);
  const weight = num("friendWeight", DEFAULT_CONFIG.friendWeight, 0, 1, 0.05);
  const late = h("input", { type: "checkbox", id: "allowLateJoin", checked: DEFAULT_CONFIG.allowLateJoin });
  const createButton = h("button", { class: "btn btn-primary btn-big", type: "submit", testid: "create-button" }, "Open a new session");
  const create = h(
    "form",
    { class: "setup-card" },
    h("h2", {}, "New session"),
    h("div", { class: "form-grid" }, field("Rounds", rounds), field("Seconds per round", seconds), field("Action points per round", points), field("Friend weight", weight)),
    h("label", { class: "check" }, late, " Let players join after the start"),
    createButton,
  );
  create.addEventListener("submit", async (e) => {
    e.preventDefault();
    createButton.disabled = true;
    createButton.textContent = "Opening…";
    await actions
      .create({ rounds: rounds.valueAsNumber, roundSeconds: seconds.valueAsNumber, actionPoints: points.valueAsNumber, friendWeight: weight.valueAsNumber, allowLateJoin: late.checked })
      .finally(() => {
        createButton.disabled = false;
        createButton.textContent = "Open a new session";
      });
  });

  const code = h("input", { id: "reopen-code", class: "mono", maxlength: 5, value: presetCode, autocomplete: "off", placeholder: "ABCDE", testid: "reopen-code" });
  const key = h("input", { id: "reopen-key", class: "mono", autocomplete: "off", placeholder: "from the screen that created it", testid: "reopen-key" });
  const reopen = h(
    "form",
    { class: "setup-card" },
    h("h2", {}, "Reopen a session"),
    h("p", { class: "help" }, "Open the projector view of a running session on this screen, or bring back a session after the server restarted."),
    ...hostKeys.all().map((e) =>
      h(
        "div",
        { class: "recent-row" },
        h("button", { class: "btn recent", type: "button", onclick: () => void actions.reopen(e.code, e.hostKey) }, h("span", { class: "mono" }, e.code), h("small", {}, `opened ${new Date(e.createdAt).toLocaleString()}`)),
        h("a", { class: "btn btn-ghost", href: `/replay/${e.code}`, testid: `replay-${e.code}`, title: `Debrief replay of ${e.code}`, onclick: (ev: Event) => (ev.preventDefault(), go(`/replay/${e.code}`)) }, "Debrief"),
      ),
    ),
    h("div", { class: "form-grid" }, field("Code", code), field("Host key", key)),
    h("button", { class: "btn", type: "submit" }, "Reopen"),
  );
  reopen.addEventListener("submit", (e) => {
    e.preventDefault();
    void actions.reopen(code.value.trim().toUpperCase(), key.value.trim());
  });

  return h(
    "main",
    { class: "setup" },
    h("div", { class: "setup-head" }, h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"), h("h1", {}, "Host a session"), h("p", { class: "lede" }, "Put this screen on the projector. Players join from their phones with the code it shows.")),
    h("div", { class: "setup-cards" }, create, reopen),
  );
}
