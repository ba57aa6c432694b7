import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { runClients } from '../support/load-clients.js';
import { startOk, statementS, track } from '../support/rage.js';
import { aula, startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

function countIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    assert.equal(db.pragma('quick_check', { simple: true }), 'ok');
    return (db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('backups (issue 9)', () => {
  it('aula backup copies a consistent database while games are sending', async () => {
    const dataDir = tempDir();
    const { trackingCode } = JSON.parse(await aula(['activity', 'create', '--name', 'b', '--json', '--data-dir', dataDir]));
    const serve = await startServe(dataDir);
    let stop = false;
    const load = runClients(serve.url, trackingCode, { clients: 10, batch: 10, shouldStop: () => stop });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const file = path.join(tempDir(), 'copy.sqlite');
    const printed = JSON.parse(await aula(['backup', file, '--json', '--data-dir', dataDir]));
    stop = true;
    await load;
    await serve.stop();
    assert.equal(printed.file, file);
    assert.ok(countIn(file) > 0);
    await assert.rejects(aula(['backup', file, '--data-dir', dataDir]), /already exists/);
  });

  it('closing an activity keeps an automatic backup, the newest five', async () => {
    const dataDir = tempDir();
    const { trackingCode } = JSON.parse(await aula(['activity', 'create', '--name', 'c', '--json', '--data-dir', dataDir]));
    for (let i = 0; i < 7; i++) {
      const out = await aula(['activity', 'close', trackingCode, '--data-dir', dataDir]);
      assert.match(out, /Backup kept: .*backups/);
      await aula(['activity', 'open', trackingCode, '--data-dir', dataDir]);
    }
    const kept = fs.readdirSync(path.join(dataDir, 'backups'));
    assert.equal(kept.length, 5);
    for (const name of kept) assert.match(name, new RegExp(`^aula-.*-closed-${trackingCode}\\.sqlite$`));
  });

  it('a damaged database is refused at start with the way out, and aula restore brings a backup back', async () => {
    const dataDir = tempDir();
    const { trackingCode } = JSON.parse(await aula(['activity', 'create', '--name', 'd', '--json', '--data-dir', dataDir]));
    const serve = await startServe(dataDir);
    const started = await startOk(serve.url, trackingCode);
    assert.equal((await track(serve.url, started.authToken, [{ ...statementS(started.actor), id: undefined }])).status, 200);
    await serve.stop();
    const backup = path.join(tempDir(), 'good.sqlite');
    await aula(['backup', backup, '--data-dir', dataDir]);

    const file = path.join(dataDir, 'aula.sqlite');
    const handle = fs.openSync(file, 'r+');
    const size = fs.fstatSync(handle).size;
    for (let page = 1; page * 4096 < size; page++) fs.writeSync(handle, Buffer.alloc(512, 0xa5), 0, 512, page * 4096 + 100);
    fs.closeSync(handle);

    await assert.rejects(startServe(dataDir), (error: Error) => {
      assert.match(error.message, /is damaged/);
      assert.match(error.message, /aula restore/);
      return true;
    });
    const restored = await aula(['restore', backup, '--data-dir', dataDir]);
    assert.match(restored, /Restored/);
    const again = await startServe(dataDir);
    try {
      const stats = JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir]));
      assert.equal(stats.statements, 1);
      assert.equal((await track(again.url, started.authToken, [{ ...statementS(started.actor), id: undefined }])).status, 200);
    } finally {
      await again.stop();
    }
  });

  for (const [where, checkInThreadAboveBytes] of [
    ['before listening (a small database)', undefined],
    ['on a thread of its own (as for a large database)', 0],
  ] as const) {
    it(`damage that lets SQLite open is found by the check after start, ${where}: /health and the overview say so, with the way out`, async () => {
      const dataDir = tempDir();
      const first = await startTestCollector({ dataDir });
      const activity = makeActivity(first.context.db);
      const started = await startOk(first.url, activity.trackingCode);
      for (let batch = 0; batch < 30; batch++) {
        const body = Array.from({ length: 20 }, (_, i) => ({ ...statementS(started.actor), id: undefined, timestamp: new Date(batch * 100 + i).toISOString() }));
        assert.equal((await track(first.url, started.authToken, body)).status, 200);
      }
      await first.close();
      const file = path.join(dataDir, 'aula.sqlite');
      const handle = fs.openSync(file, 'r+');
      fs.writeSync(handle, Buffer.alloc(4000, 0xa5), 0, 4000, fs.fstatSync(handle).size - 4096 + 50);
      fs.closeSync(handle);

      const second = await startTestCollector({ dataDir, config: checkInThreadAboveBytes === undefined ? {} : { checkInThreadAboveBytes } });
      try {
        let health = await request(`${second.url}/health`);
        for (let i = 0; i < 50 && health.status === 200; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          health = await request(`${second.url}/health`);
        }
        assert.equal(health.status, 503);
        const body = health.json as { status: string; message: string };
        assert.equal(body.status, 'damaged');
        assert.match(body.message, /is damaged .* aula restore/s);
        const overview = (await request(`${second.url}/admin/api/overview`)).json as { storage: { damaged: string } };
        assert.equal(overview.storage.damaged, body.message);
      } finally {
        await second.close();
      }
    });
  }

  it('a sound database checked on a thread of its own stays sound, and games are stored meanwhile', async () => {
    const dataDir = tempDir();
    const collector = await startTestCollector({ dataDir, config: { checkInThreadAboveBytes: 0 } });
    try {
      const activity = makeActivity(collector.context.db);
      const started = await startOk(collector.url, activity.trackingCode);
      assert.equal((await track(collector.url, started.authToken, [{ ...statementS(started.actor), id: undefined }])).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal((await request(`${collector.url}/health`)).status, 200);
      assert.equal(collector.context.storage.damaged, null);
    } finally {
      await collector.close();
    }
  });
});
