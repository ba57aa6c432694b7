import { wording } from '../i18n/wording.js';
import { ResultsAccumulator, writeDeltas } from '../results/results-accumulator.js';
import { markResultsFolded } from '../results/results-watermark.js';
import { statementFact } from '../rules/rule-facts.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { findStatementSeq, isReservedStatementId } from '../store/statement-ids.js';
import { insertBatch, insertRow } from '../store/statement-rows.js';
import { canonicalJson } from '../util/canonical-json.js';
import { activityIndex, agentIndex } from '../xapi/statement-index.js';
import type { StatementRow } from './bundle-rows.js';
import { addNote, type ImportReport } from './import-report.js';
import { ERASED, type IdMaps } from './import-tables.js';
import { recount, type Touched } from './recount.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One chunk of statements, inside one write transaction: a statement whose id is here already is compared (same
 * content: already there; different: a conflict, kept as it is here), the others are inserted with their links
 * mapped, indexed for xAPI queries, folded into the per-student results, and the counters of everything the chunk
 * touched are recounted before the transaction commits. Re-running a chunk finds its statements already there.
 * A statement keeps the `stored` of the laptop that collected it (what exports and uploads carry), and gets
 * `storedHere`, when this installation stored it, which an xAPI client reading with `since` goes by (docs/clock.md).
 */
export function importStatementChunk(db: Db, rows: StatementRow[], maps: IdMaps, report: ImportReport, now: string, storedHere: string): Touched {
  const touched: Touched = { activities: new Set(), players: new Set(), gameplays: new Set(), sessions: new Set() };
  const results = new ResultsAccumulator();
  const jsonAt = prepared<[number], { json: string }>(db, 'SELECT json FROM statement_rows WHERE seq = ?');
  const insertAgent = prepared(db, 'INSERT OR IGNORE INTO xapi_statement_agents (seq, ifi, related) VALUES (?, ?, ?)');
  const insertActivity = prepared(db, 'INSERT OR IGNORE INTO xapi_statement_activities (seq, activity_iri, related) VALUES (?, ?, ?)');
  let inserted: { first: number; last: number } | undefined;
  for (const row of rows) {
    const statement = JSON.parse(row.json) as unknown;
    const hereSeq = findStatementSeq(db, row.id);
    const here = hereSeq === undefined ? undefined : jsonAt.get(hereSeq);
    if (here) {
      if (canonicalJson(JSON.parse(here.json)) === canonicalJson(statement)) report.alreadyThere.statements++;
      else addNote(report, { kind: 'statements', id: row.id, type: 'conflict', message: wording('importNote.statementConflict') });
      continue;
    }
    if ((row.session_id !== null && maps.erased.sessions.has(row.session_id)) || (row.player_id !== null && maps.erased.players.has(row.player_id))) {
      addNote(report, { kind: 'statements', id: row.id, type: 'skipped', message: ERASED });
      continue;
    }
    const sessionId = row.session_id === null ? null : maps.sessions.get(row.session_id);
    const activityId = row.activity_id === null ? null : maps.activities.get(row.activity_id);
    const playerId = row.player_id === null ? null : maps.players.get(row.player_id);
    if (sessionId === undefined || activityId === undefined || playerId === undefined) {
      addNote(report, { kind: 'statements', id: row.id, type: 'skipped', message: wording('importNote.statementMissing') });
      continue;
    }
    if (isReservedStatementId(db, row.id)) {
      addNote(report, { kind: 'statements', id: row.id, type: 'skipped', message: wording('importNote.statementReserved') });
      continue;
    }
    const object = isObject(statement) ? statement.object : undefined;
    const refId = isObject(object) && object.objectType === 'StatementRef' && typeof object.id === 'string' ? object.id : null;
    const batch = insertBatch(db, { sessionId, activityId, playerId, stored: row.stored, source: row.source, storedHere });
    const seq = insertRow(db, batch, {
      id: row.id,
      clientId: row.client_id,
      verbId: row.verb_id,
      objectId: row.object_id,
      registration: row.registration,
      timestamp: row.timestamp,
      voided: row.voided,
      refId,
      json: row.json,
    });
    // xAPI statements are found by agent and activity in GET /xapi/statements; RAGE ones never are (as when received).
    if (row.source === 'xapi' && isObject(statement)) {
      for (const agent of agentIndex(statement)) insertAgent.run(seq, agent.key, agent.related ? 1 : 0);
      for (const activity of activityIndex(statement)) insertActivity.run(seq, activity.key, activity.related ? 1 : 0);
    }
    if (activityId && playerId) results.add(activityId, playerId, statementFact(statement));
    inserted = { first: inserted?.first ?? seq, last: seq };
    report.added.statements++;
    if (sessionId !== null) touched.sessions.add(sessionId);
    if (activityId) touched.activities.add(activityId);
    if (playerId) touched.players.add(playerId);
  }
  if (!results.isEmpty) {
    const deltas = results.take();
    writeDeltas(db, deltas.results, deltas.answers, now);
  }
  // The chunk holds the write lock, so every seq in between is one of its own: the collector's catch-up skips them.
  if (inserted) markResultsFolded(db, inserted.first, inserted.last);
  recount(db, touched);
  return touched;
}
