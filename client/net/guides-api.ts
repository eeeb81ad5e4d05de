import { type Guide, kitOf, lessonKit } from "../../shared/content/guide.ts";
import { currentLocale } from "../../shared/i18n/index.ts";
import type { GameConfig } from "../../shared/rules/config.ts";
import type { ScenarioFile } from "../../shared/scenarios/schema.ts";
import type { FieldIssue } from "../../shared/scenarios/load.ts";
import { localizeConfig, localizeScenario } from "../../shared/scenarios/translations.ts";

/** Where the host page keeps the last scenario file it checked, so /guide/custom can show that file's guide. */
const CUSTOM = "citizen-score:custom-scenario";

export const customScenario = {
  get(): object | undefined {
    try {
      const raw = localStorage.getItem(CUSTOM);
      return raw ? (JSON.parse(raw) as object) : undefined;
    } catch {
      return undefined;
    }
  },
  set(file: object): void {
    try {
      localStorage.setItem(CUSTOM, JSON.stringify(file));
    } catch {
      // Private browsing may refuse storage: the guide link then says the file is needed again.
    }
  },
};

/** The id /guide/… uses for the uploaded file's guide. */
export const CUSTOM_GUIDE = "custom";

/** Why a kit could not be loaded: a code the page words in its language, and the server's English sentence. */
export class GuideError extends Error {
  constructor(
    readonly code: "no-upload" | "unreachable" | "not-found" | "no-session" | string,
    message: string,
    readonly params: { id?: string; status?: number; issues?: FieldIssue[] } = {},
  ) {
    super(message);
  }
}

/**
 * A preset's lesson kit (`citizen-score-2015`), a session's (its join code: the scenario as that
 * session plays it), or the kit of the scenario file this browser last checked on /host (`custom`).
 * The server sends the checked scenario (or the session's config) with its English kit; the kit
 * is built again here, so that it reads in this device's language.
 */
export async function loadGuide(id: string): Promise<Guide> {
  const file = id === CUSTOM_GUIDE ? customScenario.get() : undefined;
  if (id === CUSTOM_GUIDE && !file) throw new GuideError("no-upload", "This browser has no uploaded scenario.");
  const session = /^[A-Z0-9]{5}$/.test(id);
  const res = await (file
    ? fetch("/api/guides", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scenario: file }) })
    : fetch(session ? `/api/guides/session/${id}` : `/api/guides/${encodeURIComponent(id)}`)
  ).catch(() => undefined);
  if (!res) throw new GuideError("unreachable", "Cannot reach the game server.");
  const body = (await res.json().catch(() => undefined)) as
    | { guide?: Guide; scenario?: ScenarioFile; config?: GameConfig; message?: string; issues?: FieldIssue[]; error?: { code: string; message: string } }
    | undefined;
  if (!res.ok || !body?.guide) {
    const message = body?.error?.message ?? body?.message ?? `HTTP ${res.status}`;
    if (body?.error?.code === "not-found") throw new GuideError(session ? "no-session" : "not-found", message, { id });
    // An uploaded file the server refuses says what is wrong with it, in the checker's words.
    if (body?.message) throw new GuideError("refused", body.message, { issues: body.issues ?? [] });
    throw new GuideError(body?.error?.code ?? "status", body?.error?.message ?? "", { status: res.status });
  }
  const locale = currentLocale();
  if (body.scenario) return lessonKit(localizeScenario(body.scenario, locale));
  if (body.config) return kitOf(localizeConfig(body.config, locale));
  return body.guide;
}
