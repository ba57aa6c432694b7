import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { taggedBatch, trackHead } from '../support/track-batches.js';
import { steppedTracker } from './stepped-tracker.js';

const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the real js-tracker 0.9.2 whose start failed until the teacher opened the activity', () => {
  it('sends what it kept in one request while other backlogs fill the budget: it waits its turn and is stored, the tracker goes on', { timeout: 60_000 }, async () => {
    // A small budget, so that one other game's backlog fills it.
    const collector = await startTestCollector({ config: { inflightBodyBytes: 100_000 } });
    const lesson = makeActivity(collector.context.db, { name: 'opened late' });
    const other = makeActivity(collector.context.db, { name: 'other class' });
    setActivityOpen(collector.context.db, lesson.trackingCode, false);
    const tracker = steppedTracker(`${collector.url}/`, lesson.trackingCode);
    const connection = await RawConnection.open(collector.port);
    try {
      // The game plays while the activity is closed: every flush tries to start again, the traces are kept (unlogged).
      assert.equal((await tracker.send({ do: 'start' })).ok, false);
      for (let flush = 0; flush < 25; flush++) await tracker.send({ do: 'flush', level: `offline${flush}`, traces: 10 });

      // The teacher opens it while another game's backlog is arriving and holds the in-flight budget.
      setActivityOpen(collector.context.db, lesson.trackingCode, true);
      const otherGame = await startOk(collector.url, other.trackingCode);
      const held = taggedBatch(otherGame, 'held', 90_000);
      await connection.write(trackHead(otherGame, held.body) + held.body.slice(0, 1_000));
      await until(() => collector.context.inflight.usedBytes > 0);

      // The next flush starts, then sends the 250 kept statements in one request (more than 64 KB: a backlog).
      let answered = false;
      const flushed = tracker.send({ do: 'flush', level: 'online', traces: 1 }).finally(() => {
        answered = true;
      });
      let crashed = false;
      void tracker.exited.then(() => {
        crashed = true;
      });
      // Until it waits for room; refused, it would have answered (and crashed) instead.
      await until(() => collector.context.inflight.waitingRequests === 1 || answered || crashed);
      await connection.write(held.body.slice(1_000));

      const result = await Promise.race([flushed, tracker.exited.then((code) => ({ crashed: code }))]);
      assert.deepEqual(result, { ok: true, pending: 0, active: true }, 'the flush after the opening went through and the tracker is alive');
      assert.deepEqual(await tracker.send({ do: 'flush', level: 'later', traces: 1 }), { ok: true, pending: 0, active: true });
      const stored = collector.context.db.prepare("SELECT count(*) AS n FROM statements WHERE object_id LIKE '%offline%'").get();
      assert.deepEqual(stored, { n: 250 });
    } finally {
      connection.close();
      tracker.stop();
      await collector.close();
    }
  });
});
