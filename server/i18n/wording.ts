import i18next from 'i18next';
import { type EnglishCatalog, en } from './en.js';
import { es } from './es.js';

/**
 * Teacher-facing messages the admin API words in the dashboard's language. An error carries its wording (a catalog
 * key and values) instead of only an English sentence: the admin router words it for the request (Spanish when the
 * request's Accept-Language prefers `es`, see request-language.ts), and its English `message`, made from the same
 * catalog, stays word for word what the CLI and scripts always read.
 */
export type Language = 'en' | 'es';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<Key> = Key extends `${infer Base}_${'one' | 'other'}` ? Base : Key;

/** A catalog key; a plural's key without its `_one`/`_other` (pass `count`). */
export type WordingKey = WithoutPlural<Leaves<EnglishCatalog>>;

/** A value is written as given, or, itself a wording, worded in the same language first. */
export type WordingValue = string | number | Wording;

/**
 * A value already written in each language by someone else (zod's own message in its English and Spanish locales):
 * the wording takes the one of its language. Plain data, as a wording is, so it crosses to the import's thread.
 */
export interface InEachLanguage {
  readonly inEach: Readonly<Record<Language, string>>;
}

export interface Wording {
  readonly key: WordingKey;
  readonly values?: Readonly<Record<string, WordingValue | InEachLanguage>>;
}

/** A message for any language: a wording, or a function that puts worded parts together (a list, a capital). */
export type Phrase = Wording | ((language: Language) => string);

export function wording(key: WordingKey, values?: Record<string, WordingValue | InEachLanguage>): Wording {
  return values === undefined ? { key } : { key, values };
}

// The server's own instance: the dashboard's i18next is another bundle in another process. The catalogs are in
// memory, so it is ready synchronously.
const server = i18next.createInstance();
void server.init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // JSON, not HTML: the dashboard escapes what it shows. A value is never read as wording itself (a class named
  // "{{name}}" or "$t(…)" is shown as typed): skipOnVariables is i18next's default, kept explicit.
  interpolation: { escapeValue: false, skipOnVariables: true },
});

/** The phrase in the language (English unless told). */
export function word(phrase: Phrase, language: Language = 'en'): string {
  if (typeof phrase === 'function') return phrase(language);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.values ?? {})) {
    if (typeof value !== 'object') values[name] = value;
    else values[name] = 'inEach' in value ? value.inEach[language] : word(value, language);
  }
  return server.t(phrase.key, { ...values, lng: language });
}

/** A schema's own English message back to its key, so validate.ts can word it in another language. */
export function fieldWording(english: string): Wording | undefined {
  const key = (Object.keys(en.field) as Array<keyof EnglishCatalog['field']>).find((name) => en.field[name] === english);
  return key === undefined ? undefined : wording(`field.${key}`);
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
