import { readObjectDefinitionNames } from '../results/object-definition-names.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { isDerivedXapiPlayerId } from '../store/xapi-players.js';
import type { PlayerRef, SessionRow } from './api-types.js';
import { shownProgress } from './shown-progress.js';

/** The player's columns of a row (players p, students st), from which playerRef builds what the dashboard shows. */
export interface PlayerColumns {
  playerId: string;
  kind: PlayerRef['kind'];
  animalName: string;
  publicId: string;
  studentName: string | null;
  xapiName: string | null;
}

/** PlayerColumns but the id, for a query joining players p and students st (the id comes from where the row points). */
export const PLAYER_REF_COLUMNS = 'p.kind, p.animal_name AS animalName, p.public_id AS publicId, st.name AS studentName, p.xapi_name AS xapiName';

/** A session as SESSION_COLUMNS read it: SQLite's booleans are 0/1, and the player comes as columns. */
type RawSession = Omit<SessionRow, 'completion' | 'success' | 'resultOfGame' | 'player'> &
  PlayerColumns & { completion: number | null; success: number | null; resultOfGame: number; progressOfGame: number };

export const SESSION_COLUMNS = `s.id, s.number, s.started, s.ended, s.last_seen AS lastSeen, s.statements,
    s.last_verb AS lastVerb, s.last_object AS lastObject, s.last_object_type AS lastObjectType,
    s.progress, s.progress_of_game AS progressOfGame, s.completion, s.success, s.score,
    s.result_object AS resultObject, s.result_object_type AS resultObjectType, s.result_of_game AS resultOfGame,
    (SELECT coalesce(sum(r.repeats + 1), 0) FROM rejected_requests r WHERE r.session_id = s.id) AS refused,
    (SELECT r.message FROM rejected_requests r WHERE r.session_id = s.id ORDER BY r.id DESC LIMIT 1) AS lastRefusal,
    p.id AS playerId, ${PLAYER_REF_COLUMNS}`;

export const SESSION_JOINS = 'JOIN players p ON p.id = s.player_id LEFT JOIN students st ON st.id = p.student_id';

const bool = (value: number | null): boolean | null => (value === null ? null : value === 1);

export function playerRef(row: PlayerColumns): PlayerRef {
  // A player an xAPI game identified has no username: the teacher knows them by the name the game sent.
  const xapi = row.kind === 'identified' && isDerivedXapiPlayerId(row.publicId);
  return {
    id: row.playerId,
    kind: row.kind,
    animalName: row.animalName,
    username: row.kind === 'identified' && !xapi ? row.publicId : null,
    displayName: xapi ? row.xapiName : row.studentName,
    xapi,
  };
}

export function toSessionRow(row: RawSession): SessionRow {
  return {
    id: row.id,
    number: row.number,
    started: row.started,
    ended: row.ended,
    lastSeen: row.lastSeen,
    statements: row.statements,
    lastVerb: row.lastVerb,
    lastObject: row.lastObject,
    lastObjectType: row.lastObjectType,
    progress: shownProgress(row),
    completion: bool(row.completion),
    success: bool(row.success),
    score: row.score,
    resultObject: row.resultObject,
    resultObjectType: row.resultObjectType,
    resultOfGame: row.resultOfGame === 1,
    refused: row.refused,
    lastRefusal: row.lastRefusal,
    player: playerRef(row),
  };
}

/** The Live screen: newest sessions of one activity first, through the (activity_id, id) index. */
export function readActivitySessions(db: Db, activityId: string, limit: number): SessionRow[] {
  const sessions = prepared<[string, number], RawSession>(
    db,
    `SELECT ${SESSION_COLUMNS} FROM sessions s ${SESSION_JOINS} WHERE s.activity_id = ? ORDER BY s.id DESC LIMIT ?`,
  )
    .all(activityId, limit)
    .map(toSessionRow);
  // Live's "Last action" reads "answered question "Question 1"" when the game named the object, not its id's "q1".
  const names = readObjectDefinitionNames(
    db,
    activityId,
    sessions.flatMap((session) => (session.lastObject ? [session.lastObject] : [])),
  );
  return sessions.map((session) => ({ ...session, lastObjectName: (session.lastObject && names.get(session.lastObject)) || null }));
}

export function readPlayerSessions(db: Db, playerId: string, limit: number): Array<SessionRow & { activityId: string | null; activityName: string | null }> {
  return prepared<[string, number], RawSession & { activityId: string | null; activityName: string | null }>(
    db,
    `SELECT ${SESSION_COLUMNS}, s.activity_id AS activityId, a.name AS activityName
     FROM sessions s ${SESSION_JOINS} LEFT JOIN activities a ON a.id = s.activity_id
     WHERE s.player_id = ? ORDER BY s.id DESC LIMIT ?`,
  )
    .all(playerId, limit)
    .map((row) => ({ ...toSessionRow(row), activityId: row.activityId, activityName: row.activityName }));
}
