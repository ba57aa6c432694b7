import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { adminPost, classWith } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// ben failed five logins; the teacher reset his password and he got in. Live said "login failed 5 times" for the rest
// of the hour, and the teacher could not tell whether the reset worked.
describe("Live's Not started yet after a student's password reset worked", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });

  test('says he logged in since, not that his login failed, until his game starts', { timeout: 60_000 }, async () => {
    const classId = await classWith(collector.url, '3B', ['ana', 'ben']);
    const activity = makeActivity(collector.context.db, { name: 'Fractions', classId });
    const { students } = (await request(`${collector.url}/admin/api/classes/${classId}/students`)).json as { students: Array<{ id: string; username: string }> };
    const ben = students.find((student) => student.username === 'ben')?.id ?? '';

    await page.goto(collector.url);
    const missing = page.getByRole('region', { name: /Not started yet/ });
    const names = missing.locator('.not-started-names');
    await missing.getByRole('heading', { name: 'Not started yet: 2 of 2 students of 3B' }).waitFor();

    for (let attempt = 0; attempt < 5; attempt++) assert.equal((await login('ben', `wrong-${attempt}`)).status, 401);
    await names.getByText('ben — login failed 5 times, last just now, ana').waitFor();

    await adminPost(collector.url, `/classes/${classId}/students/${ben}/password`, { password: 'new-pass-ben' });
    const token = ((await login('ben', 'new-pass-ben')).json as { user: { token: string } }).user.token;
    await names.getByText('ana, ben — logged in just now, after 5 failed logins').waitFor();
    assert.equal(await names.locator('.login-failed').count(), 0);

    // His game starts: he leaves the list, and the note with him.
    await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    await missing.getByRole('heading', { name: 'Not started yet: 1 of 2 students of 3B' }).waitFor();
    assert.equal(await names.textContent(), 'ana');
  });
});
