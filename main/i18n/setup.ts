import i18next from 'i18next';
import { en } from './en.js';
import { es } from './es.js';
import { FALLBACK_LANGUAGE, type Language, pickLanguage } from './languages.js';

/** A wording's key, `tray.quit`; a plural's without its `_one`/`_other` ending, which `count` chooses. */
type Key<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${'one' | 'other'}` ? Base : K}`
    : Key<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type DesktopKey = Key<typeof en>;

// The desktop app's own instance: the dashboard's i18next runs in the window, this one in the main process. Set up
// in English when first imported (the catalogs are bundled, so at once): the menus and dialogs read the same in
// Node's unit tests; index.ts then takes the system's language.
const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { desktop: en }, es: { desktop: es } },
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  ns: ['desktop'],
  defaultNS: 'desktop',
  initAsync: false,
  // Native menus and dialogs show plain text: escaping would show a data folder's "/" as "&#x2F;".
  interpolation: { escapeValue: false },
});

/** The wording of `key` in the desktop app's language, `values` filled in (`count` picks a plural). */
export function t(key: DesktopKey, values?: Record<string, string | number>): string {
  return i18n.t(key, values ?? {});
}

/** A way to word a key: `t` (the app's language) or English's (inEnglish). */
export type Word = (key: DesktopKey, values?: Record<string, string | number>) => string;

const english = i18n.getFixedT(FALLBACK_LANGUAGE);
/** The wording of `key` in English, whatever the app's language. */
const inEnglish: Word = (key, values) => english(key, values ?? {});

/**
 * What the app says both to the teacher and to its log: `message` in the app's language, for the dialogs, and
 * `english`, for the log, which support reads in English whatever the system's language. `phrase` words it with the
 * `word` it is given, so a sentence built of several wordings is English throughout.
 */
export function wordedTwice(phrase: (word: Word) => string): { message: string; english: string } {
  return { message: phrase(t), english: phrase(inEnglish) };
}

/** What Electron knows of the system's languages (app.getPreferredSystemLanguages, then app.getLocale). */
export interface SystemLanguages {
  getPreferredSystemLanguages(): string[];
  getLocale(): string;
}

/**
 * The language of the app's menus and dialogs: Spanish when the system prefers it, else English, by the rule the
 * dashboard follows with the browser's languages (Electron gives the window the system's).
 */
export function systemLanguage(system: SystemLanguages): Language {
  return pickLanguage(null, [...system.getPreferredSystemLanguages(), system.getLocale()]);
}

/** From now on, the menus and dialogs the app builds are worded in `language`. */
export function setDesktopLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}
