import type { IncomingMessage } from 'node:http';
import type { Language } from './wording.js';

/**
 * The language a request asks its messages in: Spanish when its Accept-Language prefers `es` (any `es-*`) to
 * English, else English, so the CLI, scripts and anything sending no header read what they always read. The
 * dashboard sends the teacher's chosen language on every request (renderer/src/api/client.ts).
 */
export function requestLanguage(req: IncomingMessage): Language {
  return preferredLanguage(req.headers['accept-language']);
}

export function preferredLanguage(header: string | undefined): Language {
  let best: { language: Language; quality: number } | undefined;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...parameters] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'es' && primary !== 'en') continue;
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.toLowerCase().startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(quality) || quality <= 0) continue;
    // The first of equal preference wins, as the header lists them in order.
    if (best === undefined || quality > best.quality) best = { language: primary, quality };
  }
  return best?.language ?? 'en';
}
