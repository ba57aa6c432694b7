import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { tempDir } from '../support/temp-dir.js';
import { steppedTracker } from './stepped-tracker.js';

describe('the real js-tracker 0.9.2 while Aula is restarted mid-session', () => {
  it('keeps the batch it could not send, sends it once Aula is back on the same token; each statement is stored once', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const first = await startTestCollector({ dataDir });
    const port = first.port;
    const activity = makeActivity(first.context.db, { name: 'restarted' });
    const tracker = steppedTracker(`http://127.0.0.1:${port}/`, activity.trackingCode);
    try {
      assert.deepEqual(await tracker.send({ do: 'start' }), { ok: true, session: 1 });
      assert.deepEqual(await tracker.send({ do: 'flush', level: 'before', traces: 3 }), { ok: true, pending: 0, active: true });

      // The teacher quits Aula (or the laptop restarts it) while the game plays on.
      await first.close();
      assert.deepEqual(await tracker.send({ do: 'flush', level: 'while-down', traces: 2 }), { ok: false, pending: 1, active: true });

      const second = await startTestCollector({ dataDir, config: { port } });
      // The tracker does not start again: its authToken from before the restart is still good.
      assert.deepEqual(await tracker.send({ do: 'flush', level: 'after', traces: 1 }), { ok: true, pending: 0, active: true });

      const rows = second.context.db
        .prepare('SELECT s.number, st.object_id AS objectId FROM statements st JOIN sessions s ON s.id = st.session_id ORDER BY st.seq')
        .all() as Array<{ number: number; objectId: string }>;
      assert.deepEqual(
        rows.map((row) => row.objectId.split('/').at(-1)),
        ['before-0', 'before-1', 'before-2', 'while-down-0', 'while-down-1', 'after-0'],
      );
      assert.ok(rows.every((row) => row.number === 1), 'all in the one session');
      const sessions = second.context.db.prepare('SELECT count(*) AS n, sum(statements) AS statements FROM sessions').get();
      assert.deepEqual(sessions, { n: 1, statements: 6 });
      await second.close();
    } finally {
      tracker.stop();
    }
  });
});
