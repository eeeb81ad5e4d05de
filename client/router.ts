/** A page draws itself into the root and returns how to take itself down. */
export type Mount = (root: HTMLElement) => () => void;

interface Route {
  match: RegExp;
  load: () => Promise<{ mount: Mount }>;
}

/**
 * One page shell, one route per page; each page's code loads only when it is opened. To add a
 * page, add its route here and its path to the server's PAGE_PATHS.
 */
const ROUTES: Route[] = [
  { match: /^\/$/, load: () => import("./pages/join/join-page.ts") },
  { match: /^\/host\/?$/, load: () => import("./pages/host/host-page.ts") },
  { match: /^\/play\/?$/, load: () => import("./pages/play/play-page.ts") },
  { match: /^\/replay\/[^/]+\/?$/, load: () => import("./pages/replay/replay-page.ts") },
  { match: /^\/watch\/[^/]+\/?$/, load: () => import("./pages/watch/watch-page.ts") },
  { match: /^\/guide\/[^/]+(\/handout)?\/?$/, load: () => import("./pages/guide/guide-page.ts") },
];

let root: HTMLElement;
let unmount: (() => void) | undefined;

async function render(): Promise<void> {
  unmount?.();
  unmount = undefined;
  root.replaceChildren();
  const route = ROUTES.find((r) => r.match.test(location.pathname)) ?? ROUTES[0];
  const page = await route.load();
  unmount = page.mount(root);
}

/** Moves to another page without a reload, so a live connection carries over. */
export function go(path: string): void {
  history.pushState(null, "", path);
  void render();
}

export function startRouter(el: HTMLElement): void {
  root = el;
  window.addEventListener("popstate", () => void render());
  void render();
}
