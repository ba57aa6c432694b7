import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { postJson } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

interface AccessReport {
  format: string;
  player: { playerId: string } | null;
  student: { username: string; name: string | null; classes: Array<{ class: string }> } | null;
  sessions: unknown[];
  statements: unknown[];
  about: Record<string, string>;
}

// An access request for a student on the roster, answered from Classes: the student who never played has no player
// page, so the row itself downloads the aula-access/1 file (before, only `aula player access` could answer it).
describe("Classes downloads a roster student's access request", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let classId = '';
  let hashes: string[] = [];

  before(async () => {
    dashboard = await collectorDashboard();
    const { collector } = dashboard;
    const { db, writer } = collector.context;
    classId = (await writer.run((tx) => createClass(tx, '3B'))).id;
    await createAccounts(db, (job) => writer.run(job), classId, [
      { username: 'carl', password: 'carl-secret-pw', name: 'Carl Left-School' },
      { username: 'dora', password: 'dora-secret-pw', name: 'Dora Played' },
    ]);
    hashes = (db.prepare('SELECT password_hash AS h FROM students').all() as Array<{ h: string }>).map((row) => row.h);
    const activity = createActivity(db, { name: 'Fractions', game: 'Fraction Quest', classId });
    const login = await postJson(`${collector.url}/api/login`, { username: 'dora', password: 'dora-secret-pw' });
    const token = (login.json as { user: { token: string } }).user.token;
    const dora = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    const tracked = await track(collector.url, dora.authToken, [{ ...statementS(dora.actor), id: undefined }]);
    assert.equal(tracked.status, 200, tracked.text);
  });
  after(() => dashboard?.close());

  async function download(username: string): Promise<{ name: string; text: string }> {
    const { page } = dashboard;
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Everything Aula holds about ${username} (for an access request)` }).click(),
    ]);
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
  }

  test('a student who never played: the roster record, never the password, and that Aula holds no play data', async () => {
    const { page, collector } = dashboard;
    await page.goto(`${collector.url}/classes?class=${classId}`);
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();
    await page.locator('tr[data-username="carl"]').getByRole('link', { name: 'Access request' }).waitFor();

    const carl = await download('carl');
    assert.equal(carl.name, 'aula-access-carl.json');
    const report = JSON.parse(carl.text) as AccessReport;
    assert.equal(report.format, 'aula-access/1');
    assert.equal(report.student?.username, 'carl');
    assert.equal(report.student?.name, 'Carl Left-School');
    assert.deepEqual(report.student?.classes.map((c) => c.class), ['3B']);
    assert.equal(report.player, null);
    assert.deepEqual([report.sessions, report.statements], [[], []]);
    assert.match(report.about.noPlayData ?? '', /no play data/);
    for (const secret of [...hashes, 'carl-secret-pw']) assert.ok(!carl.text.includes(secret), 'never the password nor its hash');
    assert.ok(!carl.text.includes('Dora'), "nothing of another student's");
  });

  test('a student who played: everything, as from the player\'s page', async () => {
    const dora = await download('dora');
    assert.equal(dora.name, 'aula-access-dora.json');
    const report = JSON.parse(dora.text) as AccessReport;
    assert.equal(report.player?.playerId, 'dora');
    assert.equal(report.sessions.length, 1);
    assert.equal(report.statements.length, 1);
    assert.equal(report.about.noPlayData, undefined);
  });
});
