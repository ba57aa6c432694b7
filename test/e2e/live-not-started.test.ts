import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// A teacher counting heads at the start of a lesson: Live names the class's students who have not started yet.
describe('Live names the students of the class who have not started', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const admin = async (path: string, body: unknown) => {
    const answer = await postJson(`${collector.url}/admin/api${path}`, body);
    assert.ok(answer.status < 300, `${path}: ${answer.status} ${answer.text}`);
    return answer.json as Record<string, { id: string }>;
  };

  test('until each logs in and plays; assistants are not counted', { timeout: 60_000 }, async () => {
    const created = await admin('/classes', { name: '3B' });
    const classId = created.class?.id ?? '';
    await admin(`/classes/${classId}/students`, { username: 'ana', password: 'sol-y-luna', name: 'Ana García', role: 'student' });
    await admin(`/classes/${classId}/students`, { username: 'ben', password: 'luna-y-sol', role: 'student' });
    await admin(`/classes/${classId}/students`, { username: 'tere', password: 'pizarra-1', name: 'Teresa', role: 'assistant' });
    const activity = makeActivity(collector.context.db, { name: 'Fractions', classId });
    await startOk(collector.url, activity.trackingCode); // someone playing without logging in

    await page.goto(collector.url);
    const missing = page.getByRole('region', { name: /Not started yet/ });
    await missing.getByRole('heading', { name: 'Not started yet: 2 of 2 students of 3B' }).waitFor();
    await missing.getByText('Ana García (ana), ben').waitFor();

    const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'sol-y-luna' });
    const token = (login.json as { user: { token: string } }).user.token;
    await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    await missing.getByRole('heading', { name: 'Not started yet: 1 of 2 students of 3B' }).waitFor();
    assert.equal(await missing.locator('.not-started-names').textContent(), 'ben');

    const benLogin = await postJson(`${collector.url}/api/login`, { username: 'ben', password: 'luna-y-sol' });
    const benToken = (benLogin.json as { user: { token: string } }).user.token;
    await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${benToken}` } });
    await missing.waitFor({ state: 'detached' });
  });
});
