import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityCounters } from '../../server/store/activity-counters.js';
import { type Db, openDatabase } from '../../server/store/open-database.js';
import { WriteQueue, type WriteQueueOptions } from '../../server/store/write-queue.js';
import { makeActivity } from '../support/fixtures.js';
import { tempDir } from '../support/temp-dir.js';

function setUp(options: Omit<WriteQueueOptions, 'beforeCommit' | 'failed'>) {
  const db = openDatabase(tempDir());
  db.exec('CREATE TABLE notes (text TEXT NOT NULL)');
  const activity = makeActivity(db);
  const activities = new ActivityCounters();
  const commits = { refuse: false };
  const queue = new WriteQueue(db, {
    ...options,
    beforeCommit: (connection) => {
      // As when SQLite gives up the whole transaction after the group's jobs ran.
      if (commits.refuse) throw new Error('the disk is full');
      activities.write(connection);
    },
    failed: () => activities.discard(),
  });
  /** A job as the writer's are: a row, and the activity's count deferred to the group's commit. */
  const note = (text: string) => (connection: Db) => {
    connection.prepare('INSERT INTO notes (text) VALUES (?)').run(text);
    activities.add(activity.id, 1, '2026-11-27T10:00:00.000Z');
    return text;
  };
  const failing = (connection: Db) => {
    connection.prepare('INSERT INTO notes (text) VALUES (?)').run('half-written');
    throw new Error('this batch is refused');
  };
  const notes = () => (db.prepare('SELECT text FROM notes ORDER BY rowid').all() as Array<{ text: string }>).map((row) => row.text);
  const counted = () => (db.prepare('SELECT statements FROM activities WHERE id = ?').get(activity.id) as { statements: number }).statements;
  return { db, queue, commits, note, failing, notes, counted };
}

for (const replayOnFailure of [false, true]) {
  describe(`the write queue's group commit (${replayOnFailure ? 'savepoints only after a failure' : 'a savepoint per job'})`, () => {
    it('commits every job of a group, each answered with its own value', async () => {
      const { db, queue, note, notes, counted } = setUp({ replayOnFailure });
      const values = await Promise.all(['a', 'b', 'c'].map((text) => queue.run(note(text))));
      assert.deepEqual(values, ['a', 'b', 'c']);
      assert.deepEqual(notes(), ['a', 'b', 'c']);
      assert.equal(counted(), 3);
      db.close();
    });

    it('rolls back a failing job alone: the others of its group are stored once, and counted once', async () => {
      const { db, queue, note, failing, notes, counted } = setUp({ replayOnFailure });
      const outcomes = await Promise.allSettled([queue.run(note('a')), queue.run(failing), queue.run(note('b'))]);
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /this batch is refused/);
      assert.deepEqual(notes(), ['a', 'b']);
      assert.equal(counted(), 2);
      // The next group is not affected by the failure before it.
      await queue.run(note('c'));
      assert.deepEqual(notes(), ['a', 'b', 'c']);
      assert.equal(counted(), 3);
      db.close();
    });

    it('fails every job of a group whose commit fails, and stores and counts none of them', async () => {
      const { db, queue, commits, note, notes, counted } = setUp({ replayOnFailure });
      commits.refuse = true;
      const outcomes = await Promise.allSettled([queue.run(note('a')), queue.run(note('b'))]);
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['rejected', 'rejected'],
      );
      assert.deepEqual(notes(), []);
      assert.match(String((outcomes[0] as PromiseRejectedResult).reason), /disk is full/);
      assert.equal(counted(), 0);
      commits.refuse = false;
      await queue.run(note('c'));
      assert.deepEqual(notes(), ['c']);
      assert.equal(counted(), 1);
      db.close();
    });
  });
}
