import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';
import { movablePageClock } from './page-clock.js';

// The start of a lesson: one student is not playing because their password is wrong. Live's "Not started yet" says so.
describe("Live's Not started yet names a student whose login failed, first and with when", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const admin = async (path: string, body: unknown) => {
    const answer = await postJson(`${collector.url}/admin/api${path}`, body);
    assert.ok(answer.status < 300, `${path}: ${answer.status} ${answer.text}`);
    return answer.json as Record<string, { id: string }>;
  };
  const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });

  test('a wrong password shows beside the name until the student logs in and plays', { timeout: 60_000 }, async () => {
    const created = await admin('/classes', { name: '3B' });
    const classId = created.class?.id ?? '';
    await admin(`/classes/${classId}/students`, { username: 'ana', password: 'sol-y-luna', name: 'Ana García', role: 'student' });
    await admin(`/classes/${classId}/students`, { username: 'ben', password: 'luna-y-sol', role: 'student' });
    const other = await admin('/classes', { name: '4A' });
    await admin(`/classes/${other.class?.id}/students`, { username: 'carla', password: 'mar-y-cielo', role: 'student' });
    const activity = makeActivity(collector.context.db, { name: 'Fractions', classId });

    // The teacher's tablet: its clock seven minutes ahead of the laptop's. "Just now" is by the laptop's clock.
    await movablePageClock(page, { wallAheadMs: 7 * 60_000 });
    await page.goto(collector.url);
    const missing = page.getByRole('region', { name: /Not started yet/ });
    await missing.getByRole('heading', { name: 'Not started yet: 2 of 2 students of 3B' }).waitFor();
    await missing.getByText('Ana García (ana), ben').waitFor();

    // ben types a wrong password twice; carla (another class) and a name on no roster fail too.
    assert.equal((await login('ben', 'sol-y-luna')).status, 401);
    assert.equal((await login('ben', 'sol-y-luna!')).status, 401);
    assert.equal((await login('carla', 'wrong')).status, 401);
    assert.equal((await login('nobody', 'wrong')).status, 401);
    const names = missing.locator('.not-started-names');
    await names.getByText('ben — login failed 2 times, last just now, Ana García (ana)').waitFor();
    assert.equal(await names.locator('.login-failed').count(), 1);

    const listed = await fetch(`${collector.url}/admin/api/classes/${classId}/failed-logins`);
    const { failedLogins } = (await listed.json()) as { failedLogins: Array<{ username: string; count: number; last: string }> };
    assert.deepEqual(
      failedLogins.map(({ username, count }) => ({ username, count })),
      [{ username: 'ben', count: 2 }],
    );
    assert.equal((await fetch(`${collector.url}/admin/api/classes/no-such-class/failed-logins`)).status, 404);

    // With the right password ben gets in and plays: he leaves the list, and the note with him.
    const token = ((await login('ben', 'luna-y-sol')).json as { user: { token: string } }).user.token;
    await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    await missing.getByRole('heading', { name: 'Not started yet: 1 of 2 students of 3B' }).waitFor();
    assert.equal(await names.textContent(), 'Ana García (ana)');
  });
});
