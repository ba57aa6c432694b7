/** The dashboard's languages, each named in itself (a teacher who cannot read the current one still finds theirs). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const FALLBACK_LANGUAGE: Language = 'en';

/** Where the teacher's choice is kept, per browser: the laptop's dashboard and a tablet's may differ. */
export const LANGUAGE_STORAGE_KEY = 'aula.language';

function supported(tag: string | null | undefined): Language | undefined {
  const base = tag?.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language.code === base)?.code;
}

/**
 * The teacher's own choice first, else the first of the browser's languages Aula speaks (Electron passes the
 * operating system's), else English: `es-419` and `es-ES` both read Spanish.
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  return supported(stored) ?? preferred.map(supported).find((language) => language !== undefined) ?? FALLBACK_LANGUAGE;
}
