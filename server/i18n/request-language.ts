import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';
import type { Language } from './wording.js';

/**
 * The language a request asks its messages in: its `lang=en|es` query parameter if it has one, else Spanish when its
 * Accept-Language prefers `es` (any `es-*`) to English, else English, so the CLI, scripts and anything sending no
 * header read what they always read. The dashboard sends the teacher's chosen language on every request
 * (renderer/src/api/client.ts): as the header on its own requests, and as `lang` on its plain download links (a
 * results CSV, an access file, an export), which the browser follows with its own Accept-Language, not the teacher's.
 */
export function requestLanguage(req: IncomingMessage): Language {
  return queryLanguage(req.url) ?? preferredLanguage(req.headers['accept-language']);
}

const LANGUAGES: Language[] = ['en', 'es'];

/** `lang` when it names one of the languages (any case); anything else is no choice, and the header decides. */
function queryLanguage(url: string | undefined): Language | undefined {
  const start = url?.indexOf('?') ?? -1;
  if (start < 0) return undefined;
  // URLSearchParams reads whatever follows `?` without throwing, as Express's own query parser does.
  const lang = new URLSearchParams(url?.slice(start + 1)).get('lang')?.toLowerCase();
  return LANGUAGES.find((language) => language === lang);
}

export function preferredLanguage(header: string | undefined): Language {
  // Express's own negotiation (as the check page's req.acceptsLanguages): q-values, `es-419`, `*`, any case.
  const chosen = new Negotiator({ headers: { 'accept-language': header } }).language(LANGUAGES);
  return (chosen as Language | undefined) ?? 'en';
}
