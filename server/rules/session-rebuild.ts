import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { evaluateStatement, type RuleEffect } from './evaluate.js';
import { storedStatementFact } from './rule-facts.js';
import type { RuleSettings } from './rule-settings.js';
import { newSessionState, type SessionRuleState } from './session-state.js';

/**
 * At most this many of a session's latest statements are read back, once per session: a lesson's session has a few
 * hundred to a few thousand, read in some tens of milliseconds of the event loop (20,000 took half a second and more,
 * with every game's request waiting). Beyond it, counts over the whole session (wrong answers in total) start there.
 */
const READ_BACK_LIMIT = 5_000;

export interface RebuildRange {
  /** The session's statements up to this seq are read back: later ones reach the engine as they are stored. */
  through: number;
  /**
   * Statements after `flushedThrough`, up to `unflushedThrough`, were stored but the alerts they raised or cleared were
   * never written (Aula stopped within a fifth of a second of them): their effects are returned, to be written now.
   */
  flushedThrough: number;
  unflushedThrough: number;
  /**
   * ...and were stored at or after this time (ms): the moments before Aula stopped, not a whole day stored while the
   * rules were switched off (AULA_RULES=off), whose alerts are not news any more.
   */
  unflushedSince: number;
}

export interface RebuiltSession {
  state: SessionRuleState;
  /** What the statements after the last write of alerts decided (see RebuildRange). */
  effects: RuleEffect[];
}

interface SessionRow {
  started: string;
  ended: string | null;
  completion: number | null;
}

interface AlertRow {
  key: string;
  raised: string;
  cleared: string | null;
  acknowledged: string | null;
}

/**
 * A session's rule state as an engine that never stopped would hold it: its stored statements evaluated again in order,
 * at the times they were stored, and what its alerts say (raised and still active, acknowledged, the wrong-answer total
 * already reported) taken from the alerts table. Times are those of the store; the caller shifts them past the time
 * Aula was not watching.
 */
export function rebuildSessionState(
  db: Db,
  settings: RuleSettings,
  ids: { activityId: string; sessionId: number; playerId: string },
  range: RebuildRange,
  now: number,
): RebuiltSession {
  const session = prepared<[number], SessionRow>(db, 'SELECT started, ended, completion FROM sessions WHERE id = ?').get(ids.sessionId);
  const state = newSessionState(ids.activityId, ids.sessionId, ids.playerId, session ? Date.parse(session.started) : now);
  const effects: RuleEffect[] = [];
  if (!session) return { state, effects };
  const rows = prepared<[number, number, number], { seq: number; json: string; stored: string }>(
    db,
    `SELECT r.seq, r.json, b.stored FROM statement_batches b JOIN statement_rows r ON r.batch_id = b.id
      WHERE b.session_id = ? AND r.seq <= ? ORDER BY b.id DESC, r.seq DESC LIMIT ?`,
  )
    // Newest first along the indexes, so the limit stops the reading (a sort by seq read the whole session first).
    .all(ids.sessionId, range.through, READ_BACK_LIMIT)
    .reverse();
  let alertsRead = false;
  for (const row of rows) {
    const stored = Date.parse(row.stored);
    const unflushed = row.seq > range.flushedThrough && row.seq <= range.unflushedThrough && stored >= range.unflushedSince;
    if (unflushed && !alertsRead) {
      takeAlertsAsStored(db, state);
      alertsRead = true;
    }
    // `stored` never goes back (docs/clock.md): after the laptop's clock was set back it runs ahead of the clock the
    // rules count silence on, and a student would not be idle until the clock caught up. Never later than now, then.
    const decided = evaluateStatement(settings, state, storedStatementFact(row.json), Math.min(stored, now));
    if (unflushed) effects.push(...decided);
  }
  if (!alertsRead) takeAlertsAsStored(db, state);
  state.ended = session.ended !== null;
  // What Live and Diagnostics show, the session's own (finished-game.ts): it says the same of the statements read back,
  // and of those beyond READ_BACK_LIMIT too.
  state.finishedGame = session.completion === 1;
  return { state, effects };
}

/**
 * The session's alerts as written replace what evaluating its statements again guessed: what is still raised, that the
 * wrong-answer total was reported once already (even if acknowledged since), and an idle or no-progress alert the
 * teacher acknowledged for the silence that is still going on.
 */
function takeAlertsAsStored(db: Db, state: SessionRuleState): void {
  const alerts = prepared<[string, number], AlertRow>(
    db,
    'SELECT rule_key AS key, raised, cleared, acknowledged FROM alerts WHERE player_id = ? AND session_id = ? ORDER BY id',
  ).all(state.playerId, state.sessionId);
  state.active = new Set(alerts.filter((alert) => alert.cleared === null && alert.acknowledged === null).map((alert) => alert.key));
  state.wrongTotalFired = alerts.some((alert) => alert.key === 'wrong-total');
  const idle = alerts.findLast((alert) => alert.key === 'idle');
  if (idle?.acknowledged && idle.cleared === null && Date.parse(idle.raised) >= state.lastSeen) state.idleAcknowledged = state.lastSeen;
  const stuck = alerts.findLast((alert) => alert.key === 'no-progress');
  if (stuck?.acknowledged && stuck.cleared === null && Date.parse(stuck.raised) >= state.lastProgress) {
    state.noProgressAcknowledged = state.lastProgress;
  }
}
