import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { activityEdge, readInSteps, type StepOptions, storeEdgeDownwards } from '../store/read-in-steps.js';
import { newestSeq } from '../store/statement-rows.js';
import type { StatementRow } from './api-types.js';
import { PLAYER_REF_COLUMNS, type PlayerColumns, playerRef } from './read-sessions.js';

export interface StatementFilter {
  activityId?: string | undefined;
  playerId?: string | undefined;
  sessionId?: number | undefined;
  verbId?: string | undefined;
  /** Only statements stored before this sequence number (paging backwards). */
  before?: number | undefined;
  limit: number;
}

/** A statement as read: its JSON as stored, and its player's columns (all null for a statement without a player). */
type RawStatement = Omit<StatementRow, 'objectType' | 'player' | 'statement'> & { [Column in keyof PlayerColumns]: PlayerColumns[Column] | null } & { json: string };

/**
 * Newest first. An activity filter walks its index (activity_id, seq) backwards; a session is found through its
 * requests' batches (a few hundred rows, sorted), a player through their sessions; a verb filter alone walks the
 * primary key. A verb filter walks in steps (read-in-steps.ts): a verb no one sent would otherwise read the whole
 * activity or store in one call (0.35-0.66 s at a million statements, with every game waiting).
 */
export async function readStatements(db: Db, filter: StatementFilter, steps: StepOptions = {}): Promise<StatementRow[]> {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add('t.activity_id = ?', filter.activityId);
  // Through the player's sessions: statements have no index of their own by player (migration 004).
  add('t.session_id IN (SELECT id FROM sessions WHERE player_id = ?)', filter.playerId);
  add('t.session_id = ?', filter.sessionId);
  add('t.verb_id = ?', filter.verbId);
  // Dynamic WHERE: few shapes, each prepared once (a verb walk reads hundreds of steps of the same shape).
  const read = (bounds: string[], values: number[], limit: number) =>
    prepared<Array<string | number>, RawStatement>(
      db,
      `SELECT t.seq, t.id, t.stored, t.timestamp, t.verb_id AS verbId, t.object_id AS objectId, t.activity_id AS activityId,
         a.name AS activityName, t.session_id AS sessionId, s.number AS sessionNumber, t.player_id AS playerId,
         ${PLAYER_REF_COLUMNS}, t.json
       FROM statements t LEFT JOIN activities a ON a.id = t.activity_id LEFT JOIN sessions s ON s.id = t.session_id
         LEFT JOIN players p ON p.id = t.player_id LEFT JOIN students st ON st.id = p.student_id
       ${where.length + bounds.length ? `WHERE ${[...where, ...bounds].join(' AND ')}` : ''} ORDER BY t.seq DESC LIMIT ?`,
    ).all(...params, ...values, limit);
  const stepped = filter.verbId !== undefined && filter.sessionId === undefined && filter.playerId === undefined;
  const rows = stepped
    ? await readInSteps(
        filter.before ?? newestSeq(db) + 1,
        filter.limit,
        filter.activityId === undefined ? storeEdgeDownwards : activityEdge(db, filter.activityId, false),
        (before, edge, limit) => (edge === undefined ? read(['t.seq < ?'], [before], limit) : read(['t.seq < ?', 't.seq >= ?'], [before, edge], limit)),
        steps,
      )
    : filter.before === undefined
      ? read([], [], filter.limit)
      : read(['t.seq < ?'], [filter.before], filter.limit);
  return rows.map((row) => {
    const statement: unknown = JSON.parse(row.json);
    return {
      seq: row.seq,
      id: row.id,
      stored: row.stored,
      timestamp: row.timestamp,
      verbId: row.verbId,
      objectId: row.objectId,
      objectType: objectTypeOf(statement),
      activityId: row.activityId,
      activityName: row.activityName,
      sessionId: row.sessionId,
      sessionNumber: row.sessionNumber,
      player:
        row.playerId && row.kind && row.animalName !== null && row.publicId !== null
          ? playerRef({ ...row, playerId: row.playerId, kind: row.kind, animalName: row.animalName, publicId: row.publicId })
          : null,
      statement,
    };
  });
}

function objectTypeOf(statement: unknown): string | null {
  const object = (statement as { object?: { definition?: { type?: unknown } } } | null)?.object;
  const type = object?.definition?.type;
  return typeof type === 'string' ? type : null;
}
