type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/**
 * Builds an element. Text always goes in as text nodes, never as HTML: nicknames are typed by
 * players and must not become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, ""), value);
    else if (key === "class") el.className = String(value);
    else if (key === "testid") el.dataset.testid = String(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

export function setText(el: Element, text: string | number): void {
  const s = String(text);
  if (el.textContent !== s) el.textContent = s;
}

/** Says something to screen readers (and to tests reading the page) without moving focus. */
export function announce(text: string): void {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.append(h("p", {}, text));
  while (region.childElementCount > 12) region.firstElementChild?.remove();
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/**
 * Runs `fn` at most once per animation frame, however often it is asked. A timer backs the
 * frame up: a hidden tab gets no frames, and its text must still be current when shown or read.
 */
export function perFrame(fn: () => void): () => void {
  let queued = false;
  const run = () => {
    if (!queued) return;
    queued = false;
    fn();
  };
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(run);
    setTimeout(run, 150);
  };
}

/** Runs `fn` at most every `ms`, the last call always honoured: for lists too long to redo each frame. */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  return () => {
    if (timer) return;
    const wait = Math.max(0, last + ms - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      last = Date.now();
      fn();
    }, wait);
  };
}
