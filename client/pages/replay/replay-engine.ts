import { currentLocale, t } from "../../../shared/i18n/index.ts";
import type { CauseChain, ConfigChanges } from "../../../shared/replay/index.ts";
import { localizeConfig } from "../../../shared/scenarios/translations.ts";
import type { Frame, Loaded, Reply, Request, WhatIf, World } from "./worker-protocol.ts";

/** The opened log's configs as this device shows them: the scenario's words in its language (the log itself is untouched). */
function localLoaded(data: Loaded): Loaded {
  const locale = currentLocale();
  return { ...data, config: localizeConfig(data.config, locale), rules: data.rules.map((x) => ({ ...x, config: localizeConfig(x.config, locale) })) };
}

type Waiter = { resolve: (r: Reply) => void; reject: (e: Error) => void };
export type Frames = Partial<Record<World, Frame>>;

/**
 * The page's handle on the replay worker. Seeks are coalesced: while one is being answered,
 * only the latest request waits, so a fast scrub never queues up stale frames.
 */
export class ReplayEngine {
  private worker = new Worker(new URL("./replay.worker.ts", import.meta.url), { type: "module" });
  private nextId = 1;
  private waiting = new Map<number | "load", Waiter>();
  private seeking = false;
  private queued: { at: number; worlds: World[] } | undefined;
  onProgress: (stage: string, done: number, total: number) => void = () => {};
  onFrames: (frames: Frames) => void = () => {};

  constructor() {
    this.worker.addEventListener("message", (e: MessageEvent<Reply>) => this.receive(e.data));
    this.worker.addEventListener("error", (e) => {
      e.preventDefault();
      this.failAll(new Error(t("replay.engine.crashed")));
    });
  }

  load(bytes: ArrayBuffer): Promise<Loaded> {
    return new Promise((resolve, reject) => {
      this.waiting.set("load", { resolve: (r) => r.type === "loaded" && resolve(localLoaded(r.data)), reject });
      this.post({ type: "load", bytes, locale: currentLocale() }, [bytes]);
    });
  }

  seek(at: number, worlds: World[]): void {
    if (this.seeking) {
      this.queued = { at, worlds };
      return;
    }
    this.seeking = true;
    void this.ask({ type: "seek", id: 0, at, worlds }).then(
      (r) => {
        this.seeking = false;
        if (r.type === "frames") this.onFrames(r.frames);
        const next = this.queued;
        this.queued = undefined;
        if (next) this.seek(next.at, next.worlds);
      },
      () => (this.seeking = false),
    );
  }

  async cause(seq: number): Promise<CauseChain | undefined> {
    const r = await this.ask({ type: "cause", id: 0, seq });
    return r.type === "cause" ? r.chain : undefined;
  }

  async whatIf(changes: ConfigChanges, letLaterChanges: boolean): Promise<WhatIf> {
    const r = await this.ask({ type: "what-if", id: 0, changes, letLaterChanges });
    if (r.type !== "what-if") throw new Error(t("replay.engine.no-world"));
    return r.result;
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll(new Error(t("replay.engine.closed")));
  }

  private ask(m: Exclude<Request, { type: "load" }>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ ...m, id });
    });
  }

  private post(m: Request, transfer: Transferable[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  private receive(r: Reply): void {
    if (r.type === "progress") return this.onProgress(r.stage, r.done, r.total);
    if (r.type === "problem") return this.failAll(new Error(r.message));
    const key = r.type === "loaded" ? "load" : r.id;
    const w = this.waiting.get(key);
    this.waiting.delete(key);
    w?.resolve(r);
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}
