import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { readActivitySessions } from '../../server/admin/read-sessions.js';
import { startSessionJob } from '../../server/collector/session-jobs.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { migrations } from '../../server/store/migrations/index.js';
import { databaseFile, openDatabase } from '../../server/store/open-database.js';
import { insertRejection } from '../../server/store/rejections-repo.js';
import { tempDir } from '../support/temp-dir.js';

/** A data folder as the release before migration 10 left it: a session that has played, and a refused batch of it. */
function storeAtVersion9(dataDir: string): { activityId: string; sessionId: number } {
  const db = new Database(databaseFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const made = db.transaction(() => {
    for (const up of migrations.slice(0, 9)) up(db);
    db.pragma('user_version = 9');
    const activity = createActivity(db, { name: 'Fractions' });
    const { session } = startSessionJob(db, { choice: { kind: 'new' }, activityId: activity.id, versionId: activity.versionId });
    db.prepare(
      `UPDATE sessions SET statements = 4, last_verb = 'http://adlnet.gov/expapi/verbs/completed', last_object = 'level1',
         progress = 0.5, success = 0, score = 0.3 WHERE id = ?`,
    ).run(session.sessionId);
    db.prepare(
      `INSERT INTO rejected_requests (time, route, address, session_id, status, message, sample)
       VALUES ('2026-01-01T10:00:00.000Z', 'track', '10.0.0.7', ?, 400, 'Statement 0 is invalid', '[{}]')`,
    ).run(session.sessionId);
    return { activityId: activity.id, sessionId: session.sessionId };
  })();
  db.close();
  return made;
}

test('migrations 10-12 keep what a session showed, and its refused batches count on Live', () => {
  const dataDir = tempDir();
  const { activityId, sessionId } = storeAtVersion9(dataDir);
  const db = openDatabase(dataDir);
  try {
    assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
    const [session] = readActivitySessions(db, activityId, 10);
    assert.equal(session?.id, sessionId);
    // As before the upgrade: no type and no outcome's object were kept then, so the outcome reads as it did.
    assert.deepEqual(
      { ...session, player: undefined, started: undefined, lastSeen: undefined },
      {
        ...session,
        player: undefined,
        started: undefined,
        lastSeen: undefined,
        statements: 4,
        lastObject: 'level1',
        lastObjectType: null,
        // Shown as Live shows a level just completed (read-sessions.ts): 100 %; the stored 0.5 is kept (below).
        progress: 1,
        success: false,
        score: 0.3,
        resultObject: null,
        resultObjectType: null,
        resultOfGame: false,
        refused: 1,
        lastRefusal: 'Statement 0 is invalid',
      },
    );
    assert.equal((db.prepare('SELECT progress FROM sessions WHERE id = ?').get(sessionId) as { progress: number }).progress, 0.5);
    // The same refusal again after the upgrade: the old row has no key, so the repeat starts one; the next repeat
    // is counted on it.
    const again = { time: '2026-01-01T10:05:00.000Z', route: 'track', address: '10.0.0.7', sessionId, status: 400, message: 'Statement 0 is invalid', sample: '[{}]' };
    assert.deepEqual(insertRejection(db, again), { activityId });
    insertRejection(db, { ...again, time: '2026-01-01T10:05:03.000Z' });
    assert.equal((db.prepare('SELECT count(*) AS n FROM rejected_requests').get() as { n: number }).n, 2);
    assert.equal(readActivitySessions(db, activityId, 10)[0]?.refused, 3);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
  } finally {
    db.close();
  }
});
