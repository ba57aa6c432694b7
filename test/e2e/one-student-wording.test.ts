import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import { createClass } from '../../server/store/classes-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe('one student, counted', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  test('the header and Activities say "1 student", not "1 students"', async () => {
    const { collector, page } = dashboard;
    const { db, writer } = collector.context;
    const group = await writer.run((tx) => createClass(tx, '3B'));
    await createAccounts(db, (job) => writer.run(job), group.id, [{ username: 'ana', password: 'sol-y-luna' }]);
    const activity = makeActivity(db, { name: 'Fractions 3B', classId: group.id });
    const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'sol-y-luna' });
    const token = (login.json as { user: { token: string } }).user.token;
    const started = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await track(collector.url, started.authToken, [statementS(started.actor)])).status, 200);

    await page.goto(`${collector.url}/activities`);
    await page.locator('.players-count').filter({ hasText: '0 anonymous · 1 student' }).waitFor();
    assert.match((await page.locator('.players-count').textContent()) ?? '', /0 anonymous · 1 student$/);
    const players = page.locator('[data-total="players"]').locator('..');
    assert.match((await players.textContent()) ?? '', /\(1 student, 0 anonymous\)/);
  });
});
