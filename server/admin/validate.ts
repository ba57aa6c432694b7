import type { z } from 'zod';
import { AdminError } from './admin-error.js';

/** A request body checked against its schema, or a 400 in the admin error shape naming the first problem. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AdminError(400, 'invalid-request', `${where}${issue?.message ?? 'invalid request'}`);
  }
  return parsed.data;
}

/** An integer query parameter within bounds; absent means the fallback, anything else out of range is a 400. */
export function intParam(value: unknown, options: { min: number; max: number; fallback: number }): number {
  if (value === undefined || value === '') return options.fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < options.min || number > options.max) {
    throw new AdminError(400, 'invalid-parameter', `Expected a whole number from ${options.min} to ${options.max}.`);
  }
  return number;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
