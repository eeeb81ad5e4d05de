import { cleanJoinCode, JOIN_CODE_LENGTH } from "../../../shared/messages/join-code.ts";
import { DEFAULT_CONFIG } from "../../../shared/rules/config.ts";
import { NICKNAME_MAX } from "../../../shared/rules/nickname-key.ts";
import { TIER_ORDER, tierText } from "../../../shared/text/tiers.ts";
import { newConnection } from "../../net/current.ts";
import { seats } from "../../net/storage.ts";
import { go } from "../../router.ts";
import { h } from "../../ui/dom.ts";
import { errorTray } from "../../ui/status.ts";
import { JoinFailure } from "../../net/connection.ts";
import { seatClaim } from "./seat-claim.ts";
import "./join.css";

function tickingScore(): { el: HTMLElement; stop: () => void } {
  const el = h("div", { class: "hero-score mono", "aria-hidden": "true" }, "600");
  let score = 600;
  const timer = setInterval(() => {
    const delta = [10, -40, 15, -25, 20, 5, -10, -15][Math.floor(Math.random() * 8)];
    score = Math.max(350, Math.min(950, score + delta));
    el.textContent = String(score);
    el.dataset.dir = delta > 0 ? "up" : "down";
    el.classList.remove("bump");
    void el.offsetWidth;
    el.classList.add("bump");
  }, 1600);
  return { el, stop: () => clearInterval(timer) };
}

export function mount(root: HTMLElement): () => void {
  const params = new URLSearchParams(location.search);
  const errors = errorTray();
  const code = h("input", {
    id: "code",
    testid: "join-code",
    class: "code-input mono",
    inputmode: "text",
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    maxlength: JOIN_CODE_LENGTH,
    placeholder: "ABCDE",
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
    placeholder: "What should we call you?",
    required: true,
  });
  const joinButton = h("button", { class: "btn btn-primary btn-big", type: "submit", testid: "join-button" }, "Join the game");
  const watchButton = h("button", { class: "btn btn-ghost", type: "button", testid: "watch-button" }, "Just watch");

  const form = h(
    "form",
    { class: "join-card", novalidate: true },
    h("h2", {}, "Join a session"),
    h(
      "div",
      { class: "field" },
      h("label", { for: "code" }, "Code"),
      code,
      h("small", { id: "code-help", class: "help" }, "5 letters and digits, on the projector"),
    ),
    h("div", { class: "field" }, h("label", { for: "nickname" }, "Nickname"), nickname),
    joinButton,
    h(
      "div",
      { class: "watch-row" },
      watchButton,
      h("small", { class: "help" }, "The projector's view on your phone: no actions, no score, never ranked. Your nickname, if you give one, is listed apart."),
    ),
  );
  watchButton.addEventListener("click", async () => {
    if (code.value.length !== 5) return errors.show("Type the 5-character code shown on the projector.");
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
    if (code.value.length !== 5) return errors.show("Type the 5-character code shown on the projector.");
    if (!nickname.value.trim()) return errors.show("Choose a nickname so others know who you are.");
    joinButton.disabled = true;
    joinButton.textContent = ask ? "Waiting for the facilitator…" : "Joining…";
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
      joinButton.textContent = "Join the game";
    }
  };
  const claim = seatClaim(() => void enter(true));
  joinButton.before(claim.el);
  nickname.addEventListener("input", () => claim.reset());
  // A player typing will open the phone's page next: fetch it now, so Join shows the score sooner.
  // Only on typing, not on load: a facilitator passing through to /host never needs it.
  form.addEventListener("input", () => void import("../play/play-page.ts"), { once: true });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void enter(false);
  });

  const seat = seats.get();
  const back = seat
    ? h("button", { class: "btn btn-ghost resume", type: "button", onclick: () => go("/play") }, `Back to your game in ${seat.code} as ${seat.nickname} →`)
    : null;
  const hero = tickingScore();
  const tiers = h(
    "ul",
    { class: "tier-strip" },
    ...TIER_ORDER.map((t) => {
      const info = tierText(t, DEFAULT_CONFIG);
      return h(
        "li",
        { class: `tier-${t}` },
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
        h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"),
        h("h1", {}, "Your score is public.", h("br"), h("em", {}, "So are your friends'.")),
        h(
          "p",
          { class: "lede" },
          "Every post, purchase and friendship moves your number — and the numbers of everyone you know. Play it in class, then talk about what is real.",
        ),
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
          h("div", {}, h("b", {}, "Running the class?"), h("p", {}, "Open a session on the projector; players join with its code or QR.")),
          h("button", { class: "btn", type: "button", testid: "host-button", onclick: () => go("/host") }, "Host a session"),
        ),
      ),
    ),
    errors.el,
  );
  (code.value ? nickname : code).focus();
  return () => hero.stop();
}
