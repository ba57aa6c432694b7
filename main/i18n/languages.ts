// A twin of renderer/src/i18n/languages.ts (main/ never imports renderer/): the desktop app's menus and dialogs take
// the language the dashboard would, so a teacher does not meet two languages in one app. test/unit/main-language.test.ts
// holds the two equal.

/** The languages Aula speaks, each named in itself. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const FALLBACK_LANGUAGE: Language = 'en';

function supported(tag: string | null | undefined): Language | undefined {
  const base = tag?.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language.code === base)?.code;
}

/**
 * The chosen language first, else the first of the preferred languages Aula speaks, else English: `es-419` and
 * `es-ES` both read Spanish.
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  return supported(stored) ?? preferred.map(supported).find((language) => language !== undefined) ?? FALLBACK_LANGUAGE;
}

/**
 * A translation of the English catalog: the same keys, every leaf a string. A key the English gains and a
 * translation lacks fails the type check, so no dialog shows a raw key.
 */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
