import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { PlayerActivity } from './api-types.js';

/**
 * Every activity the player has a session in, the latest played first: what a player's page offers to erase their
 * data in. Read apart from the sessions the page lists (the 200 most recent): a student who played all term has
 * activities only in older ones, and those could not be chosen. One pass over the player's sessions (indexed).
 */
export function readPlayerActivities(db: Db, playerId: string): PlayerActivity[] {
  return prepared<[string], PlayerActivity>(
    db,
    `SELECT a.id, a.name FROM sessions s JOIN activities a ON a.id = s.activity_id
     WHERE s.player_id = ? GROUP BY a.id ORDER BY max(s.id) DESC`,
  ).all(playerId);
}
