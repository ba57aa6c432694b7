import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIVITY_REFUSALS_WHERE } from '../../server/erasure/erase-activity.js';
import { playerRefusals } from '../../server/erasure/player-refusals.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { type Db, openDatabase } from '../../server/store/open-database.js';
import { findOrCreateStudentPlayer } from '../../server/store/players-repo.js';
import { STUDENT_REFUSALS_WHERE } from '../../server/store/rejections-repo.js';
import { insertStudent } from '../../server/store/students-repo.js';
import { tempDir } from '../support/temp-dir.js';

/** How SQLite would read rejected_requests for `where`: every step of its plan that touches the table. */
function planOf(db: Db, statement: string, params: unknown[] | Record<string, unknown>): string[] {
  const explain = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${statement}`);
  const rows = Array.isArray(params) ? explain.all(...params) : explain.all(params);
  return rows.map((row) => row.detail).filter((detail) => detail.includes('rejected_requests'));
}

/**
 * Erasing a whole activity asks for each of its students which refused requests name them, inside the ingest writer's
 * transaction: read through the whole table each time, 30 students and 50,000 refusals held the games' batches
 * back for over a second. Each query must find its rows through an index (migration 25). A partial index is used
 * only when the query repeats its WHERE term as written: this catches a query or an index changed apart.
 */
test('the refused requests an erasure or a student deletion takes are found through indexes, never by reading the whole table', () => {
  const db = openDatabase(tempDir());
  try {
    const activity = createActivity(db, { name: 'Lesson', game: 'Game', classId: null, open: true });
    const player = findOrCreateStudentPlayer(db, { id: insertStudent(db, { username: 'ana', name: 'Ana', passwordHash: 'x' }), username: 'ana' });
    const everywhere = playerRefusals(db, player.id, null, '[1, 2]');
    const inActivity = playerRefusals(db, player.id, activity.id, '[1, 2]');
    const plans = {
      'a player everywhere': planOf(db, `SELECT count(*) FROM rejected_requests WHERE ${everywhere.where}`, everywhere.params),
      'a player everywhere, deleted': planOf(db, `DELETE FROM rejected_requests WHERE ${everywhere.where}`, everywhere.params),
      'a player in one activity': planOf(db, `SELECT count(*) FROM rejected_requests WHERE ${inActivity.where}`, inActivity.params),
      'a student deleted': planOf(db, `DELETE FROM rejected_requests WHERE ${STUDENT_REFUSALS_WHERE}`, ['ana', 'ana']),
      'a whole activity': planOf(db, `SELECT count(*) FROM rejected_requests WHERE ${ACTIVITY_REFUSALS_WHERE}`, {
        activity: activity.id,
        code: activity.trackingCode,
      }),
      'a whole activity, deleted': planOf(db, `DELETE FROM rejected_requests WHERE ${ACTIVITY_REFUSALS_WHERE}`, {
        activity: activity.id,
        code: activity.trackingCode,
      }),
    };
    for (const [query, plan] of Object.entries(plans)) {
      assert.ok(plan.length > 0, `${query}: no plan read`);
      for (const step of plan) assert.match(step, /^SEARCH rejected_requests USING INDEX /, `${query}: ${plan.join(' | ')}`);
    }
  } finally {
    db.close();
  }
});
