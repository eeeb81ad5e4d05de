import { t } from "../../../shared/i18n/index.ts";
import { errorText } from "../../../shared/text/errors.ts";
import { hostKeys } from "../../net/storage.ts";
import { h, setText } from "../../ui/dom.ts";

const PASTED = "citizen-score:replay-keys";

/** A refusal of the data API, with its own sentence. */
export class AccessError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The key for a session: the one the host page kept in this browser, else one pasted on this
 * tab (kept for this tab only, since it may be the server's admin token).
 */
export const replayKeys = {
  get(code: string): string | undefined {
    return hostKeys.get(code) ?? this.pasted()[code];
  },
  remember(code: string, key: string): void {
    try {
      sessionStorage.setItem(PASTED, JSON.stringify({ ...this.pasted(), [code]: key }));
    } catch {
      // Storage refused (private browsing): the key works for this page load only.
    }
  },
  pasted(): Record<string, string> {
    try {
      return JSON.parse(sessionStorage.getItem(PASTED) ?? "{}") as Record<string, string>;
    } catch {
      return {};
    }
  },
};

export function authorised(key: string): RequestInit {
  return { headers: { Authorization: `Bearer ${key}` } };
}

/** The API's sentence for a refusal, or a plain one when it sent none. */
export async function refusal(res: Response): Promise<AccessError> {
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  const said = body?.error?.message ? errorText({ code: body.error.code ?? res.status, message: body.error.message }) : undefined;
  return new AccessError(said ?? t("errors.code.server-answered", { status: res.status }), res.status);
}

/** Downloads the session's log as bytes, reporting how much has arrived. */
export async function fetchLog(code: string, key: string, onProgress: (received: number, total: number) => void): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetch(`/api/sessions/${encodeURIComponent(code)}/log`, authorised(key));
  } catch {
    throw new AccessError(t("replay.access.offline"), 0);
  }
  if (!res.ok) throw await refusal(res);
  const total = Number(res.headers.get("content-length") ?? 0);
  if (!res.body) return res.arrayBuffer();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes.buffer;
}

/** The form for a session this browser holds no key for, or whose key was refused. */
export function keyForm(onKey: (key: string) => void) {
  const input = h("input", {
    id: "replay-key",
    class: "mono",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: t("replay.key.placeholder"),
    testid: "replay-key",
    required: true,
  });
  const error = h("p", { class: "key-error", role: "alert", testid: "replay-error", hidden: true });
  const submit = h("button", { class: "btn btn-primary btn-big", type: "submit", testid: "replay-key-submit" }, t("replay.key.submit"));
  const form = h(
    "form",
    { class: "setup-card key-card" },
    h("h2", {}, t("replay.key.title")),
    h("p", { class: "help" }, t("replay.key.help")),
    h("div", { class: "field" }, h("label", { for: input.id }, t("replay.key.label")), input),
    error,
    submit,
    h("a", { class: "back-link", href: "/host" }, t("replay.gate.host")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const key = input.value.trim();
    if (key) onKey(key);
  });
  return {
    el: form,
    fail(message: string) {
      setText(error, message);
      error.hidden = false;
      submit.disabled = false;
      input.select();
    },
    busy() {
      error.hidden = true;
      submit.disabled = true;
    },
  };
}
