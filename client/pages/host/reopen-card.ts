import { hostKeys } from "../../net/storage.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";
import type { Actions } from "./setup-panel.ts";

function field(label: string, input: HTMLInputElement) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
}

/** Reopen the projector view of a session this browser (or a host key) can host, or bring one back after a restart. */
export function reopenCard(actions: Actions, presetCode: string): HTMLElement {
  const code = h("input", {
    id: "reopen-code",
    class: "mono",
    maxlength: 5,
    value: presetCode,
    autocomplete: "off",
    placeholder: "ABCDE",
    testid: "reopen-code",
  });
  const key = h("input", {
    id: "reopen-key",
    class: "mono",
    type: "password",
    autocomplete: "off",
    placeholder: "from the screen that created it",
    testid: "reopen-key",
  });
  const reopen = h(
    "form",
    { class: "setup-card reopen-card" },
    h("h2", {}, "Reopen a session"),
    h("p", { class: "help" }, "Open the projector view of a running session on this screen, or bring back a session after the server restarted."),
    ...hostKeys.all().map((e) =>
      h(
        "div",
        { class: "recent-row" },
        h(
          "button",
          { class: "btn recent", type: "button", onclick: () => void actions.reopen(e.code, e.hostKey) },
          h("span", { class: "mono" }, e.code),
          h("small", {}, `opened ${new Date(e.createdAt).toLocaleString()}`),
        ),
        h(
          "a",
          {
            class: "btn btn-ghost",
            href: `/replay/${e.code}`,
            testid: `replay-${e.code}`,
            title: `Debrief replay of ${e.code}`,
            onclick: (ev: Event) => (ev.preventDefault(), go(`/replay/${e.code}`)),
          },
          "Debrief",
        ),
      ),
    ),
    h("div", { class: "form-grid" }, field("Code", code), field("Host key", key)),
    h("button", { class: "btn", type: "submit" }, "Reopen"),
  );
  reopen.addEventListener("submit", (e) => {
    e.preventDefault();
    void actions.reopen(code.value.trim().toUpperCase(), key.value.trim());
  });
  return reopen;
}
