import type { Db } from '../../server/store/open-database.js';

/**
 * `count` Idle warnings of one session, one a minute from 2026-01-01, written as the rules engine stores them: for the
 * lists of a player's alerts cut to their most recent (raising them through the engine would take `count` silences).
 */
export function storeIdleWarnings(db: Db, session: { activityId: string; sessionId: number; playerId: string }, count: number): void {
  const raise = db.prepare(
    `INSERT INTO alerts (activity_id, session_id, player_id, rule_key, severity, message, raised) VALUES (?, ?, ?, 'idle', 'warning', 'Idle for 3 min or more', ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) raise.run(session.activityId, session.sessionId, session.playerId, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
  })();
}
