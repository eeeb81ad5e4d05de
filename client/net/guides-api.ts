import { errorText } from "../../shared/text/errors.ts";
import type { Guide } from "../../shared/content/guide.ts";

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

/**
 * A preset's lesson kit (`citizen-score-2015`), a session's (its join code: the scenario as that
 * session plays it), or the kit of the scenario file this browser last checked on /host (`custom`).
 */
export async function loadGuide(id: string): Promise<Guide> {
  const file = id === CUSTOM_GUIDE ? customScenario.get() : undefined;
  if (id === CUSTOM_GUIDE && !file)
    throw new Error("This browser has no uploaded scenario. Choose the file under Upload your own scenario on /host, then open its guide from there.");
  const session = /^[A-Z0-9]{5}$/.test(id);
  const res = await (file
    ? fetch("/api/guides", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scenario: file }) })
    : fetch(session ? `/api/guides/session/${id}` : `/api/guides/${encodeURIComponent(id)}`)
  ).catch(() => undefined);
  if (!res) throw new Error("Cannot reach the game server. Check your connection and try again.");
  const body = (await res.json().catch(() => undefined)) as { guide?: Guide; message?: string; error?: { code?: string; message: string } } | undefined;
  if (!res.ok || !body?.guide)
    throw new Error(
      body?.error
        ? errorText({ code: body.error.code ?? res.status, message: body.error.message })
        : (body?.message ?? `The server could not build the guide (HTTP ${res.status}).`),
    );
  return body.guide;
}
