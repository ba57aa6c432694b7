import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

export interface CodeCheck {
  exists: boolean;
  open: boolean;
}

/** Codes are short; anything longer is not one, and is not looked up. */
export const MAX_CODE_LENGTH = 64;

/** Only whether an activity has this code and accepts games: no name, class, or counts (the page is public). */
export function checkTrackingCode(db: Db, code: string): CodeCheck {
  const row = prepared<[string], { open: number }>(db, 'SELECT open FROM activities WHERE tracking_code = ?').get(code);
  return { exists: row !== undefined, open: row?.open === 1 };
}

/** The `code` query parameter, trimmed; undefined when absent, empty, repeated or too long. */
export function codeParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim();
  return code === '' || code.length > MAX_CODE_LENGTH ? undefined : code;
}
