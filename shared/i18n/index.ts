/** The words of every screen: catalogs, the device's language, and Intl formatting. */
export type { MessageKey } from "./catalog.ts";
export { intlTag, isLocale, LANGUAGE_NAMES, LANGUAGES, type Locale, matchLanguage, PSEUDO } from "./locales.ts";
export { currentLocale, formatDate, formatList, formatNumber, inEnglish, inEnglishDuring, isMessageKey, type Params, t, useLanguage } from "./translate.ts";
