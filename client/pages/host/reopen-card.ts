import { hostKeys } from "../../net/storage.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";
import type { Actions } from "./setup-panel.ts";
import { formatDate, t } from "../../../shared/i18n/index.ts";

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
    placeholder: t("host.reopen.keyPlaceholder"),
    testid: "reopen-key",
  });
  const reopen = h(
    "form",
    { class: "setup-card reopen-card" },
    h("h2", {}, t("host.reopen.title")),
    h("p", { class: "help" }, t("host.reopen.help")),
    ...hostKeys.all().map((e) =>
      h(
        "div",
        { class: "recent-row" },
        h(
          "button",
          { class: "btn recent", type: "button", onclick: () => void actions.reopen(e.code, e.hostKey) },
          h("span", { class: "mono" }, e.code),
          h("small", {}, t("host.reopen.opened", { date: formatDate(e.createdAt) })),
        ),
        h(
          "a",
          {
            class: "btn btn-ghost",
            href: `/replay/${e.code}`,
            testid: `replay-${e.code}`,
            title: t("host.reopen.replayTitle", { code: e.code }),
            onclick: (ev: Event) => (ev.preventDefault(), go(`/replay/${e.code}`)),
          },
          t("host.reopen.replay"),
        ),
      ),
    ),
    h("div", { class: "form-grid" }, field(t("host.reopen.code"), code), field(t("host.reopen.key"), key)),
    h("button", { class: "btn", type: "submit" }, t("host.reopen.submit")),
  );
  reopen.addEventListener("submit", (e) => {
    e.preventDefault();
    void actions.reopen(code.value.trim().toUpperCase(), key.value.trim());
  });
  return reopen;
}
