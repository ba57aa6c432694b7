import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { WrittenEffect } from './evaluate.js';

export interface AlertOp {
  activityId: string;
  sessionId: number;
  playerId: string;
  /** With its message in final words and its wording (evaluate.ts worded): what goes to the writer's thread is plain data. */
  effect: WrittenEffect;
  /** ISO time the rule decided. */
  time: string;
}

/** Runs inside the writer's transaction. A session erased meanwhile gets no alert. */
export function writeAlertOps(db: Db, ops: AlertOp[]): void {
  const insert = prepared(
    db,
    `INSERT INTO alerts (activity_id, session_id, player_id, rule_key, severity, message, wording, raised)
     SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)`,
  );
  const clearSession = prepared(
    db,
    'UPDATE alerts SET cleared = ? WHERE session_id = ? AND rule_key = ? AND cleared IS NULL AND acknowledged IS NULL',
  );
  const clearPlayer = prepared(
    db,
    'UPDATE alerts SET cleared = ? WHERE player_id = ? AND activity_id = ? AND rule_key = ? AND cleared IS NULL AND acknowledged IS NULL',
  );
  for (const { activityId, sessionId, playerId, effect, time } of ops) {
    if (effect.kind === 'raise') {
      // The wording as JSON, once per alert raised: the dashboard words it in the teacher's language.
      insert.run(activityId, sessionId, playerId, effect.key, effect.severity, effect.message, JSON.stringify(effect.wording), time, sessionId);
    } else if (effect.scope === 'session') clearSession.run(time, sessionId, effect.key);
    else clearPlayer.run(time, playerId, activityId, effect.key);
  }
}
