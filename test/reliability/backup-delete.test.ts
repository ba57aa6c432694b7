import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';

interface Listed {
  folder: string;
  backups: Array<{ name: string; bytes: number; erasuresSince?: number }>;
}

const statement = (actor: unknown, objectId: string) => ({
  actor,
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: `${objectId}/level/1`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
  timestamp: '2026-11-27T09:00:00.000Z',
});

/** A collector with one player's statement, a backup, the player's erasure, then a second backup. */
async function backupsAroundAnErasure() {
  const collector = await startTestCollector();
  const activity = makeActivity(collector.context.db, { name: 'Fractions' });
  const ana = await startOk(collector.url, activity.trackingCode);
  const tracked = await track(collector.url, ana.authToken, [statement(ana.actor, ana.objectId)]);
  assert.equal(tracked.status, 200, tracked.text);
  const before = await adminApi(collector.url, '/backups', {});
  assert.equal(before.status, 201, before.text);
  const erased = await adminApi(collector.url, '/erasures', { player: ana.playerId, confirm: true });
  assert.equal(erased.status, 200, erased.text);
  const after = await adminApi(collector.url, '/backups', {});
  assert.equal(after.status, 201, after.text);
  const names = {
    before: (before.json as { backup: { name: string } }).backup.name,
    after: (after.json as { backup: { name: string } }).backup.name,
  };
  return { collector, ana, names, folder: path.join(collector.config.dataDir, 'backups') };
}

test('Settings → Backups says which backup predates an erasure, and deletes it with its bytes overwritten', async () => {
  const { collector, ana, names, folder } = await backupsAroundAnErasure();
  const listed = (await adminApi(collector.url, '/backups')).json as Listed;
  assert.deepEqual(
    listed.backups.map((b) => [b.name, b.erasuresSince]),
    [
      [names.after, 0],
      [names.before, 1],
    ],
  );
  const file = path.join(folder, names.before);
  assert.ok(fs.readFileSync(file).includes(ana.playerId), 'the backup made before the erasure holds the erased player');
  // A second name for the same bytes shows what is left on the disk once the file is gone.
  const sameBytes = path.join(collector.config.dataDir, 'same-bytes');
  fs.linkSync(file, sameBytes);

  const deleted = await request(`${collector.url}/admin/api/backups/${encodeURIComponent(names.before)}`, { method: 'DELETE' });
  assert.equal(deleted.status, 200, deleted.text);
  const answer = deleted.json as Listed & { deleted: string };
  assert.equal(answer.deleted, names.before);
  assert.deepEqual(answer.backups.map((b) => b.name), [names.after]);
  assert.equal(fs.existsSync(file), false);
  const left = fs.readFileSync(sameBytes);
  assert.ok(left.length > 0 && left.every((byte) => byte === 0), 'the deleted backup was overwritten with zeros before it went');
});

test('deleting a backup refuses anything but a backup in backups/, and changes nothing', async () => {
  const { collector, names, folder } = await backupsAroundAnErasure();
  const database = path.join(collector.config.dataDir, 'aula.sqlite');
  fs.symlinkSync(database, path.join(folder, 'aula-link.sqlite'));
  const remove = (name: string) => request(`${collector.url}/admin/api/backups/${encodeURIComponent(name)}`, { method: 'DELETE' });

  const outside = await remove('../aula.sqlite');
  assert.equal(outside.status, 400, outside.text);
  assert.equal((outside.json as { error: { reason: string } }).error.reason, 'invalid-backup-name');
  assert.equal((await remove('aula-2026-01-01T00-00-00-000Z-manual.sqlite')).status, 404);
  assert.equal((await remove('aula-link.sqlite')).status, 404, 'a link in backups/ is not a backup: its target is never touched');
  assert.ok(fs.statSync(database).size > 0);
  assert.deepEqual(fs.readdirSync(folder).sort(), ['aula-link.sqlite', names.after, names.before].sort());
  assert.equal((await request(`${collector.url}/health`)).status, 200);
});

test('aula backup list names the backups made before an erasure, and aula backup delete NAME --yes deletes one', async () => {
  const { collector, names, folder } = await backupsAroundAnErasure();
  const dataDir = collector.config.dataDir;
  await collector.close();

  const list = await runAula(['backup', 'list', '--data-dir', dataDir]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, new RegExp(`${names.before} .*made before 1 erasure: may still hold erased data`));
  assert.doesNotMatch(list.stdout, new RegExp(`${names.after} .*erasure`));

  const asked = await runAula(['backup', 'delete', names.before, '--data-dir', dataDir]);
  assert.equal(asked.code, 1);
  assert.match(asked.stdout, /Would delete .*made before 1 erasure/);
  assert.match(asked.stderr, /Nothing deleted\. Run again with --yes/);
  assert.ok(fs.existsSync(path.join(folder, names.before)));

  const outside = await runAula(['backup', 'delete', '../aula.sqlite', '--yes', '--data-dir', dataDir]);
  assert.equal(outside.code, 1);
  assert.match(outside.stderr, /is not the name of a backup/);
  assert.ok(fs.existsSync(path.join(dataDir, 'aula.sqlite')));

  const done = await runAula(['backup', 'delete', names.before, '--yes', '--json', '--data-dir', dataDir]);
  assert.equal(done.code, 0, done.stderr);
  assert.equal((JSON.parse(done.stdout) as { deleted: boolean }).deleted, true);
  assert.deepEqual(fs.readdirSync(folder), [names.after]);
});
