import { getActivityAccess } from './activities-repo.js';
import type { ActivityCounters } from './activity-counters.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { findSessionById, openSession, type SessionContext } from './sessions-repo.js';
import { findStatementSeq, isReservedStatementId } from './statement-ids.js';
import { insertBatch, insertRow, type StoredBatch } from './statement-rows.js';
import { applyCounters, emptySummary, mergeSummary, type StatementSummary } from './statements-ingest.js';
import { type AttachmentData, AttachmentSpaceError, storeAttachments } from './xapi-attachments-repo.js';
import { playerForActor } from './xapi-players.js';

type Json = Record<string, unknown>;

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
/** Without a registration, an actor's statements more than 30 minutes apart start a new session (issue 7). */
export const SESSION_GAP_MS = 30 * 60 * 1000;

/** One validated statement, ready to store once `stored` is known. */
export interface XapiIncoming {
  id: string;
  clientId: string | null;
  /** The statement as sent: what a re-send is compared with. */
  received: Json;
  /** The statement to store, without `stored` (and without `timestamp` when the client sent none). */
  statement: Json;
  actor: Json;
  identityKey: string;
  verbId: string;
  objectId: string | null;
  refId: string | null;
  registration: string | null;
  voiding: boolean;
  summary: StatementSummary;
  agents: Array<{ key: string; related: boolean }>;
  activities: Array<{ key: string; related: boolean }>;
  /** The sha2s of the attachments whose data came with this statement (xapi-attachments-repo.ts). */
  attachments: string[];
}

/** The attachment data of a multipart/mixed request, and how much an activity may hold (config). */
export interface XapiAttachments {
  data: AttachmentData[];
  limitBytes: number;
}

export interface XapiScope {
  activityId: string;
  versionId: string;
  homePage: string;
}

export interface XapiIngestResult {
  ids: string[];
  /**
   * Per session: how many were stored, which of the batch's statements (positions) they are, and the seq of the first
   * (a request may hold several sessions' statements, so the last seq of the request is not the end of each one's).
   */
  stored: Array<{ sessionId: number; playerId: string; count: number; positions: number[]; firstSeq: number }>;
  started: Array<{ sessionId: number; playerId: string; newPlayer: boolean }>;
  /** The seq of the last statement stored, 0 when none was (see IngestResult). */
  lastSeq: number;
}

/** A failure inside the write job: the job's savepoint rolls back and the route answers with this status. */
export class XapiIngestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface StoredRow {
  json: string;
  verbId: string | null;
  refId: string | null;
  activityId: string | null;
}

/**
 * Runs inside the write queue's transaction (one savepoint per request: a throw keeps nothing of it). `activities`: the
 * group's deferred activity counts, written once at its commit (ActivityCounters). `storedMs`: the request's `stored`,
 * from the collector's clock that never goes back (stored-clock.ts); `nowMs`: the wall clock, for last seen.
 */
export function ingestXapi(
  db: Db,
  scope: XapiScope,
  batch: XapiIncoming[],
  nowMs: number,
  storedMs: number,
  equal: (stored: Json, received: Json) => boolean,
  activities: ActivityCounters,
  attachments?: XapiAttachments,
): XapiIngestResult {
  const fresh: Array<XapiIncoming & { position: number }> = [];
  for (const [position, item] of batch.entries()) {
    if (isReservedStatementId(db, item.id)) {
      throw new XapiIngestError(400, `Statement ${item.id} is invalid: this id is reserved for a statement this LRS has not stored yet`);
    }
    const existing = findStored(db, item.id);
    if (existing) {
      if (!equal(JSON.parse(existing.json) as Json, item.received)) {
        throw new XapiIngestError(409, `Statement ${item.id} already exists with different content`);
      }
      continue;
    }
    if (item.voiding && item.refId) {
      const target = findStored(db, item.refId);
      if (target && target.verbId === VOIDED_VERB && target.refId) {
        throw new XapiIngestError(400, `Statement ${item.id} is invalid: a voiding statement cannot be voided`);
      }
    }
    fresh.push({ ...item, position });
  }
  const stored = new Date(storedMs).toISOString();
  const seen = new Date(nowMs).toISOString();
  const sessions = new Map<string, { session: SessionContext; count: number; summary: StatementSummary; positions: number[]; firstSeq: number }>();
  const started: XapiIngestResult['started'] = [];
  const insertAgent = prepared(db, 'INSERT OR IGNORE INTO xapi_statement_agents (seq, ifi, related) VALUES (?, ?, ?)');
  const insertActivity = prepared(
    db,
    'INSERT OR IGNORE INTO xapi_statement_activities (seq, activity_iri, related) VALUES (?, ?, ?)',
  );
  let run: { session: SessionContext; batch: StoredBatch } | undefined;
  let lastSeq = 0;
  const attachmentRefs: Array<{ seq: number; sha2s: string[] }> = [];
  for (const item of fresh) {
    const sessionKey = `${item.identityKey}\u0000${item.registration ?? ''}`;
    let entry = sessions.get(sessionKey);
    if (!entry) {
      const session = sessionFor(db, scope, item, nowMs, stored, started);
      entry = { session, count: 0, summary: emptySummary(), positions: [], firstSeq: 0 };
      sessions.set(sessionKey, entry);
    }
    const statement: Json = { ...item.statement, stored };
    if (!('timestamp' in statement)) statement.timestamp = stored;
    const voided = !item.voiding && isVoidedLater(db, item.id, scope.activityId) ? 1 : 0;
    // A batch per run of statements of one session: a batch's rows are consecutive in seq, as everywhere else.
    if (run === undefined || run.session !== entry.session) {
      run = {
        session: entry.session,
        batch: insertBatch(db, { sessionId: entry.session.sessionId, activityId: scope.activityId, playerId: entry.session.playerId, stored, source: 'xapi' }),
      };
    }
    const seq = insertRow(db, run.batch, {
      id: item.id,
      clientId: item.clientId,
      verbId: item.verbId,
      objectId: item.objectId,
      registration: item.registration,
      timestamp: statement.timestamp as string,
      voided,
      refId: item.refId,
      json: JSON.stringify(orderKeys(statement)),
    });
    lastSeq = seq;
    if (entry.count === 0) entry.firstSeq = seq;
    if (item.attachments.length > 0) attachmentRefs.push({ seq, sha2s: item.attachments });
    for (const agent of item.agents) insertAgent.run(seq, agent.key, agent.related ? 1 : 0);
    for (const activity of item.activities) insertActivity.run(seq, activity.key, activity.related ? 1 : 0);
    if (item.voiding && item.refId) voidTarget(db, item.refId, scope.activityId);
    entry.count++;
    entry.positions.push(item.position);
    mergeSummary(entry.summary, item.summary);
  }
  if (attachments) {
    try {
      storeAttachments(db, scope.activityId, attachmentRefs, attachments.data, attachments.limitBytes);
    } catch (error) {
      if (error instanceof AttachmentSpaceError) throw new XapiIngestError(413, error.message);
      throw error;
    }
  }
  const result: XapiIngestResult = { ids: batch.map((item) => item.id), stored: [], started, lastSeq };
  for (const { session, count, summary, positions, firstSeq } of sessions.values()) {
    applyCounters(db, session, count, summary, seen, null, activities);
    result.stored.push({ sessionId: session.sessionId, playerId: session.playerId, count, positions, firstSeq });
  }
  return result;
}

function findStored(db: Db, id: string): StoredRow | undefined {
  const seq = findStatementSeq(db, id);
  if (seq === undefined) return undefined;
  return prepared<[number], StoredRow>(
    db,
    'SELECT json, verb_id AS verbId, ref_id AS refId, activity_id AS activityId FROM statements WHERE seq = ?',
  ).get(seq);
}

/** A voiding statement may arrive before its target: the target is born voided. */
function isVoidedLater(db: Db, id: string, activityId: string): boolean {
  return (
    prepared<[string, string, string], { one: number }>(
      db,
      'SELECT 1 AS one FROM statements WHERE ref_id = ? AND verb_id = ? AND activity_id = ? LIMIT 1',
    ).get(id, VOIDED_VERB, activityId) !== undefined
  );
}

function voidTarget(db: Db, targetId: string, activityId: string): void {
  const seq = findStatementSeq(db, targetId);
  if (seq === undefined) return;
  prepared(
    db,
    `UPDATE statement_rows SET voided = 1
     WHERE seq = ? AND NOT (verb_id IS ? AND ref_id IS NOT NULL) AND activity_id = ?`,
  ).run(seq, VOIDED_VERB, activityId);
}

/** Sessions from context.registration, or per actor with a 30-minute inactivity gap. */
function sessionFor(
  db: Db,
  scope: XapiScope,
  item: XapiIncoming & { position: number },
  nowMs: number,
  now: string,
  started: XapiIngestResult['started'],
): SessionContext {
  const { player, created } = playerForActor(db, item.actor, item.identityKey, scope.homePage, now);
  const existing = item.registration
    ? prepared<[string, string, string], { id: number; lastSeen: string }>(
        db,
        `SELECT id, last_seen AS lastSeen FROM sessions
         WHERE activity_id = ? AND player_id = ? AND registration = ? AND source = 'xapi' ORDER BY id DESC LIMIT 1`,
      ).get(scope.activityId, player.id, item.registration)
    : prepared<[string, string], { id: number; lastSeen: string }>(
        db,
        `SELECT id, last_seen AS lastSeen FROM sessions
         WHERE activity_id = ? AND player_id = ? AND registration IS NULL AND source = 'xapi' ORDER BY id DESC LIMIT 1`,
      ).get(scope.activityId, player.id);
  const reuse = existing && (item.registration !== null || nowMs - Date.parse(existing.lastSeen) < SESSION_GAP_MS);
  if (existing && reuse) return findSessionById(db, existing.id) as SessionContext;
  // As RAGE starts are (C-5.4): a closed activity takes what its sessions under way send, and no new session.
  if (!getActivityAccess(db, scope.activityId)?.open) {
    // Named by its place in the request, and by its id only when the game gave one: ours means nothing to it.
    const named = item.clientId === null ? `Statement ${item.position}` : `Statement ${item.position} (${item.clientId})`;
    throw new XapiIngestError(403, `${named} would start a new session, and the activity is closed: its teacher has to open it again`);
  }
  const opened = openSession(db, { activityId: scope.activityId, versionId: scope.versionId }, player, {
    source: 'xapi',
    registration: item.registration,
  });
  started.push({ sessionId: opened.sessionId, playerId: player.id, newPlayer: created });
  return findSessionById(db, opened.sessionId) as SessionContext;
}

const FIRST_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version'];

function orderKeys(statement: Json): Json {
  const out: Json = {};
  for (const key of FIRST_KEYS) if (key in statement) out[key] = statement[key];
  for (const [key, value] of Object.entries(statement)) if (!(key in out)) out[key] = value;
  return out;
}
