import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

export interface CodeCheck {
  exists: boolean;
  open: boolean;
  /** Only for a game version's code (contract C-8.1): games start with it at any time, no teacher opens or closes it. */
  gameVersion?: true;
}

/** Codes are short; anything longer is not one, and is not looked up. */
export const MAX_CODE_LENGTH = 64;

/** Only whether an activity (or a game version) has this code and accepts games: no name, class, or counts (the page is public). */
export function checkTrackingCode(db: Db, code: string): CodeCheck {
  const row = prepared<[string], { open: number }>(db, 'SELECT open FROM activities WHERE tracking_code = ?').get(code);
  if (row) return { exists: true, open: row.open === 1 };
  // Starts look up activities first, then game versions (C-8.1): a code that starts games must not read "no such code".
  const version = prepared<[string], { one: number }>(db, 'SELECT 1 AS one FROM versions WHERE tracking_code = ?').get(code);
  return version ? { exists: true, open: true, gameVersion: true } : { exists: false, open: false };
}

/** The `code` query parameter, trimmed; undefined when absent, empty, repeated or too long. */
export function codeParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim();
  return code === '' || code.length > MAX_CODE_LENGTH ? undefined : code;
}
