import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { PlayerProfile, PlayerSummary } from './api-types.js';
import { type PlayerKind, playerKindSql } from './player-kind.js';
import { ensurePlayerSearchFunctions, PLAYER_MATCHES_SQL, type PlayerSearch } from './player-search.js';
import { PLAYER_REF_COLUMNS, playerRef } from './read-sessions.js';
import { classNames, classNamesSql } from './student-classes.js';

interface RawPlayer {
  playerId: string;
  kind: 'anonymous' | 'identified';
  animalName: string;
  publicId: string;
  studentName: string | null;
  xapiName: string | null;
  created: string;
  lastSeen: string | null;
  sessions: number;
  statements: number | null;
}

const PLAYER_COLUMNS = `p.id AS playerId, ${PLAYER_REF_COLUMNS}, p.created, p.last_seen AS lastSeen`;

const toSummary = (row: RawPlayer): PlayerSummary => ({
  player: playerRef(row),
  created: row.created,
  lastSeen: row.lastSeen,
  sessions: row.sessions,
  statements: row.statements ?? 0,
});

/**
 * Most recently seen first. Per-activity counts come from the player's sessions (indexed by player), not statements.
 * With a search, only the players it matches (player-search.ts): a scan of the players, one row per player of the term.
 * With a kind, only players of that kind (player-kind.ts), chosen before the limit as the search is.
 */
export function readPlayers(db: Db, activityId: string | undefined, limit: number, search?: PlayerSearch, kind?: PlayerKind): PlayerSummary[] {
  if (search) ensurePlayerSearchFunctions(db);
  const matching = `${search ? `AND ${PLAYER_MATCHES_SQL}` : ''} ${kind ? `AND ${playerKindSql(kind)}` : ''}`;
  const searched = search ?? {};
  if (activityId) {
    return prepared<[Record<string, unknown>], RawPlayer>(
      db,
      `SELECT ${PLAYER_COLUMNS}, gp.sessions,
         (SELECT sum(s.statements) FROM sessions s WHERE s.player_id = p.id AND s.activity_id = @activityId) AS statements
       FROM gameplays gp JOIN players p ON p.id = gp.player_id LEFT JOIN students st ON st.id = p.student_id
       WHERE gp.scope_id = @activityId ${matching} ORDER BY p.last_seen IS NULL, p.last_seen DESC LIMIT @limit`,
    )
      .all({ ...searched, activityId, limit })
      .map(toSummary);
  }
  return prepared<[Record<string, unknown>], RawPlayer>(
    db,
    `SELECT ${PLAYER_COLUMNS}, p.statements, (SELECT count(*) FROM sessions s WHERE s.player_id = p.id) AS sessions
     FROM players p LEFT JOIN students st ON st.id = p.student_id
     WHERE 1 ${matching}
     ORDER BY p.last_seen IS NULL, p.last_seen DESC LIMIT @limit`,
  )
    .all({ ...searched, limit })
    .map(toSummary);
}

export function readPlayer(db: Db, playerId: string): PlayerProfile | undefined {
  const row = prepared<[string], RawPlayer & { studentId: string | null; classes: string }>(
    db,
    `SELECT ${PLAYER_COLUMNS}, p.student_id AS studentId, ${classNamesSql('p.student_id')} AS classes, p.statements, (SELECT count(*) FROM sessions s WHERE s.player_id = p.id) AS sessions
     FROM players p LEFT JOIN students st ON st.id = p.student_id WHERE p.id = ?`,
  ).get(playerId);
  if (!row) return undefined;
  const profile: PlayerProfile = { ...toSummary(row), publicId: row.publicId };
  // One laptop, several classes: whose student this is, when the teacher reached them from another class's Live.
  if (row.studentId) profile.classes = classNames(row.classes);
  return profile;
}
