import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';

test('restoring a backup made before an erasure erases again what the replaced database had erased', async () => {
  const collector = await startTestCollector();
  const activity = makeActivity(collector.context.db, { name: 'Fractions' });
  const ana = await startOk(collector.url, activity.trackingCode);
  const ben = await startOk(collector.url, activity.trackingCode);
  for (const player of [ana, ben]) assert.equal((await track(collector.url, player.authToken, [{ ...statementS(player.actor), id: undefined }])).status, 200);
  const backup = await adminApi(collector.url, '/backups', {});
  assert.equal(backup.status, 201, backup.text);
  const name = (backup.json as { backup: { name: string } }).backup.name;
  assert.equal((await adminApi(collector.url, '/erasures', { player: ana.playerId, confirm: true })).status, 200);
  const dataDir = collector.config.dataDir;
  await collector.close();

  const restored = await runAula(['restore', path.join(dataDir, 'backups', name), '--data-dir', dataDir]);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /The backup was made before 1 erasure of the replaced database: erased again now \(see the erasure log\)\./);

  const db = new Database(path.join(dataDir, 'aula.sqlite'), { readonly: true });
  try {
    const players = (db.prepare('SELECT public_id AS id FROM players ORDER BY id').all() as Array<{ id: string }>).map((p) => p.id);
    assert.deepEqual(players, [ben.playerId]);
    assert.equal((db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 1, "Ben's statement stays");
    const log = db.prepare('SELECT erased_by AS by, statements FROM erasures ORDER BY id').all() as Array<{ by: string; statements: number }>;
    assert.deepEqual(log, [{ by: 'restore (again, as the replaced database had erased it)', statements: 1 }]);
  } finally {
    db.close();
  }
  const bytes = fs.readFileSync(path.join(dataDir, 'aula.sqlite')).toString('latin1');
  assert.ok(!bytes.includes(ana.playerId), "Ana's playerId is not left in the restored database's file");

  // Restored once more: the database it replaces now remembers the erasure made at the first restore, and so on.
  const again = await runAula(['restore', path.join(dataDir, 'backups', name), '--data-dir', dataDir, '--json']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual((JSON.parse(again.stdout) as { erasures: unknown }).erasures, { reapplied: 1, left: [], problem: null });
});
