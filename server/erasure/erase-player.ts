import type { ErasureCounts } from '../admin/api-types.js';
import { type Wording, word, wording } from '../i18n/wording.js';
import { erasedTokenHashes, rememberErasedTokens } from '../store/erased-session-tokens.js';
import { findPlayer } from '../store/find-player.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { deleteStatements } from '../store/statement-rows.js';
import { playerLeftWithNothing } from './player-left-with-nothing.js';
import { countPlayerRefusals, deletePlayerRefusals, playerRefusals } from './player-refusals.js';

export type { ErasureCounts };

export class ErasureError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(
    readonly reason: 'player-not-found' | 'player-ambiguous' | 'activity-not-found' | 'nothing-to-erase',
    said: Wording,
  ) {
    super(word(said));
    this.wording = said;
  }
}

export interface ErasureTarget {
  /**
   * The public playerId (anonymous id or username), the internal player id, or an xAPI player's e-mail address or
   * account name (a request to erase "ana@school.org" names her by what the family knows).
   */
  player: string;
  /** Tracking code or activity id; absent = everywhere. */
  activity?: string | undefined;
}

/** What an erasure removes beyond what the erasure log counts. */
export interface PlayerRefusalCounts {
  /**
   * Refused requests that went with the player: those of their sessions, and a roster student's that name them by
   * username (failed logins, refused starts; in one activity, only its refused starts). The erasure log keeps it
   * (`refusedRequests`, null on an erasure made before it did).
   */
  refusedRequests: number;
}

export interface ErasureReport extends ErasureCounts, PlayerRefusalCounts {
  id: number | null;
  time: string;
  scope: 'everywhere' | 'activity';
  activityId: string | null;
  activityIds: string[];
  sessionIds: number[];
  playerKind: 'anonymous' | 'identified';
  /**
   * Whether the player record itself went: always when erasing everywhere, and when erasing in one activity took the
   * last of their data (player-left-with-nothing.ts).
   */
  playerRemoved: boolean;
}

interface Resolved {
  playerId: string;
  kind: 'anonymous' | 'identified';
  activityId: string | null;
}

function resolvePlayer(db: Db, typed: string): { id: string; kind: 'anonymous' | 'identified' } {
  const byId = prepared<[string], { id: string; kind: 'anonymous' | 'identified' }>(db, 'SELECT id, kind FROM players WHERE id = ?');
  const found = findPlayer(db, typed);
  if ('player' in found) return found.player;
  const internal = byId.get(typed);
  if (internal) return internal;
  if (found.candidates.length === 0) throw new ErasureError('player-not-found', wording('erasure.noPlayer', { player: typed }));
  // Nothing is erased on a guess: the one to erase is named by its playerId.
  const listed = found.candidates.map((candidate) => `${candidate.publicId} (${candidate.matched})`).join(', ');
  throw new ErasureError('player-ambiguous', wording('erasure.ambiguous', { player: typed, count: found.candidates.length, listed }));
}

function resolve(db: Db, target: ErasureTarget): Resolved {
  const player = resolvePlayer(db, target.player);
  let activityId: string | null = null;
  if (target.activity) {
    const activity = prepared<[string, string], { id: string }>(db, 'SELECT id FROM activities WHERE tracking_code = ? OR id = ?').get(
      target.activity,
      target.activity,
    );
    if (!activity) throw new ErasureError('activity-not-found', wording('erasure.noActivity', { activity: target.activity }));
    activityId = activity.id;
  }
  return { playerId: player.id, kind: player.kind, activityId };
}

/** What an erasure would remove, without removing it (for the confirmation). */
export function previewErasure(
  db: Db,
  target: ErasureTarget,
): ErasureCounts & PlayerRefusalCounts & { playerKind: Resolved['kind']; playerRemoved: boolean } {
  const r = resolve(db, target);
  const one = (sql: string) => prepared<[{ player: string; activity: string | null }], { n: number }>(db, sql).get({ player: r.playerId, activity: r.activityId })?.n ?? 0;
  const inScope = '(@activity IS NULL OR activity_id = @activity)';
  const sessions = one(`SELECT count(*) AS n FROM sessions WHERE player_id = @player AND ${inScope}`);
  const gameplays = one(`SELECT count(*) AS n FROM gameplays WHERE player_id = @player AND (@activity IS NULL OR scope_id = @activity)`);
  const refusedRequests = countPlayerRefusals(db, playerRefusals(db, r.playerId, r.activityId, sessionsOf(db, r)));
  const somethingHere = sessions + gameplays + refusedRequests > 0;
  return {
    playerKind: r.kind,
    statements: one(`SELECT coalesce(sum(statements), 0) AS n FROM sessions WHERE player_id = @player AND ${inScope}`),
    sessions,
    gameplays,
    results: one(`SELECT count(*) AS n FROM results WHERE player_id = @player AND ${inScope}`),
    alerts: one(`SELECT count(*) AS n FROM alerts WHERE player_id = @player AND ${inScope}`),
    uploaded: 0,
    refusedRequests,
    // Whether the player record would go too: everywhere, or in one activity with the last of their data
    // (player-left-with-nothing.ts); an activity with none of theirs is refused, removing nothing.
    playerRemoved: r.activityId === null || (somethingHere && playerLeftWithNothing(db, r.playerId, r.activityId)),
  };
}

/** The ids of the player's sessions in the erasure's scope, as a JSON array (for json_each). */
function sessionsOf(db: Db, r: Resolved): string {
  const rows = prepared<[{ player: string; activity: string | null }], { id: number }>(
    db,
    'SELECT id FROM sessions WHERE player_id = @player AND (@activity IS NULL OR activity_id = @activity)',
  ).all({ player: r.playerId, activity: r.activityId });
  return JSON.stringify(rows.map((row) => row.id));
}

/**
 * Erases a player's data, in one activity or everywhere, inside one write transaction: statements (and their
 * xAPI index rows and upload state), sessions, gameplays, results, answers, alerts, and the refused requests of those
 * sessions or naming the student (player-refusals.ts); every maintained counter is brought down by exactly what went. Erasing everywhere removes the
 * player record too, and so does erasing in one activity the last of their data; erasing everywhere a player with
 * only that record left removes it. The erasure log keeps who, when and how many — nothing that identifies the player.
 * Call inside a write transaction; `secure_delete` on the connection overwrites the freed pages with zeros.
 */
export function erasePlayer(db: Db, target: ErasureTarget, erasedBy: string, now: string): ErasureReport {
  const r = resolve(db, target);
  const params = { player: r.playerId, activity: r.activityId };
  const scope = '(@activity IS NULL OR activity_id = @activity)';
  const sessions = db
    .prepare<typeof params, { id: number; activityId: string | null; statements: number }>(
      `SELECT id, activity_id AS activityId, statements FROM sessions WHERE player_id = @player AND ${scope}`,
    )
    .all(params);
  const gameplays = db
    .prepare<typeof params, { id: string; activityId: string | null }>(
      'SELECT id, activity_id AS activityId FROM gameplays WHERE player_id = @player AND (@activity IS NULL OR scope_id = @activity)',
    )
    .all(params);
  const ids = JSON.stringify(sessions.map((s) => s.id));
  // A student's refused starts and failed logins are data of theirs too, even with nothing else left (a scope's only trace).
  const refusals = playerRefusals(db, r.playerId, r.activityId, ids);
  const everywhere = r.activityId === null;
  // Everywhere, the player record is still something to erase: one left with nothing else (erased activity by
  // activity before an erasure removed it too) still names them.
  if (!everywhere && sessions.length === 0 && gameplays.length === 0 && countPlayerRefusals(db, refusals) === 0) {
    throw new ErasureError('nothing-to-erase', wording('erasure.playerNoDataHere'));
  }

  db.exec('CREATE TEMP TABLE IF NOT EXISTS erase_seq (seq INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.erase_seq');
  // Statements without a session (none are written today) are found by the partial index on their batches (migration 6).
  db.prepare(`INSERT INTO temp.erase_seq (seq) SELECT seq FROM statements WHERE session_id IS NULL AND player_id = @player AND ${scope}`).run(params);
  // Statements of the sessions whose player column might differ (e.g. voided-by-other rows) go too.
  db.prepare('INSERT OR IGNORE INTO temp.erase_seq (seq) SELECT seq FROM statements WHERE session_id IN (SELECT value FROM json_each(?))').run(ids);

  const perActivity = db
    .prepare<[], { activityId: string | null; n: number }>(
      'SELECT activity_id AS activityId, count(*) AS n FROM statements WHERE seq IN (SELECT seq FROM temp.erase_seq) GROUP BY activity_id',
    )
    .all();
  const statements = perActivity.reduce((total, row) => total + row.n, 0);
  const uploaded =
    db.prepare<[], { n: number }>("SELECT count(*) AS n FROM upload_state WHERE state = 'sent' AND statement_seq IN (SELECT seq FROM temp.erase_seq)").get()?.n ?? 0;

  // Upload state first: nothing may point at a statement that is gone.
  db.exec('DELETE FROM upload_state WHERE statement_seq IN (SELECT seq FROM temp.erase_seq)');
  deleteStatements(db, 'temp.erase_seq');
  db.exec('DELETE FROM temp.erase_seq');

  const refusedRequests = deletePlayerRefusals(db, refusals);
  // A game still running goes on sending with these: its refusals must not keep what it sends (erased-session-tokens.ts).
  const tokens = erasedTokenHashes(db, ids);
  const results = db.prepare(`DELETE FROM results WHERE player_id = @player AND ${scope}`).run(params).changes;
  db.prepare(`DELETE FROM answer_counts WHERE player_id = @player AND ${scope}`).run(params);
  const alerts = db.prepare(`DELETE FROM alerts WHERE player_id = @player AND ${scope}`).run(params).changes;
  db.prepare('DELETE FROM sessions WHERE id IN (SELECT value FROM json_each(?))').run(ids);
  db.prepare('DELETE FROM gameplays WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(gameplays.map((g) => g.id)));

  const decrement = db.prepare(
    `UPDATE activities SET statements = max(0, statements - ?), sessions = max(0, sessions - ?), players = max(0, players - ?),
       anonymous_players = max(0, anonymous_players - ?) WHERE id = ?`,
  );
  const activityIds = new Set<string>();
  for (const s of sessions) if (s.activityId) activityIds.add(s.activityId);
  for (const g of gameplays) if (g.activityId) activityIds.add(g.activityId);
  for (const activityId of activityIds) {
    const gone = gameplays.filter((g) => g.activityId === activityId).length;
    decrement.run(
      perActivity.find((row) => row.activityId === activityId)?.n ?? 0,
      sessions.filter((s) => s.activityId === activityId).length,
      gone,
      r.kind === 'anonymous' ? gone : 0,
      activityId,
    );
  }

  if (!everywhere) db.prepare('UPDATE players SET statements = max(0, statements - ?) WHERE id = ?').run(statements, r.playerId);
  const playerRemoved = everywhere || playerLeftWithNothing(db, r.playerId, r.activityId);
  if (playerRemoved) db.prepare('DELETE FROM players WHERE id = ?').run(r.playerId);

  const counts: ErasureCounts = { statements, sessions: sessions.length, gameplays: gameplays.length, results, alerts, uploaded };
  const id = Number(
    db
      .prepare(
        `INSERT INTO erasures (time, erased_by, scope, activity_id, player_kind, statements, sessions, gameplays, results, alerts, uploaded,
           refused_requests, players_removed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        now,
        erasedBy,
        everywhere ? 'everywhere' : 'activity',
        r.activityId,
        r.kind,
        statements,
        sessions.length,
        gameplays.length,
        results,
        alerts,
        uploaded,
        refusedRequests,
        playerRemoved ? 1 : 0,
      ).lastInsertRowid,
  );
  // Kept so that a bundle made before the erasure cannot bring the data back (import-tables.ts leaves them out).
  const remember = db.prepare('INSERT OR IGNORE INTO erased_ids (kind, id, erasure_id) VALUES (?, ?, ?)');
  for (const gameplay of gameplays) remember.run('gameplay', gameplay.id, id);
  if (playerRemoved) remember.run('player', r.playerId, id);
  rememberErasedTokens(db, tokens, id);
  return {
    id,
    time: now,
    scope: everywhere ? 'everywhere' : 'activity',
    activityId: r.activityId,
    activityIds: [...activityIds],
    sessionIds: sessions.map((s) => s.id),
    playerKind: r.kind,
    playerRemoved,
    ...counts,
    refusedRequests,
  };
}
