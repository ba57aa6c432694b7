import { closestCode } from '../diagnostics/closest-code.js';
import { type Wording, word, wording } from '../i18n/wording.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * The refusal of a tracking code no activity has, naming the code the user most likely meant: codes are lower case,
 * and one copied from a projected slide or a printed sheet often comes back in capitals or with one letter off.
 */
export function unknownTrackingCode(db: Db, tried: string): string {
  return word(unknownTrackingCodeWording(db, tried));
}

/** The same refusal as a wording, for the dashboard's language (the admin API words it). */
export function unknownTrackingCodeWording(db: Db, tried: string): Wording {
  const codes = prepared<[], { code: string }>(db, 'SELECT tracking_code AS code FROM activities')
    .all()
    .map((row) => row.code);
  const meant = closestCode(tried, codes);
  return meant ? wording('filter.noActivityMeant', { code: tried, meant }) : wording('filter.noActivity', { code: tried });
}
