import en from "./catalogs/en/index.ts";
import type { Language } from "./locales.ts";

/**
 * The message catalogs: one JSON file per namespace per language, ICU MessageFormat strings.
 * English is the source and is always present (the server and the export speak it); the other
 * languages load only on a device that asks for them, so a phone downloads one catalog.
 */
export type Catalog = typeof en;
export type Namespace = keyof Catalog;

/** "phone.join.title": a namespace and a key within it, checked against the English catalog. */
export type MessageKey = { [N in Namespace]: `${N}.${keyof Catalog[N] & string}` }[Namespace];

/** A catalog as loaded: namespace → key → message. */
export type LoadedCatalog = Record<string, Record<string, string>>;

export const ENGLISH: LoadedCatalog = en;

const LOADERS: Record<Exclude<Language, "en">, () => Promise<{ default: LoadedCatalog }>> = {
  es: () => import("./catalogs/es/index.ts"),
  de: () => import("./catalogs/de/index.ts"),
  "zh-Hans": () => import("./catalogs/zh-Hans/index.ts"),
};

export async function loadCatalog(language: Language): Promise<LoadedCatalog> {
  return language === "en" ? ENGLISH : (await LOADERS[language]()).default;
}

/** "ns.key" → message, for lookup. */
export function flatten(catalog: LoadedCatalog): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [ns, messages] of Object.entries(catalog)) for (const [key, message] of Object.entries(messages)) flat.set(`${ns}.${key}`, message);
  return flat;
}
