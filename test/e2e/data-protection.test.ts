import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { adminApi, postJson } from '../support/http.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

// The school's data-protection officer at the dashboard: an access request answered from the player's page, and a
// backup made before an erasure deleted from Settings.
describe('data protection in the dashboard', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let ana: StartAnswer;
  let ben: StartAnswer;
  let backupBefore = '';
  let classId = '';

  before(async () => {
    dashboard = await collectorDashboard();
    const { collector } = dashboard;
    const activity = createActivity(collector.context.db, { name: 'Fractions', game: 'Fraction Quest' });
    ana = await startOk(collector.url, activity.trackingCode);
    ben = await startOk(collector.url, activity.trackingCode);
    for (const [player, count] of [
      [ana, 3],
      [ben, 2],
    ] as const) {
      const statements = Array.from({ length: count }, (_, i) => ({ ...statementS(player.actor), id: undefined, timestamp: new Date(Date.UTC(2026, 2, 2, 9, 0, i)).toISOString() }));
      const answer = await track(collector.url, player.authToken, statements);
      assert.equal(answer.status, 200, answer.text);
    }
    // Class 3B: carl never played; dora did, and her data is still in Aula.
    const { db, writer } = collector.context;
    classId = (await writer.run((tx) => createClass(tx, '3B'))).id;
    await createAccounts(db, (job) => writer.run(job), classId, [
      { username: 'carl', password: 'carl-secret-pw', name: 'Carl Left-School' },
      { username: 'dora', password: 'dora-secret-pw' },
    ]);
    const login = await postJson(`${collector.url}/api/login`, { username: 'dora', password: 'dora-secret-pw' });
    const token = (login.json as { user: { token: string } }).user.token;
    await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    const made = await adminApi(collector.url, '/backups', {});
    assert.equal(made.status, 201, made.text);
    backupBefore = (made.json as { backup: { name: string } }).backup.name;
  });
  after(() => dashboard?.close());

  test("the player's page downloads everything Aula holds about the player, in one file", async () => {
    const { page, collector } = dashboard;
    const id = (collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(ana.playerId) as { id: string }).id;
    await page.goto(`${collector.url}/players/${id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Everything Aula holds about this player (for an access request)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `aula-access-${ana.playerId}.json`);
    const file = await download.path();
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { player: { playerId: string }; sessions: unknown[]; statements: unknown[] };
    assert.equal(report.player.playerId, ana.playerId);
    assert.equal(report.sessions.length, 1);
    assert.equal(report.statements.length, 3);
    assert.ok(!fs.readFileSync(file, 'utf8').includes(ben.playerId));
  });

  test('after an erasure, Settings → Backups marks the backup made before it, and deletes it once confirmed', async () => {
    const { page, collector } = dashboard;
    const erased = await adminApi(collector.url, '/erasures', { player: ana.playerId, confirm: true });
    assert.equal(erased.status, 200, erased.text);
    await page.goto(`${collector.url}/settings`);
    const kept = page.getByRole('list', { name: 'Kept backups' });
    const item = kept.getByRole('listitem').filter({ hasText: backupBefore });
    await item.getByText('made before 1 erasure: may still hold erased data').waitFor();

    await item.getByRole('button', { name: `Delete backup ${backupBefore}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete backup ${backupBefore}` });
    await dialog.getByText('it cannot be restored afterwards').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.ok(fs.existsSync(path.join(collector.config.dataDir, 'backups', backupBefore)), 'Cancel deletes nothing');

    await item.getByRole('button', { name: `Delete backup ${backupBefore}` }).click();
    await dialog.getByRole('button', { name: 'Yes, delete backup' }).click();
    await page.getByRole('status').filter({ hasText: `Backup deleted: ${backupBefore}` }).waitFor();
    await page.getByText('No backup yet.').waitFor();
    assert.equal(fs.existsSync(path.join(collector.config.dataDir, 'backups', backupBefore)), false);
  });

  test("Classes deletes a student's account for good, and refuses while the student's data is still in Aula", async () => {
    const { page, collector } = dashboard;
    await page.goto(`${collector.url}/classes?class=${classId}`);
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();

    await page.getByRole('button', { name: 'Delete the account of dora…' }).click();
    await page.getByRole('alertdialog', { name: 'Delete the account of dora' }).getByRole('button', { name: 'Yes, delete account' }).click();
    // Said once, with where to erase in the dashboard too (the refusal is the server's, for the CLI as well).
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing deleted: dora still has data in Aula (1 session). Erase it first' });
    await refusal.waitFor();
    assert.doesNotMatch((await refusal.textContent()) ?? '', /Not deleted/);
    assert.match((await refusal.textContent()) ?? '', /In the dashboard, the player's page erases it\./);

    await page.getByRole('button', { name: 'Delete the account of carl…' }).click();
    await page.getByRole('alertdialog', { name: 'Delete the account of carl' }).getByRole('button', { name: 'Yes, delete account' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the account of carl: its name, e-mail address, password and classes are gone' }).waitFor();
    await page.locator('table.class-students tr[data-username="carl"]').waitFor({ state: 'detached' });
    const left = collector.context.db.prepare('SELECT username FROM students ORDER BY username').all() as Array<{ username: string }>;
    assert.deepEqual(left.map((row) => row.username), ['dora']);
  });
});
