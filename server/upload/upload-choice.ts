import { type Wording, word, wording } from '../i18n/wording.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/**
 * This upload made the other pseudonymisation choice than the earlier ones to the same LRS: nothing is sent. Its
 * `message` is English (the CLI's); the dashboard's upload words its `wording` in the dashboard's language.
 */
export class UploadChoiceError extends Error {
  constructor(readonly wording: Wording) {
    super(word(wording));
  }
}

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
  const before = wording(earlier ? 'upload.choiceBeforePseudonymised' : 'upload.choiceBeforeIdentified');
  const now = wording(pseudonymize ? 'upload.choiceNowPseudonymised' : 'upload.choiceNowIdentified');
  throw new UploadChoiceError(wording('upload.choice', { sent, username, before, now }));
}
