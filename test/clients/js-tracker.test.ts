import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { runJsTracker } from '../support/js-tracker.js';
import { aula, type ServeProcess, startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

interface Stats {
  statements: number;
  sessions: number;
  players: { anonymous: number; identified: number };
  activities: Array<{ trackingCode: string; name: string; statements: number; sessions: number; players: number }>;
}

const dataDir = tempDir();
let serve: ServeProcess;
let trackingCode: string;

before(async () => {
  const created = JSON.parse(await aula(['activity', 'create', '--name', 'Tracker class', '--game', 'Demo', '--json', '--data-dir', dataDir]));
  trackingCode = created.trackingCode;
  serve = await startServe(dataDir);
});
after(() => serve.stop());

describe('the real js-tracker 0.9.2 against aula serve', () => {
  for (const collector of [undefined, 'collector/'] as const) {
    const prefix = collector ? '/api/collector/' : '/api/proxy/gleaner/collector/';
    it(`plays a new and a returning anonymous player through ${prefix}`, async () => {
      const first = await runJsTracker(serve.url, trackingCode, { collector });
      assert.equal(first.started, true);
      assert.deepEqual(first.flushed, [true, true]);
      assert.equal(first.pending, 0);
      assert.equal(first.session, 1);
      assert.equal(first.actor?.account.name, 'Anonymous');
      const returning = await runJsTracker(serve.url, trackingCode, { collector, userToken: first.playerId });
      assert.equal(returning.started, true);
      assert.equal(returning.playerId, first.playerId);
      assert.equal(returning.session, 2);
      assert.deepEqual(returning.flushed, [true, true]);
    });
  }

  it('aula stats counts what the trackers sent, while the server runs', async () => {
    const stats = JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir])) as Stats;
    assert.equal(stats.statements, 24);
    assert.equal(stats.sessions, 4);
    assert.deepEqual(stats.players, { anonymous: 2, identified: 0, xapi: 0 });
    assert.deepEqual(stats.activities, [{ trackingCode, name: 'Tracker class', statements: 24, sessions: 4, players: 2 }]);
  });

  it('stores the statements with their augmentation and the tracker\'s own ids', () => {
    const db = new Database(path.join(dataDir, 'aula.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT st.json, s.number FROM statements st JOIN sessions s ON s.id = st.session_id ORDER BY st.seq')
        .all() as Array<{ json: string; number: number }>;
      assert.equal(rows.length, 24);
      for (const row of rows) {
        const statement = JSON.parse(row.json);
        const extensions = statement.object.definition.extensions;
        assert.equal(extensions.session, row.number);
        assert.equal(typeof extensions.gameplayId, 'string');
        assert.equal(typeof extensions.activityId, 'string');
        assert.match(statement.object.id, /\/api\/proxy\/gleaner\/games\/[a-z0-9]+\/[a-z0-9]+\/[a-z]+\/[A-Za-z0-9]+$/);
      }
      const verbs = rows.slice(0, 6).map((row) => JSON.parse(row.json).verb.id.split('/').at(-1));
      assert.deepEqual(verbs, ['initialized', 'accessed', 'selected', 'interacted', 'progressed', 'completed']);
      const completed = JSON.parse(rows[5]?.json ?? '{}');
      assert.deepEqual(completed.result, { success: true, score: { raw: 0.9 } });
    } finally {
      db.close();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    assert.equal(await serve.stop('SIGTERM'), 0);
  });
});
