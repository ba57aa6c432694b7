import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/** What an import wrote to, so that exactly those maintained counters are recounted in the same transaction. */
export interface Touched {
  activities: Set<string>;
  players: Set<string>;
  gameplays: Set<string>;
  sessions: Set<number>;
}

export function noneTouched(): Touched {
  return { activities: new Set(), players: new Set(), gameplays: new Set(), sessions: new Set() };
}

const later = (column: string, sql: string) => `nullif(max(coalesce(${column}, ''), coalesce((${sql}), '')), '')`;

/**
 * Counters are maintained by the collector (DESIGN.md); rows merged from a bundle did not pass through it, so the
 * counters of what the import touched are recounted from the rows — by index, one activity/player/session at a time.
 */
export function recount(db: Db, touched: Touched): void {
  const session = prepared(db, 'UPDATE sessions SET statements = (SELECT count(*) FROM statements WHERE session_id = @id) WHERE id = @id');
  for (const id of touched.sessions) session.run({ id });
  const gameplay = prepared(
    db,
    'UPDATE gameplays SET sessions = max(sessions, coalesce((SELECT max(number) FROM sessions WHERE gameplay_id = @id), 0)) WHERE id = @id',
  );
  for (const id of touched.gameplays) gameplay.run({ id });
  const player = prepared(
    db,
    `UPDATE players SET statements = (SELECT count(*) FROM statements WHERE session_id IN (SELECT id FROM sessions WHERE player_id = @id))
         + (SELECT count(*) FROM statements WHERE session_id IS NULL AND player_id = @id),
       last_seen = ${later('last_seen', 'SELECT max(last_seen) FROM sessions WHERE player_id = @id')} WHERE id = @id`,
  );
  for (const id of touched.players) player.run({ id });
  const activity = prepared(
    db,
    `UPDATE activities SET statements = (SELECT count(*) FROM statements WHERE activity_id = @id),
       sessions = (SELECT count(*) FROM sessions WHERE activity_id = @id),
       players = (SELECT count(*) FROM gameplays WHERE activity_id = @id),
       anonymous_players = (SELECT count(*) FROM gameplays g JOIN players p ON p.id = g.player_id
                            WHERE g.activity_id = @id AND p.kind = 'anonymous'),
       last_seen = ${later('last_seen', 'SELECT max(last_seen) FROM sessions WHERE activity_id = @id')} WHERE id = @id`,
  );
  for (const id of touched.activities) activity.run({ id });
}
