import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/send.js';
import { type Language, type Phrase, word } from '../i18n/wording.js';

/** The admin API's one error shape (DESIGN.md): `{"error":{"reason":"kebab-code","message":"…"}}`. */
export function sendAdminError(res: ServerResponse, status: number, reason: string, message: string): void {
  sendJson(res, status, { error: { reason, message } });
}

/**
 * Thrown by handlers; the router's error handler turns it into the admin error shape. Given a phrase (server/i18n),
 * its `message` is the English and the handler words it in the request's language; given a string, it is English only.
 */
export class AdminError extends Error {
  readonly phrase: Phrase | undefined;

  constructor(
    readonly status: number,
    readonly reason: string,
    message: string | Phrase,
  ) {
    super(typeof message === 'string' ? message : word(message));
    this.phrase = typeof message === 'string' ? undefined : message;
  }

  /** The message in the language a request asked for (server/i18n/request-language.ts). */
  messageIn(language: Language): string {
    return this.phrase === undefined ? this.message : word(this.phrase, language);
  }
}
