import type { Guide } from "../../../shared/content/guide.ts";
import { CUSTOM_GUIDE, loadGuide } from "../../net/guides-api.ts";
import { h } from "../../ui/dom.ts";
import { checklistSection, debriefSection, lessonsSection, mythSection, noteSection, objectivesSection, roundsSection } from "./guide-sections.ts";
import { handout } from "./handout.ts";
import "./guide.css";

const CONTENTS: [string, string][] = [
  ["objectives", "Objectives"],
  ["content-note", "Content note"],
  ["lessons", "Lesson plans"],
  ["checklist", "Set-up checklist"],
  ["rounds", "Round by round"],
  ["debrief", "The guided debrief"],
  ["real-or-myth", "Real or myth"],
];

function kit(g: Guide, id: string): HTMLElement {
  const print = h("button", { class: "btn btn-primary", type: "button", testid: "guide-print", onclick: () => window.print() }, "Print or save as PDF");
  return h(
    "main",
    { class: "guide", testid: "guide" },
    h(
      "header",
      { class: "guide-head" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark" }), "Citizen Score"),
      h("div", { class: "guide-kicker" }, id === CUSTOM_GUIDE ? "Lesson kit · your uploaded scenario" : "Lesson kit"),
      h("h1", { testid: "guide-title" }, g.title),
      h("p", { class: "lede" }, g.description),
      h("ul", { class: "facts" }, ...g.shape.map((s) => h("li", {}, s))),
      h(
        "div",
        { class: "guide-tools no-print" },
        print,
        h("a", { class: "btn", href: `/guide/${encodeURIComponent(id)}/handout`, testid: "guide-handout-link" }, "Student handout"),
        h("a", { class: "btn btn-ghost", href: "/host" }, "Host a session"),
      ),
      h("nav", { class: "guide-contents no-print", "aria-label": "Contents" }, ...CONTENTS.map(([anchor, label]) => h("a", { href: `#${anchor}` }, label))),
    ),
    objectivesSection(g),
    noteSection(g),
    lessonsSection(g),
    checklistSection(g),
    roundsSection(g),
    debriefSection(g),
    mythSection(g),
    h("footer", { class: "guide-foot" }, `Generated from the scenario file “${g.id}”: it changes when the scenario does.`),
  );
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
  const status = h("p", { class: "guide-status", role: "status" }, "Loading the lesson kit…");
  root.replaceChildren(status);
  void loadGuide(id).then(
    (g) => {
      document.title = `${part === "handout" ? "Handout" : "Lesson kit"}: ${g.title} · Citizen Score`;
      root.replaceChildren(part === "handout" ? handout(g, code) : kit(g, id));
    },
    (err: Error) =>
      root.replaceChildren(
        h(
          "main",
          { class: "guide" },
          h("h1", {}, "No lesson kit here"),
          h("p", { class: "guide-status", testid: "guide-error" }, err.message),
          h("a", { class: "btn", href: "/host" }, "Go to /host"),
        ),
      ),
  );
  return () => document.body.classList.remove("guide-body");
}
