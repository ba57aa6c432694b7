import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { countPlayerRefusals, playerRefusals } from './player-refusals.js';

/**
 * Whether a player has no data outside one activity (`leaving`; null: none at all): no session, gameplay, statement,
 * result, answer or alert of theirs elsewhere, and no refused request naming them that erasing them there leaves (a
 * roster student's failed logins, the starts other activities refused them). Once the last of their data is erased,
 * their player record (username or anonymous id, animal name, xAPI name) names someone Aula holds nothing else
 * about: the erasure removes it too, as erasing everywhere does. Erased activity by activity, a student otherwise
 * stayed on Players, on their page and in the database under their username, with nothing left to erase.
 * Asked before the erasure (its preview), it says whether the record would go; after it, with nothing left in
 * `leaving`, whether it goes. The student's roster account is not play data: `aula student delete` removes it.
 */
export function playerLeftWithNothing(db: Db, playerId: string, leaving: string | null): boolean {
  const elsewhere = '(activity_id IS NULL OR activity_id IS NOT @leaving)';
  const data = prepared<[{ player: string; leaving: string | null }], { n: number }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM sessions WHERE player_id = @player AND ${elsewhere})
       OR EXISTS (SELECT 1 FROM gameplays WHERE player_id = @player AND scope_id IS NOT @leaving)
       OR EXISTS (SELECT 1 FROM statements WHERE player_id = @player AND session_id IS NULL AND ${elsewhere})
       OR EXISTS (SELECT 1 FROM results WHERE player_id = @player AND ${elsewhere})
       OR EXISTS (SELECT 1 FROM answer_counts WHERE player_id = @player AND ${elsewhere})
       OR EXISTS (SELECT 1 FROM alerts WHERE player_id = @player AND ${elsewhere}) AS n`,
  ).get({ player: playerId, leaving });
  if ((data?.n ?? 0) !== 0) return false;
  // With no session left, the refusals naming the student by username; erasing in `leaving` takes its refused starts.
  const naming = countPlayerRefusals(db, playerRefusals(db, playerId, null, '[]'));
  const erasedThere = leaving === null ? naming : countPlayerRefusals(db, playerRefusals(db, playerId, leaving, '[]'));
  return naming - erasedThere === 0;
}
