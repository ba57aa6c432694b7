import { canonicalJson } from '../util/canonical-json.js';
import type { ActivityCounters } from './activity-counters.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { type SessionContext, touchSession } from './sessions-repo.js';
import { findStatementSeq, isReservedStatementId } from './statement-ids.js';
import { insertBatch, insertPlainRows, insertRow, type StoredBatch } from './statement-rows.js';

/** What the dashboard keeps per session, taken from the statements as they are stored. */
export interface StatementSummary {
  verbId: string | null;
  objectId: string | null;
  /** `definition.type` of that object: Java and C# trackers name the type only there. */
  objectType: string | null;
  progress: number | null;
  /** The progress is the game's own (its `serious-game` object, or ADL's `game` / `course`: whole-game.ts), not a level's. */
  progressOfGame: boolean;
  completion: boolean | null;
  success: boolean | null;
  score: number | null;
  /** The object whose outcome success and score are (a statement with either), and its type. */
  resultObjectId: string | null;
  resultObjectType: string | null;
  /** The outcome is the game's own (its `serious-game`, ADL `game` or `course` object), not a level's. */
  resultOfGame: boolean;
}

export interface IncomingStatement {
  /** `id` as the client sent it, when it is a string. */
  clientId: string | null;
  /** The statement to store (augmented), serialised once. */
  json: string;
  /** Key-order-free form for the idempotent re-send check; only computed when the client sent an id. */
  canonical: string | null;
  registration: string | null;
  timestamp: string | null;
  summary: StatementSummary;
}

/** What the writer needs of a batch's session: the rest of its context stays on the event loop's side. */
export type BatchSession = Pick<SessionContext, 'sessionId' | 'activityId' | 'playerId'>;

export interface IngestBatch {
  session: BatchSession;
  statements: IncomingStatement[];
  /** Hash of the raw request body: a byte-identical re-send of the previous batch is stored once (C-6.6 MAY). */
  bodyHash: string | null;
  source: 'rage' | 'xapi';
  /** The statements' summaries merged already (batch-wire.ts), for a batch none of whose statements has an id. */
  summary?: StatementSummary;
}

/** Track answers "Success." whatever ids the statements got, so none are sent back from the writer thread. */
export interface IngestResult {
  stored: number;
  skipped: number;
  /** The seq of the last statement stored, 0 when none was: what the results have caught up to once they fold it. */
  lastSeq: number;
  /** Positions in the batch of the statements not stored again (idempotent re-sends), when there are any. */
  skippedAt?: number[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Runs inside the write queue's transaction; `activities`: the group's deferred activity counts. `now` is the wall
 * clock (the session's last seen), `stored` the batch's stored when the clock was set back since (stored-clock.ts).
 */
export function ingestBatch(db: Db, batch: IngestBatch, now: string, activities: ActivityCounters, storedAt: string = now): IngestResult {
  const { session } = batch;
  if (batch.bodyHash) {
    const last = prepared<[number], { hash: string | null }>(
      db,
      'SELECT last_body_hash AS hash FROM sessions WHERE id = ?',
    ).get(session.sessionId);
    if (last?.hash === batch.bodyHash) {
      touchSession(db, session.sessionId, now);
      return { stored: 0, skipped: batch.statements.length, lastSeq: 0 };
    }
  }
  const newBatch = (): StoredBatch =>
    insertBatch(db, { sessionId: session.sessionId, activityId: session.activityId, playerId: session.playerId, stored: storedAt, source: batch.source });
  // A batch that crossed with its summaries merged has no ids (batch-wire.ts): no need to look at each statement.
  if (batch.summary || batch.statements.every((statement) => statement.clientId === null)) return ingestPlain(db, batch, newBatch(), now, activities);
  // Written with the first statement kept: a batch that only re-sends what is stored leaves no row behind.
  let requestBatch: StoredBatch | undefined;
  let stored = 0;
  let lastSeq = 0;
  const skippedAt: number[] = [];
  const summary = emptySummary();
  for (const [position, statement] of batch.statements.entries()) {
    if (statement.clientId !== null && isIdempotentResend(db, session.sessionId, statement)) {
      skippedAt.push(position);
      continue;
    }
    const keptId = clientIdToKeep(db, statement.clientId);
    requestBatch ??= newBatch();
    lastSeq = insertRow(db, requestBatch, {
      id: keptId,
      clientId: statement.clientId,
      verbId: statement.summary.verbId,
      objectId: statement.summary.objectId,
      registration: statement.registration,
      timestamp: statement.timestamp,
      json: statement.json,
    });
    stored++;
    mergeSummary(summary, statement.summary);
  }
  applyCounters(db, session, stored, summary, now, batch.bodyHash, activities);
  return { stored, skipped: skippedAt.length, lastSeq, ...(skippedAt.length > 0 ? { skippedAt } : {}) };
}

/** A batch none of whose statements came with an id (what games send): nothing to compare, all of it is stored. */
function ingestPlain(db: Db, batch: IngestBatch, stored: StoredBatch, now: string, activities: ActivityCounters): IngestResult {
  const rows = batch.statements.map((statement) => ({
    verbId: statement.summary.verbId,
    objectId: statement.summary.objectId,
    registration: statement.registration,
    timestamp: statement.timestamp,
    json: statement.json,
  }));
  const lastSeq = insertPlainRows(db, stored, rows);
  let summary = batch.summary;
  if (!summary) {
    summary = emptySummary();
    for (const statement of batch.statements) mergeSummary(summary, statement.summary);
  }
  applyCounters(db, batch.session, rows.length, summary, now, batch.bodyHash, activities);
  return { stored: rows.length, skipped: 0, lastSeq };
}

function isIdempotentResend(db: Db, sessionId: number, statement: IncomingStatement): boolean {
  const previous = prepared<[number, string], { json: string }>(
    db,
    'SELECT json FROM statements WHERE session_id = ? AND client_id = ?',
  ).all(sessionId, statement.clientId as string);
  return previous.some((row) => canonicalJson(JSON.parse(row.json)) === statement.canonical);
}

/**
 * The client's UUID when it is valid and unused (xapi.md N-1), else null: Aula assigns one, derived from the row's
 * seq (statement-ids.ts). The client's value stays in client_id either way.
 */
function clientIdToKeep(db: Db, clientId: string | null): string | null {
  if (clientId === null || !isUuid(clientId)) return null;
  const lower = clientId.toLowerCase();
  if (findStatementSeq(db, lower) !== undefined || isReservedStatementId(db, lower)) return null;
  return lower;
}

export function emptySummary(): StatementSummary {
  return {
    verbId: null,
    objectId: null,
    objectType: null,
    progress: null,
    progressOfGame: false,
    completion: null,
    success: null,
    score: null,
    resultObjectId: null,
    resultObjectType: null,
    resultOfGame: false,
  };
}

/**
 * A batch's summary as the session keeps it: each fact from the last statement that has it. Progress is the game's
 * once the game has reported one: a game that also reports its levels' progress made the bar jump between the two,
 * and a finished first level showed the student at 100 %. The outcome (success and score) likewise, and it is one
 * object's: a statement about another object replaces both, one about the same object adds what it has.
 * `applyCounters` does the same to the session's row.
 */
export function mergeSummary(into: StatementSummary, next: StatementSummary): void {
  into.verbId = next.verbId ?? into.verbId;
  if (next.objectId !== null) {
    into.objectId = next.objectId;
    into.objectType = next.objectType;
  }
  if ((next.success !== null || next.score !== null) && (next.resultOfGame || !into.resultOfGame)) {
    const sameObject = next.resultObjectId === into.resultObjectId;
    into.success = next.success ?? (sameObject ? into.success : null);
    into.score = next.score ?? (sameObject ? into.score : null);
    into.resultObjectId = next.resultObjectId;
    into.resultObjectType = next.resultObjectType;
    into.resultOfGame = next.resultOfGame;
  }
  if (next.progress !== null && (next.progressOfGame || !into.progressOfGame)) {
    into.progress = next.progress;
    into.progressOfGame = next.progressOfGame;
  }
  into.completion = next.completion ?? into.completion;
}

/**
 * Counters are maintained, not recounted: same transaction as the inserts (DESIGN.md). The activity's are added to
 * `activities`, and written once for the whole group commit.
 */
export function applyCounters(
  db: Db,
  session: BatchSession,
  count: number,
  summary: StatementSummary,
  now: string,
  bodyHash: string | null,
  activities: ActivityCounters,
): void {
  const bool = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
  const hasResult = summary.success !== null || summary.score !== null;
  // SET expressions all read the row as it was, so `keep` and `same` see the previous outcome's object.
  const keep = '(@hasResult = 0 OR (result_of_game = 1 AND @resultOfGame = 0))';
  const same = 'result_object IS @resultObject';
  prepared(
    db,
    `UPDATE sessions SET statements = statements + @count, last_seen = @now,
       last_verb = coalesce(@verb, last_verb),
       last_object_type = CASE WHEN @object IS NULL THEN last_object_type ELSE @objectType END,
       last_object = coalesce(@object, last_object),
       progress = CASE WHEN @progress IS NULL OR (progress_of_game = 1 AND @progressOfGame = 0) THEN progress ELSE @progress END,
       progress_of_game = max(progress_of_game, @progressOfGame),
       completion = coalesce(@completion, completion),
       success = CASE WHEN ${keep} OR (@success IS NULL AND ${same}) THEN success ELSE @success END,
       score = CASE WHEN ${keep} OR (@score IS NULL AND ${same}) THEN score ELSE @score END,
       result_object = CASE WHEN ${keep} THEN result_object ELSE @resultObject END,
       result_object_type = CASE WHEN ${keep} THEN result_object_type ELSE @resultObjectType END,
       result_of_game = CASE WHEN ${keep} THEN result_of_game ELSE @resultOfGame END,
       last_body_hash = coalesce(@bodyHash, last_body_hash)
     WHERE id = @id`,
  ).run({
    count,
    now,
    verb: summary.verbId,
    object: summary.objectId,
    objectType: summary.objectType,
    progress: summary.progress,
    progressOfGame: summary.progressOfGame ? 1 : 0,
    completion: bool(summary.completion),
    hasResult: hasResult ? 1 : 0,
    success: bool(summary.success),
    score: summary.score,
    resultObject: summary.resultObjectId,
    resultObjectType: summary.resultObjectType,
    resultOfGame: summary.resultOfGame ? 1 : 0,
    bodyHash,
    id: session.sessionId,
  });
  if (count === 0) return;
  prepared(db, 'UPDATE players SET statements = statements + ?, last_seen = ? WHERE id = ?').run(
    count,
    now,
    session.playerId,
  );
  if (session.activityId) activities.add(session.activityId, count, now);
}
