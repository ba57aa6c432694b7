import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readStats } from '../../server/store/stats-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

describe('restart (contract case 33, C-8.4)', () => {
  it('authTokens, players and counts survive a restart of the server', async () => {
    const dataDir = tempDir();
    const first = await startTestCollector({ dataDir });
    const activity = makeActivity(first.context.db);
    const started = await startOk(first.url, activity.trackingCode);
    assert.equal((await track(first.url, started.authToken, [statementS(started.actor)])).status, 200);
    await first.close();

    const second = await startTestCollector({ dataDir });
    try {
      const again = { ...statementS(started.actor), id: undefined, timestamp: '2026-01-01T00:00:00.000Z' };
      assert.equal((await track(second.url, started.authToken, [again])).status, 200);
      const continued = await startOk(second.url, activity.trackingCode, { body: { anonymous: started.playerId } });
      assert.equal(continued.session, 2);
      assert.equal(continued.actor.name, started.actor.name);
      assert.equal(continued.objectId, started.objectId);
      const stats = readStats(second.context.db);
      assert.equal(stats.statements, 2);
      assert.equal(stats.sessions, 2);
      assert.deepEqual(stats.players, { anonymous: 1, identified: 0, xapi: 0 });
    } finally {
      await second.close();
    }
  });

  it('a database written by a newer Aula is refused with a clear message, not opened', async () => {
    const dataDir = tempDir();
    const first = await startTestCollector({ dataDir });
    first.context.db.pragma('user_version = 999');
    await first.close();
    await assert.rejects(startTestCollector({ dataDir }), /written by a newer version of Aula/);
  });
});
