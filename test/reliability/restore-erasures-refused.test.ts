import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { reapplyErasures } from '../../server/erasure/reapply-erasures.js';
import { restoreDatabase } from '../../server/store/restore-database.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, postJson } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';

// An activity's erasure the restored backup cannot take again (its sessions look live by the clock given) brings the
// data back: the restore must say so, with the command to run, never pass over it.
test('a whole-activity erasure refused when a restore erases again is listed with its command, not passed over', async () => {
  let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
  const collector = await startTestCollector({ now: () => clock });
  const activity = makeActivity(collector.context.db, { name: 'Fractions' });
  const ana = await startOk(collector.url, activity.trackingCode);
  assert.equal((await track(collector.url, ana.authToken, [{ ...statementS(ana.actor), id: undefined }])).status, 200);
  const backup = await adminApi(collector.url, '/backups', {});
  assert.equal(backup.status, 201, backup.text);
  const name = (backup.json as { backup: { name: string } }).backup.name;
  clock += 60 * 60_000;
  const erased = await postJson(`${collector.url}/admin/api/activities/${activity.id}/erase`, { trackingCode: activity.trackingCode, confirm: true });
  assert.equal(erased.status, 200, erased.text);
  const dataDir = collector.config.dataDir;
  await collector.close();

  const restored = restoreDatabase(dataDir, path.join(dataDir, 'backups', name));
  assert.ok(restored.keptAside);
  // Erased again as of the moment Ana's game last sent: her session is still playing then.
  const erasures = reapplyErasures(dataDir, restored.keptAside, new Date(Date.UTC(2026, 2, 2, 9, 0, 30)).toISOString());
  assert.deepEqual(erasures.left, [`aula activity erase ${activity.id} --yes`]);
  assert.ok(erasures.problem);
});
