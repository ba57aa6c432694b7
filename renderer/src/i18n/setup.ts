import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { tellDesktopLanguage } from './desktop-language';
import { en } from './en';
import { es } from './es';
import { FALLBACK_LANGUAGE, LANGUAGE_STORAGE_KEY, type Language, pickLanguage } from './languages';

// Set up when first imported, in English: the catalogs are bundled, so it is ready at once, and the wording helpers
// (format/*.ts) read the same in Node's unit tests as in the dashboard. setUpLanguage then picks the teacher's.
void i18next.use(initReactI18next).init({
  resources: { en, es },
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: 'common',
  ns: Object.keys(en),
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;" to the teacher.
  interpolation: { escapeValue: false },
});

export const t = i18next.t.bind(i18next);

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage refused (a locked-down browser): the browser's languages decide
  }
}

function apply(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Called once before the first render: the teacher's choice, else the browser's languages, else English. */
export function setUpLanguage(): Language {
  const stored = storedLanguage();
  const language = pickLanguage(stored, navigator.languages ?? [navigator.language]);
  apply(language);
  // A choice made on an earlier day reaches the desktop app's menus too (it saves it for its next start).
  if (stored === language) tellDesktopLanguage(language);
  return language;
}

/** The teacher's choice, kept for this browser; the caller shows the dashboard again in it. */
export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not kept: this visit still changes language
  }
  apply(language);
  tellDesktopLanguage(language);
}

/** The dashboard's language now, for Intl formatting (dates, numbers, names a game sent in several languages). */
export function currentLanguage(): Language {
  return pickLanguage(i18next.language ?? null, []);
}
