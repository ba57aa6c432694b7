import type { ActivityErasureCounts, ActivityErasurePreview, ActivityErasureReport } from '../admin/api-types.js';
import { type Wording, word, wording } from '../i18n/wording.js';
import { erasedTokenHashes, rememberErasedTokens } from '../store/erased-session-tokens.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { deleteStatements } from '../store/statement-rows.js';
import { revokeXapiCredentials } from '../store/xapi-credentials-repo.js';
import { playerLeftWithNothing } from './player-left-with-nothing.js';

/**
 * A session that sent something this recently and has not ended is a game still playing: erasing under it would
 * leave it writing into a session that is gone (its statements refused from then on) while the student keeps
 * playing. The trackers seldom end a session, so "recently" is what tells.
 */
export const LIVE_SESSION_MINUTES = 5;

export class ActivityErasureError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(
    readonly reason: 'activity-not-found' | 'nothing-to-erase' | 'games-playing',
    said: Wording,
  ) {
    super(word(said));
    this.wording = said;
  }
}

export type { ActivityErasureCounts, ActivityErasurePreview, ActivityErasureReport };

interface Target {
  id: string;
  trackingCode: string;
  name: string;
  open: boolean;
}

function findTarget(db: Db, activity: string): Target {
  const found = prepared<[string, string], { id: string; trackingCode: string; name: string; open: number }>(
    db,
    'SELECT id, tracking_code AS trackingCode, name, open FROM activities WHERE tracking_code = ? OR id = ?',
  ).get(activity, activity);
  if (!found) throw new ActivityErasureError('activity-not-found', wording('erasure.noActivitySeeList', { activity }));
  return { ...found, open: found.open === 1 };
}

/** Games still sending to the activity: their sessions heard from in the last LIVE_SESSION_MINUTES and not ended. */
function refuseWhilePlaying(db: Db, target: Target, nowMs: number): void {
  const since = new Date(nowMs - LIVE_SESSION_MINUTES * 60_000).toISOString();
  const live =
    // A session imported from another laptop (origin_id set) is played there, never here: its last_seen is no game.
    prepared<[string, string], { n: number }>(
      db,
      'SELECT count(*) AS n FROM sessions WHERE activity_id = ? AND ended IS NULL AND last_seen > ? AND origin_id IS NULL',
    ).get(
      target.id,
      since,
    )?.n ?? 0;
  if (live === 0) return;
  const code = target.trackingCode;
  throw new ActivityErasureError(
    'games-playing',
    wording('erasure.gamesPlaying', {
      count: live,
      name: target.name,
      code,
      minutes: LIVE_SESSION_MINUTES,
      next: target.open ? wording('erasure.closeFirst', { code, minutes: LIVE_SESSION_MINUTES }) : wording('erasure.leaveFirst', { minutes: LIVE_SESSION_MINUTES }),
    }),
  );
}

/**
 * The seqs of every statement of the activity, in a temp table: those stored under its id and those of its
 * sessions (whatever their activity column says).
 */
function collectStatements(db: Db, activityId: string): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_seq (seq INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.erase_seq');
  db.prepare('INSERT INTO temp.erase_seq (seq) SELECT seq FROM statement_rows WHERE activity_id = ?').run(activityId);
  db.prepare('INSERT OR IGNORE INTO temp.erase_seq (seq) SELECT seq FROM statements WHERE session_id IN (SELECT id FROM sessions WHERE activity_id = ?)').run(
    activityId,
  );
}

/**
 * Players of the activity with nothing left anywhere once it is erased, by the rule an erasure in one activity follows
 * (player-left-with-nothing.ts): no session, statement, result, answer or alert elsewhere, and no refused request
 * naming them that stays (a roster student's failed login, a start another activity refused them), so that `aula
 * player erase` can still take those. One rule for both: the two had drifted apart.
 */
function playersLeftWithNothing(db: Db, activityId: string): string[] {
  return prepared<[string], { id: string }>(db, 'SELECT DISTINCT player_id AS id FROM gameplays WHERE scope_id = ?')
    .all(activityId)
    .map((player) => player.id)
    .filter((playerId) => playerLeftWithNothing(db, playerId, activityId));
}

/**
 * The activity's refused requests (parameters @activity and @code): those of its sessions, and the starts and xAPI
 * requests refused with its tracking code. Found through the indexes by session and by code (migrations 12 and 25),
 * whose partial WHERE `route IN ('start', 'xapi')` this one repeats as written.
 */
export const ACTIVITY_REFUSALS_WHERE =
  "session_id IN (SELECT id FROM sessions WHERE activity_id = @activity) OR (route IN ('start', 'xapi') AND sample = @code)";

function count(db: Db, target: Target): ActivityErasureCounts {
  const one = (sql: string) => prepared<[{ activity: string; code: string }], { n: number }>(db, sql).get({ activity: target.id, code: target.trackingCode })?.n ?? 0;
  collectStatements(db, target.id);
  const inSeqs = 'statement_seq IN (SELECT seq FROM temp.erase_seq)';
  return {
    statements: one('SELECT count(*) AS n FROM temp.erase_seq'),
    sessions: one('SELECT count(*) AS n FROM sessions WHERE activity_id = @activity'),
    players: one('SELECT count(*) AS n FROM gameplays WHERE scope_id = @activity'),
    playersRemoved: playersLeftWithNothing(db, target.id).length,
    results: one('SELECT count(*) AS n FROM results WHERE activity_id = @activity'),
    alerts: one('SELECT count(*) AS n FROM alerts WHERE activity_id = @activity'),
    refusedRequests: one(`SELECT count(*) AS n FROM rejected_requests WHERE ${ACTIVITY_REFUSALS_WHERE}`),
    uploadStates: one(`SELECT count(*) AS n FROM upload_state WHERE ${inSeqs}`),
    uploaded: one(`SELECT count(*) AS n FROM upload_state WHERE state = 'sent' AND ${inSeqs}`),
  };
}

/** What erasing the activity's data would remove, without removing it (for the confirmation). */
export function previewActivityErasure(db: Db, activity: string): ActivityErasurePreview {
  const target = findTarget(db, activity);
  // Read in one transaction, so the counts agree with each other while games write.
  const counts = db.transaction(() => count(db, target)).deferred();
  return { activityId: target.id, trackingCode: target.trackingCode, name: target.name, open: target.open, ...counts };
}

/**
 * Erases every trace games left in one activity, inside one write transaction, with the same guarantees as erasing a
 * player: statements (with their xAPI index rows and upload state), sessions, gameplays, results, answers, alerts and
 * refused-request samples go; every maintained counter is brought down by exactly what went; players left with no
 * data anywhere are removed (a student's login account is the roster's, and stays); the erasure log keeps when, by
 * whom, what and how many, never who. The activity itself stays, closed and empty (its name, code, class and rules
 * are the teacher's, not the students' data), and `aula activity delete` can delete it afterwards.
 * Refused while a game still plays in it. Call inside a write transaction with `secure_delete` on.
 */
export function eraseActivity(db: Db, activity: string, erasedBy: string, nowMs: number): ActivityErasureReport {
  const target = findTarget(db, activity);
  refuseWhilePlaying(db, target, nowMs);
  const counts = count(db, target);
  if (counts.sessions === 0 && counts.statements === 0 && counts.players === 0) {
    throw new ActivityErasureError('nothing-to-erase', wording('erasure.activityNoData', { name: target.name, code: target.trackingCode }));
  }
  const params = { activity: target.id, code: target.trackingCode };
  const time = new Date(nowMs).toISOString();
  const sessionIds = db.prepare<[string], { id: number }>('SELECT id FROM sessions WHERE activity_id = ?').all(target.id).map((s) => s.id);
  // A game still sending afterwards is refused without keeping what it sends (erased-session-tokens.ts).
  const tokens = erasedTokenHashes(db, JSON.stringify(sessionIds));
  const gameplayIds = db.prepare<[string], { id: string }>('SELECT id FROM gameplays WHERE scope_id = ?').all(target.id).map((g) => g.id);
  const removed = playersLeftWithNothing(db, target.id);
  // Players who stay lose this activity's statements from their own count.
  const perPlayer = db
    .prepare<[], { playerId: string | null; n: number }>(
      'SELECT player_id AS playerId, count(*) AS n FROM statements WHERE seq IN (SELECT seq FROM temp.erase_seq) GROUP BY player_id',
    )
    .all();
  const anonymous =
    db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM gameplays g JOIN players p ON p.id = g.player_id WHERE g.scope_id = ? AND p.kind = 'anonymous'").get(target.id)
      ?.n ?? 0;

  // Upload state first: nothing may point at a statement that is gone.
  db.exec('DELETE FROM upload_state WHERE statement_seq IN (SELECT seq FROM temp.erase_seq)');
  deleteStatements(db, 'temp.erase_seq');
  db.exec('DELETE FROM temp.erase_seq');
  db.prepare(`DELETE FROM rejected_requests WHERE ${ACTIVITY_REFUSALS_WHERE}`).run(params);
  db.prepare('DELETE FROM results WHERE activity_id = ?').run(target.id);
  db.prepare('DELETE FROM answer_counts WHERE activity_id = ?').run(target.id);
  db.prepare('DELETE FROM alerts WHERE activity_id = ?').run(target.id);
  db.prepare('DELETE FROM sessions WHERE activity_id = ?').run(target.id);
  db.prepare('DELETE FROM gameplays WHERE scope_id = ?').run(target.id);

  db.prepare(
    `UPDATE activities SET statements = max(0, statements - ?), sessions = max(0, sessions - ?), players = max(0, players - ?),
       anonymous_players = max(0, anonymous_players - ?) WHERE id = ?`,
  ).run(counts.statements, counts.sessions, counts.players, anonymous, target.id);
  const decrement = db.prepare('UPDATE players SET statements = max(0, statements - ?) WHERE id = ?');
  for (const row of perPlayer) if (row.playerId) decrement.run(row.n, row.playerId);
  const removePlayer = db.prepare('DELETE FROM players WHERE id = ?');
  for (const playerId of removed) removePlayer.run(playerId);
  // No new session may refill what was just emptied; closed here without the backup a close from the dashboard makes.
  if (target.open) db.prepare('UPDATE activities SET open = 0, closed = ? WHERE id = ?').run(time, target.id);
  // A closed activity still takes xAPI statements (closing refuses new RAGE sessions only): its keys stop working too.
  const xapiRevoked = revokeXapiCredentials(db, target.id);

  const id = Number(
    db
      .prepare(
        `INSERT INTO erasures (time, erased_by, scope, activity_id, player_kind, statements, sessions, gameplays, results, alerts, uploaded,
           refused_requests, players_removed)
         VALUES (?, ?, 'whole-activity', ?, 'all', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        time,
        erasedBy,
        target.id,
        counts.statements,
        counts.sessions,
        counts.players,
        counts.results,
        counts.alerts,
        counts.uploaded,
        counts.refusedRequests,
        counts.playersRemoved,
      ).lastInsertRowid,
  );
  // Kept so that a bundle made before the erasure cannot bring the data back (import-tables.ts leaves them out).
  const remember = db.prepare('INSERT OR IGNORE INTO erased_ids (kind, id, erasure_id) VALUES (?, ?, ?)');
  for (const gameplayId of gameplayIds) remember.run('gameplay', gameplayId, id);
  for (const playerId of removed) remember.run('player', playerId, id);
  rememberErasedTokens(db, tokens, id);

  return {
    id,
    time,
    scope: 'whole-activity',
    activityId: target.id,
    trackingCode: target.trackingCode,
    name: target.name,
    closed: target.open,
    xapiRevoked,
    sessionIds,
    ...counts,
  };
}
