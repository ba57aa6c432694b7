import type { z } from 'zod';
import { fieldWording, type Language, word, wording } from '../i18n/wording.js';
import { spanishIssues } from '../i18n/zod-spanish.js';
import { AdminError } from './admin-error.js';


/**
 * A request body checked against its schema, or a 400 in the admin error shape naming the first problem. The field's
 * path stays as sent; the message is in the request's language: a schema's own message through the `field` catalog
 * (server/i18n), zod's through its Spanish locale.
 */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const english = firstIssue(parsed.error);
    const phrase = (language: Language) => {
      if (language === 'en') return english;
      const again = schema.safeParse(body ?? {}, { error: spanishIssues });
      return again.success ? english : firstIssue(again.error, language);
    };
    throw new AdminError(400, 'invalid-request', phrase);
  }
  return parsed.data;
}

function firstIssue(error: z.ZodError, language: Language = 'en'): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  if (issue === undefined) return `${where}${word(wording('request.invalid'), language)}`;
  const field = fieldWording(issue.message);
  return `${where}${field ? word(field, language) : issue.message}`;
}

/** An integer query parameter within bounds; absent means the fallback, anything else out of range is a 400. */
export function intParam(value: unknown, options: { min: number; max: number; fallback: number }): number {
  if (value === undefined || value === '') return options.fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < options.min || number > options.max) {
    throw new AdminError(400, 'invalid-parameter', wording('request.wholeNumber', { min: options.min, max: options.max }));
  }
  return number;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
