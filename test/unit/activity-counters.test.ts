import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityCounters } from '../../server/store/activity-counters.js';
import { openDatabase } from '../../server/store/open-database.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { emptySummary, type IngestBatch, ingestBatch } from '../../server/store/statements-ingest.js';
import { WriteQueue } from '../../server/store/write-queue.js';
import { makeActivity } from '../support/fixtures.js';
import { tempDir } from '../support/temp-dir.js';

function setUp() {
  const db = openDatabase(tempDir());
  const activity = makeActivity(db);
  const sessions = [0, 1, 2].map(() => {
    const player = createAnonymousPlayer(db);
    const { sessionId } = openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
    return { sessionId, activityId: activity.id, playerId: player.id };
  });
  const activities = new ActivityCounters();
  const queue = new WriteQueue(db, { beforeCommit: (connection) => activities.write(connection), failed: () => activities.discard() });
  const batch = (index: number, size: number): IngestBatch => ({
    session: sessions[index % sessions.length] as IngestBatch['session'],
    bodyHash: null,
    source: 'rage',
    statements: Array.from({ length: size }, () => ({
      clientId: null,
      json: '{}',
      canonical: null,
      registration: null,
      timestamp: null,
      summary: emptySummary(),
    })),
  });
  const counters = () => db.prepare('SELECT statements, last_seen AS lastSeen FROM activities WHERE id = ?').get(activity.id) as { statements: number; lastSeen: string | null };
  return { db, activities, queue, batch, counters };
}

describe("an activity's statement count is written once per group commit (issue 8)", () => {
  it('adds up every batch of the group, with the latest time seen', async () => {
    const { db, activities, queue, batch, counters } = setUp();
    const times = ['2026-11-27T10:00:02.000Z', '2026-11-27T10:00:03.000Z', '2026-11-27T10:00:01.000Z'];
    const results = await Promise.all(times.map((now, index) => queue.run((connection) => ingestBatch(connection, batch(index, index + 2), now, activities))));
    assert.deepEqual(
      results.map((result) => result.stored),
      [2, 3, 4],
    );
    assert.deepEqual({ ...counters() }, { statements: 9, lastSeen: '2026-11-27T10:00:03.000Z' });
    db.close();
  });

  it('counts nothing of a group that did not commit, and the next group counts only its own', async () => {
    const { db, activities, queue, batch, counters } = setUp();
    let failCommit = true;
    const failing = new WriteQueue(db, {
      // As when SQLite gives up the whole transaction after the group's batches were counted.
      beforeCommit: (connection) => {
        if (failCommit) throw new Error('the disk is full');
        activities.write(connection);
      },
      failed: () => activities.discard(),
    });
    const now = '2026-11-27T10:00:00.000Z';
    await assert.rejects(Promise.all([0, 1].map((index) => failing.run((connection) => ingestBatch(connection, batch(index, 5), now, activities)))), /disk is full/);
    assert.equal(counters().statements, 0);
    assert.equal((db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 0);
    failCommit = false;
    await failing.run((connection) => ingestBatch(connection, batch(2, 3), now, activities));
    assert.equal(counters().statements, 3);
    // The queue of the writer thread, untouched by the other's failure.
    await queue.run((connection) => ingestBatch(connection, batch(0, 1), now, activities));
    assert.equal(counters().statements, 4);
    db.close();
  });
});
