import { currentLanguage, t } from '../i18n/setup';

/** The admin API's error, with the message the server wrote for the teacher. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const BASE = '/admin/api';

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return call<T>(path, { signal: signal ?? null });
}

export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export async function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export async function apiDelete<T>(path: string): Promise<T> {
  return call<T>(path, { method: 'DELETE' });
}

/**
 * The dashboard's language on every request: the server words its messages (a refused class name, a roster's
 * problems) in it, Spanish for `es`, English otherwise (server/i18n/request-language.ts).
 */
export function languageHeaders(headers?: HeadersInit): Headers {
  const all = new Headers(headers);
  all.set('Accept-Language', currentLanguage());
  return all;
}

/**
 * A plain download link into the admin API (`<a href download>`: Results' CSV, an access file, an export), which the
 * browser follows with its own Accept-Language: `lang` carries the dashboard's language instead, so a refusal reads as
 * the dashboard does (server/i18n/request-language.ts).
 */
export function downloadHref(path: string): string {
  return `${BASE}${path}${path.includes('?') ? '&' : '?'}lang=${currentLanguage()}`;
}

/** The file of everything Aula holds about a player (an access request), as a download link. */
export function playerAccessHref(playerId: string): string {
  return downloadHref(`/players/${encodeURIComponent(playerId)}/access`);
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { ...init, headers: languageHeaders(init.headers) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'unreachable', t('api.unreachable'));
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { reason?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.reason ?? 'http-error', error?.message ?? t('api.answered', { status: response.status }));
  }
  return json as T;
}
