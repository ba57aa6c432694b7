import type Database from 'better-sqlite3';
import type { StoredStatementRow } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { ROW_FIELDS, type WireRows } from './encode-worker/messages.js';
import type { StatementWhere } from './filters.js';
import { ORIGIN_COLUMNS, ORIGIN_JOIN, type OriginColumns } from './statement-origin.js';

/** A stored statement plus the columns the flat formats show. */
export interface ExportRow extends StoredStatementRow, OriginColumns {
  seq: number;
  sessionId: number | null;
  sessionNumber: number | null;
  activityName: string | null;
  activityCode: string | null;
  /** Whether a voiding statement took this one back (the stored rows' flag, as GET /xapi/statements honours it). */
  voided: boolean;
}

type RawRow = [
  seq: number,
  id: string,
  stored: string,
  source: StoredStatementRow['source'],
  json: string,
  sessionId: number | null,
  playerId: string | null,
  activityId: string | null,
  voided: number,
];
const ALL_COLUMNS = 's.seq, s.id, s.stored, s.source, s.json, s.session_id, s.player_id, s.activity_id, s.voided';

type WireRawRow = [
  id: string,
  stored: string,
  source: StoredStatementRow['source'],
  json: string,
  sessionId: number | null,
  playerId: string | null,
];

interface PlayerColumns {
  playerPublicId: string | null;
  playerKind: StoredStatementRow['playerKind'];
}
interface SessionColumns {
  sessionNumber: number | null;
  gameId: string | null;
  versionId: string | null;
  versionLink: string | null;
  originHomePage: string | null;
  originNamespace: string | null;
  originGameId: string | null;
}
interface ActivityColumns {
  activityName: string | null;
  activityCode: string | null;
}

const NO_PLAYER: PlayerColumns = { playerPublicId: null, playerKind: null };
const NO_SESSION: SessionColumns = { sessionNumber: null, gameId: null, versionId: null, versionLink: null, originHomePage: null, originNamespace: null, originGameId: null };
const NO_ACTIVITY: ActivityColumns = { activityName: null, activityCode: null };

// Looked-up rows kept per table; a store has few sessions, players and activities per many statements, and the
// caches start afresh past this size so memory stays bounded whatever the store holds.
const MAX_CACHED = 50_000;

export function countStatements(db: Db, where: StatementWhere): number {
  // Unfiltered, the rows alone: the statements view joins each row to its batch, 24 ms for a term's 500,000 statements
  // on every visit of Data and every count the dashboard asked for; every row has its batch, so the count is the same.
  const sql = where.sql === '' ? 'SELECT count(*) AS n FROM statement_rows' : `SELECT count(*) AS n FROM statements s ${where.sql}`;
  const row = db.prepare(sql).get(...where.params) as { n: number };
  return row.n;
}

/**
 * Streams rows in storage order. `.iterate()` keeps one row in memory at a time; the connection stays busy until
 * the iterator finishes, so callers inside the server use a read connection of their own (openReadConnection).
 * The statements are read alone and their session's, player's and activity's columns looked up once each and
 * remembered: the same LEFT JOINs (a missing row gives nulls) at a fraction of the cost of joining every row.
 */
export function* iterateStatements(db: Db, where: StatementWhere, afterSeq = 0): Generator<ExportRow> {
  const { rows, players, sessions, activities } = statementReader<RawRow>(db, where, afterSeq, ALL_COLUMNS);
  for (const [seq, id, stored, source, json, sessionId, playerId, activityId, voided] of rows) {
    const player = players(playerId);
    const session = sessions(sessionId);
    const activity = activities(activityId);
    yield {
      seq,
      id,
      stored,
      source,
      json,
      playerPublicId: player.playerPublicId,
      playerKind: player.playerKind,
      gameId: session.gameId,
      versionId: session.versionId,
      versionLink: session.versionLink,
      originHomePage: session.originHomePage,
      originNamespace: session.originNamespace,
      originGameId: session.originGameId,
      sessionId,
      sessionNumber: session.sessionNumber,
      activityName: activity.activityName,
      activityCode: activity.activityCode,
      voided: voided === 1,
    };
  }
}

/**
 * The same rows in batches of `batchRows`, each a flat array of the fields the statement encoder reads (wire form,
 * ROW_FIELDS per row): for the encoding thread, without an object per row on the way.
 */
export function* iterateWireBatches(db: Db, where: StatementWhere, batchRows: number): Generator<WireRows> {
  // Only the columns the encoder needs: each column read costs ~0.3 µs per row on the thread that also writes.
  const { rows, players, sessions } = statementReader<WireRawRow>(db, where, 0, 's.id, s.stored, s.source, s.json, s.session_id, s.player_id');
  let batch: WireRows = [];
  for (const [id, stored, source, json, sessionId, playerId] of rows) {
    const player = players(playerId);
    const session = sessions(sessionId);
    batch.push(
      id,
      stored,
      source,
      json,
      player.playerPublicId,
      player.playerKind,
      session.gameId,
      session.versionId,
      session.versionLink,
      session.originHomePage,
      session.originNamespace,
      session.originGameId,
    );
    if (batch.length >= batchRows * ROW_FIELDS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function statementReader<Row extends unknown[]>(db: Db, where: StatementWhere, afterSeq: number, columns: string) {
  const clause = where.sql === '' ? 'WHERE s.seq > ?' : `${where.sql} AND s.seq > ?`;
  const statement = db.prepare(`SELECT ${columns} FROM statements s ${clause} ORDER BY s.seq`).raw(true) as Database.Statement<unknown[], Row>;
  return {
    rows: statement.iterate(...where.params, afterSeq),
    players: lookup<string, PlayerColumns>(
      db.prepare('SELECT public_id AS playerPublicId, kind AS playerKind FROM players WHERE id = ?'),
      NO_PLAYER,
    ),
    sessions: lookup<number, SessionColumns>(
      db.prepare(`SELECT se.number AS sessionNumber, v.game_id AS gameId, v.id AS versionId, v.link AS versionLink, ${ORIGIN_COLUMNS}
      FROM sessions se LEFT JOIN versions v ON v.id = se.version_id ${ORIGIN_JOIN} WHERE se.id = ?`),
      NO_SESSION,
    ),
    activities: lookup<string, ActivityColumns>(
      db.prepare('SELECT name AS activityName, tracking_code AS activityCode FROM activities WHERE id = ?'),
      NO_ACTIVITY,
    ),
  };
}

function lookup<K extends string | number, T>(query: Database.Statement, missing: T): (key: K | null) => T {
  const cache = new Map<K, T>();
  return (key) => {
    if (key === null) return missing;
    let found = cache.get(key);
    if (found === undefined) {
      found = (query.get(key) as T | undefined) ?? missing;
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(key, found);
    }
    return found;
  };
}
