import type { ErasureLogEntry } from '../admin/api-types.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/**
 * The erasure log, the most recent first: what every erasure (a player's, erase-player.ts; a whole activity's,
 * erase-activity.ts) wrote of itself, with the activity as it is now. Read by the API, Settings and `aula erasure list`.
 */
export function readErasures(db: Db, limit: number): ErasureLogEntry[] {
  return prepared<[number], ErasureLogEntry>(
    db,
    `SELECT e.id, e.time, e.erased_by AS erasedBy, e.scope, e.activity_id AS activityId, e.player_kind AS playerKind,
       e.statements, e.sessions, e.gameplays, e.results, e.alerts, e.uploaded, e.refused_requests AS refusedRequests,
       e.players_removed AS playersRemoved, a.name AS activityName, a.tracking_code AS trackingCode
     FROM erasures e LEFT JOIN activities a ON a.id = e.activity_id ORDER BY e.id DESC LIMIT ?`,
  ).all(limit);
}
