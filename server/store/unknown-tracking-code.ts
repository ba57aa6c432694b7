import { closestCode } from '../diagnostics/closest-code.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * The refusal of a tracking code no activity has, naming the code the user most likely meant: codes are lower case,
 * and one copied from a projected slide or a printed sheet often comes back in capitals or with one letter off.
 */
export function unknownTrackingCode(db: Db, tried: string): string {
  const codes = prepared<[], { code: string }>(db, 'SELECT tracking_code AS code FROM activities')
    .all()
    .map((row) => row.code);
  const meant = closestCode(tried, codes);
  return `No activity with tracking code "${tried}"${meant ? ` (did you mean ${meant}?)` : ''}`;
}
