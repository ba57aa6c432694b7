import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';
import type { Language } from './wording.js';

/**
 * The language a request asks its messages in: Spanish when its Accept-Language prefers `es` (any `es-*`) to
 * English, else English, so the CLI, scripts and anything sending no header read what they always read. The
 * dashboard sends the teacher's chosen language on every request (renderer/src/api/client.ts).
 */
export function requestLanguage(req: IncomingMessage): Language {
  return preferredLanguage(req.headers['accept-language']);
}

const LANGUAGES: Language[] = ['en', 'es'];

export function preferredLanguage(header: string | undefined): Language {
  // Express's own negotiation (as the check page's req.acceptsLanguages): q-values, `es-419`, `*`, any case.
  const chosen = new Negotiator({ headers: { 'accept-language': header } }).language(LANGUAGES);
  return (chosen as Language | undefined) ?? 'en';
}
