import type { Guide } from "../../../shared/content/guide.ts";
import { type MessageKey, t } from "../../../shared/i18n/index.ts";
import { errorText } from "../../../shared/text/errors.ts";
import { issuePath, issueText } from "../../../shared/text/issues.ts";
import type { FieldIssue } from "../../../shared/scenarios/load.ts";
import { CUSTOM_GUIDE, GuideError, loadGuide } from "../../net/guides-api.ts";
import { h } from "../../ui/dom.ts";
import { languagePicker } from "../../ui/language.ts";
import { brand } from "./brand.ts";
import { checklistSection, debriefSection, lessonsSection, mythSection, noteSection, objectivesSection, roundsSection } from "./guide-sections.ts";
import { handout } from "./handout.ts";
import { displaySettings } from "../../ui/display-settings.ts";
import "./guide.css";

/** The contents' anchors and the catalog keys of their headings. */
const CONTENTS: [string, MessageKey][] = [
  ["objectives", "guide.contents.objectives"],
  ["content-note", "guide.contents.note"],
  ["lessons", "guide.contents.lessons"],
  ["checklist", "guide.contents.checklist"],
  ["rounds", "guide.contents.rounds"],
  ["debrief", "guide.contents.debrief"],
  ["real-or-myth", "guide.contents.myth"],
];

function kit(g: Guide, id: string): HTMLElement {
  const print = h("button", { class: "btn btn-primary", type: "button", testid: "guide-print", onclick: () => window.print() }, t("guide.print"));
  return h(
    "main",
    { class: "guide", testid: "guide" },
    h(
      "header",
      { class: "guide-head" },
      h("div", { class: "guide-top" }, brand(), h("span", { class: "page-settings no-print" }, languagePicker("language-picker no-print"), displaySettings())),
      h("div", { class: "guide-kicker" }, id === CUSTOM_GUIDE ? t("guide.kicker.custom") : t("guide.kicker")),
      h("h1", { testid: "guide-title" }, g.title),
      h("p", { class: "lede" }, g.description),
      h("ul", { class: "facts" }, ...g.shape.map((s) => h("li", {}, s))),
      h(
        "div",
        { class: "guide-tools no-print" },
        print,
        h("a", { class: "btn", href: `/guide/${encodeURIComponent(id)}/handout`, testid: "guide-handout-link" }, t("guide.handout-link")),
        h("a", { class: "btn btn-ghost", href: "/host" }, t("guide.host-link")),
      ),
      h(
        "nav",
        { class: "guide-contents no-print", "aria-label": t("guide.contents") },
        ...CONTENTS.map(([anchor, label]) => h("a", { href: `#${anchor}` }, t(label))),
      ),
    ),
    objectivesSection(g),
    noteSection(g),
    lessonsSection(g),
    checklistSection(g),
    roundsSection(g),
    debriefSection(g),
    mythSection(g),
    h("footer", { class: "guide-foot" }, t("guide.footer", { id: g.id })),
  );
}

/** The checker's problems with the file, each with its field, in this page's language. */
function problemList(issues: FieldIssue[]): string {
  return issues.map((i) => `${issuePath(i.path)}: ${issueText(i)}`).reduce((before, issue) => t("host.numbers.moreIssues", { before, issue }));
}

/** Why there is no kit, in this page's language; the server's English sentence only for a code the catalog lacks. */
function failure(err: Error): string {
  if (!(err instanceof GuideError)) return err.message;
  switch (err.code) {
    case "no-upload":
      return t("guide.error.no-upload");
    case "unreachable":
      return t("guide.error.unreachable");
    case "not-found":
      return t("guide.error.not-found", { id: (err.params.id ?? "").slice(0, 40) });
    case "no-session":
      return t("guide.error.no-session", { code: err.params.id ?? "" });
    case "refused":
      return err.params.issues?.length ? t("guide.error.refused", { problems: problemList(err.params.issues) }) : err.message;
    case "status":
      return t("guide.error.status", { status: err.params.status ?? 0 });
    default:
      // Another code the server names (a stored session it cannot open): the errors catalog words it.
      return errorText({ code: err.code, message: err.message });
  }
}

/** /guide/SCENARIO: the lesson kit of a preset (or `custom`, the file last uploaded on /host); /guide/SCENARIO/handout: the student handout. */
export function mount(root: HTMLElement): () => void {
  const [, , raw = "", part] = location.pathname.split("/");
  const id = decodeURIComponent(raw);
  const code = (new URLSearchParams(location.search).get("code") ?? "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 5);
  document.body.classList.add("guide-body");
  const status = h("p", { class: "guide-status", role: "status" }, t("guide.loading"));
  root.replaceChildren(status);
  void loadGuide(id).then(
    (g) => {
      document.title = part === "handout" ? t("guide.title.handout", { title: g.title }) : t("guide.title.kit", { title: g.title });
      root.replaceChildren(part === "handout" ? handout(g, code) : kit(g, id));
    },
    (err: Error) =>
      root.replaceChildren(
        h(
          "main",
          { class: "guide" },
          h(
            "div",
            { class: "guide-top" },
            brand(),
            h("span", { class: "page-settings no-print" }, languagePicker("language-picker no-print"), displaySettings()),
          ),
          h("h1", {}, t("guide.error.title")),
          h("p", { class: "guide-status", testid: "guide-error" }, failure(err)),
          h("a", { class: "btn", href: "/host" }, t("guide.error.host")),
        ),
      ),
  );
  return () => document.body.classList.remove("guide-body");
}
