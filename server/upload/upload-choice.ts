import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/** This upload made the other pseudonymisation choice than the earlier ones to the same LRS: nothing is sent. */
export class UploadChoiceError extends Error {}

/**
 * Keeps one LRS on one choice. A statement keeps its id, so a statement already sent is never sent again; but the
 * statements still pending would go with the new choice, and the LRS would hold each student under their playerId
 * and under their pseudonym, as two people, without a single conflict to tell. Refused, saying how to go on; the
 * first upload to a target (or the first since Aula kept this) records the choice.
 */
export function holdToPseudonymChoice(db: Db, targetId: string, username: string, pseudonymize: boolean): void {
  const target = prepared<[string], { pseudonymized: number | null }>(db, 'SELECT pseudonymized FROM upload_targets WHERE id = ?').get(targetId);
  const earlier = target?.pseudonymized;
  if (earlier === null || earlier === undefined) {
    prepared(db, 'UPDATE upload_targets SET pseudonymized = ? WHERE id = ?').run(pseudonymize ? 1 : 0, targetId);
    return;
  }
  if (Boolean(earlier) === pseudonymize) return;
  const sent = prepared<[string], { n: number }>(db, "SELECT count(*) AS n FROM upload_state WHERE target_id = ? AND state = 'sent'").get(targetId)?.n ?? 0;
  if (sent === 0) {
    prepared(db, 'UPDATE upload_targets SET pseudonymized = ? WHERE id = ?').run(pseudonymize ? 1 : 0, targetId);
    return;
  }
  const before = earlier ? 'pseudonymised (--pseudonymize, Pseudonymise usernames)' : 'with usernames and playerIds (without --pseudonymize)';
  const now = pseudonymize ? 'pseudonymised' : 'with usernames and playerIds';
  throw new UploadChoiceError(
    `Nothing sent. ${sent} statements went to this LRS (key "${username}") ${before}; sending the rest ${now} would give each student a second identity there. Make the same choice as before, or upload to another LRS store (another key).`,
  );
}
