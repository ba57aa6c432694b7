import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { countPlayerRefusals, playerRefusals } from './player-refusals.js';

/**
 * Whether a player has no data left anywhere: no session, gameplay, statement, result, answer or alert of theirs,
 * and no refused request naming them (a roster student's failed logins and refused starts). Such a player's record
 * (their username or anonymous id, animal name, xAPI name) names someone Aula holds nothing else about: an erasure
 * that leaves them so removes it too, as erasing everywhere does. Erased activity by activity, a student would
 * otherwise stay on Players, their page, and in the database under their username, with nothing left to erase.
 * The student's roster account (students) is not theirs to remove: `aula student delete` does it.
 */
export function playerLeftWithNothing(db: Db, playerId: string): boolean {
  const data = prepared<[{ player: string }], { n: number }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM sessions WHERE player_id = @player)
       OR EXISTS (SELECT 1 FROM gameplays WHERE player_id = @player)
       OR EXISTS (SELECT 1 FROM statements WHERE player_id = @player AND session_id IS NULL)
       OR EXISTS (SELECT 1 FROM results WHERE player_id = @player)
       OR EXISTS (SELECT 1 FROM answer_counts WHERE player_id = @player)
       OR EXISTS (SELECT 1 FROM alerts WHERE player_id = @player) AS n`,
  ).get({ player: playerId });
  if ((data?.n ?? 0) !== 0) return false;
  // Everywhere's refusals, with no session left: those that name the student by username.
  return countPlayerRefusals(db, playerRefusals(db, playerId, null, '[]')) === 0;
}
