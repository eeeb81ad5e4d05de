import { cleanJoinCode, JOIN_CODE_LENGTH } from "../../../shared/messages/join-code.ts";
import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import { NICKNAME_MAX } from "../../../shared/rules/nickname-key.ts";
import { TIER_ORDER, tierText } from "../../../shared/text/tiers.ts";
import { formatNumber, t } from "../../../shared/i18n/index.ts";
import { newConnection } from "../../net/current.ts";
import { seats } from "../../net/storage.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";
import { errorTray } from "../../ui/status.ts";
import { languageButton } from "../../ui/language-button.ts";
import { JoinFailure } from "../../net/connection.ts";
import { seatClaim } from "./seat-claim.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import "./join.css";

function tickingScore(): { el: HTMLElement; stop: () => void } {
  const el = h("div", { class: "hero-score mono", "aria-hidden": "true" }, formatNumber(600));
  let score = 600;
  const timer = setInterval(() => {
    const delta = [10, -40, 15, -25, 20, 5, -10, -15][Math.floor(Math.random() * 8)];
    score = Math.max(350, Math.min(950, score + delta));
    el.textContent = formatNumber(score);
    el.dataset.dir = delta > 0 ? "up" : "down";
    el.classList.remove("bump");
    void el.offsetWidth;
    el.classList.add("bump");
  }, 1600);
  return { el, stop: () => clearInterval(timer) };
}

export function mount(root: HTMLElement): () => void {
  const params = new URLSearchParams(location.search);
  // In the form, above the join button: a refusal stays beside the PIN field or the ask it offers, never over them.
  const errors = errorTray({ inline: true });
  const code = h("input", {
    id: "code",
    testid: "join-code",
    class: "code-input mono",
    inputmode: "text",
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    maxlength: JOIN_CODE_LENGTH,
    placeholder: t("phone.join.code-placeholder"),
    required: true,
    "aria-describedby": "code-help",
  });
  code.value = cleanJoinCode(params.get("code") ?? "");
  code.addEventListener("input", () => {
    const at = code.selectionStart;
    code.value = cleanJoinCode(code.value);
    code.setSelectionRange(at, at);
  });
  const nickname = h("input", {
    id: "nickname",
    testid: "nickname",
    autocomplete: "nickname",
    maxlength: NICKNAME_MAX,
    placeholder: t("phone.join.nickname-placeholder"),
    required: true,
  });
  const joinButton = h("button", { class: "btn btn-primary btn-big", type: "submit", testid: "join-button" }, t("phone.join.join"));
  const watchButton = h("button", { class: "btn btn-ghost", type: "button", testid: "watch-button" }, t("phone.join.watch"));

  const form = h(
    "form",
    { class: "join-card", novalidate: true },
    h("h2", {}, t("phone.join.title")),
    h(
      "div",
      { class: "field" },
      h("label", { for: "code" }, t("phone.join.code")),
      code,
      h("small", { id: "code-help", class: "help" }, t("phone.join.code-help", { length: JOIN_CODE_LENGTH })),
    ),
    h("div", { class: "field" }, h("label", { for: "nickname" }, t("phone.join.nickname")), nickname),
    joinButton,
    h("div", { class: "watch-row" }, watchButton, h("small", { class: "help" }, t("phone.join.watch-help"))),
  );
  watchButton.addEventListener("click", async () => {
    if (code.value.length !== JOIN_CODE_LENGTH) return errors.show(t("phone.join.need-code", { length: JOIN_CODE_LENGTH }));
    watchButton.disabled = true;
    try {
      await newConnection().watch(code.value, nickname.value.trim() || undefined);
      go(`/watch/${code.value}`);
    } catch (err) {
      errors.show((err as Error).message);
      watchButton.disabled = false;
    }
  });
  const enter = async (ask: boolean) => {
    if (code.value.length !== JOIN_CODE_LENGTH) return errors.show(t("phone.join.need-code", { length: JOIN_CODE_LENGTH }));
    if (!nickname.value.trim()) return errors.show(t("phone.join.need-nickname"));
    joinButton.disabled = true;
    joinButton.textContent = ask ? t("phone.join.waiting") : t("phone.join.joining");
    try {
      // This tab's own seat in that session: its PIN goes with the nickname, as the player would type it.
      const own = seats.get();
      const pin = own?.pin && own.code === code.value && own.nickname.toLowerCase() === nickname.value.trim().toLowerCase() ? { pin: own.pin } : {};
      await newConnection().join(
        code.value,
        nickname.value.trim(),
        ask
          ? { ask: true, onWaiting: () => claim.waiting(true) }
          : { ...pin, ...claim.extras(), onWaiting: (request) => claim.waiting(true, request === "late") },
      );
      go("/play");
    } catch (err) {
      claim.waiting(false);
      claim.offer(err instanceof JoinFailure ? err.code : 0);
      errors.show((err as Error).message);
      joinButton.disabled = false;
      joinButton.textContent = t("phone.join.join");
    }
  };
  const claim = seatClaim(() => void enter(true));
  joinButton.before(errors.el, claim.el);
  nickname.addEventListener("input", () => {
    claim.reset();
    errors.clear();
  });
  // A player typing will open the phone's page next: fetch it now, so Join shows the score sooner.
  // Only on typing, not on load: a facilitator passing through to /host never needs it.
  form.addEventListener("input", () => void import("../play/play-page.ts"), { once: true });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void enter(false);
  });

  const seat = seats.get();
  const back = seat
    ? h(
        "button",
        { class: "btn btn-ghost resume", type: "button", onclick: () => go("/play") },
        t("phone.join.back", { code: seat.code, nickname: seat.nickname }),
      )
    : null;
  const hero = tickingScore();
  const tiers = h(
    "ul",
    { class: "tier-strip" },
    ...TIER_ORDER.map((tier) => {
      const info = tierText(tier, DEFAULT_CONFIG);
      return h(
        "li",
        { class: `tier-${tier}` },
        h("span", { class: "glyph", "aria-hidden": "true" }, info.glyph),
        h("b", {}, info.name),
        h("span", { class: "range mono" }, info.range),
      );
    }),
  );

  root.append(
    h(
      "main",
      { class: "join-page" },
      h(
        "section",
        { class: "join-hero" },
        h(
          "div",
          { class: "join-top" },
          h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"),
          h("span", { class: "page-settings" }, languageButton(), displaySettings()),
        ),
        h("h1", {}, t("phone.join.headline"), h("br"), h("em", {}, t("phone.join.headline-friends"))),
        h("p", { class: "lede" }, t("phone.join.lede")),
        hero.el,
        tiers,
      ),
      h(
        "section",
        { class: "join-side" },
        back,
        form,
        h(
          "div",
          { class: "host-card" },
          h("div", {}, h("b", {}, t("phone.join.host-title")), h("p", {}, t("phone.join.host-help"))),
          h("button", { class: "btn", type: "button", testid: "host-button", onclick: () => go("/host") }, t("phone.join.host")),
        ),
      ),
    ),
  );
  (code.value ? nickname : code).focus();
  return () => hero.stop();
}
