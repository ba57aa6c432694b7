import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';

/** A store big enough that copying it takes a while (~60 MB). */
function seed(dataDir: string): number {
  const db = openDatabase(dataDir);
  const activity = makeActivity(db, { name: 'Big lesson' });
  const insert = db.prepare(
    `INSERT INTO statements (id, activity_id, verb_id, object_id, stored, source, json) VALUES (?, ?, 'v', 'o', '2026-01-01T00:00:00.000Z', 'rage', ?)`,
  );
  const json = JSON.stringify({ filler: 'x'.repeat(900) });
  const count = 60_000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, activity.id, json);
  })();
  db.close();
  return count;
}

test('"Back up now" copies the whole store while the collector keeps answering', async () => {
  const dataDir = tempDir();
  const count = seed(dataDir);
  const collector = await startTestCollector({ dataDir });
  let backupDone = false;
  const backup = request(`${collector.url}/admin/api/backups`, { method: 'POST' }).finally(() => {
    backupDone = true;
  });
  // While the copy runs, games and the dashboard are still answered (before, VACUUM INTO held the event loop).
  const health = await request(`${collector.url}/health`);
  assert.equal(health.status, 200);
  assert.equal(backupDone, false, 'the health check was answered while the backup was still being written');

  const answer = await backup;
  assert.equal(answer.status, 201, answer.text);
  const { backup: made, backups } = answer.json as { backup: { name: string; bytes: number }; backups: Array<{ name: string }> };
  assert.deepEqual(backups.map((b) => b.name), [made.name]);
  const file = path.join(dataDir, 'backups', made.name);
  assert.equal(fs.statSync(file).size, made.bytes);
  const copy = new Database(file, { readonly: true });
  try {
    assert.equal(copy.pragma('quick_check', { simple: true }), 'ok');
    assert.equal((copy.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, count);
  } finally {
    copy.close();
  }
});

test('two clicks make two backups, one after the other', async () => {
  const collector = await startTestCollector();
  const [first, second] = await Promise.all([
    request(`${collector.url}/admin/api/backups`, { method: 'POST' }),
    request(`${collector.url}/admin/api/backups`, { method: 'POST' }),
  ]);
  assert.equal(first.status, 201, first.text);
  assert.equal(second.status, 201, second.text);
  const names = fs.readdirSync(path.join(collector.config.dataDir, 'backups'));
  assert.equal(names.length, 2);
});
