import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// 1A's activity, closed at noon and opened again after lunch: Live listed the morning's sessions under the
// afternoon's, and the teacher had to tell them apart by their times.
describe("Live's Show: this lesson", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((opened) => ({ collector, page } = opened));

  const admin = async (pathname: string) => {
    const answer = await postJson(`${collector.url}/admin/api${pathname}`, {});
    assert.ok(answer.status < 300, `${pathname}: ${answer.status} ${answer.text}`);
  };

  test('after a reopening today, Live shows the sessions heard from since, and all sessions on request', { timeout: 60_000 }, async () => {
    const maths = makeActivity(collector.context.db, { name: '1A maths' });
    const morning = await startOk(collector.url, maths.trackingCode);
    await admin(`/activities/${maths.id}/close`);
    await admin(`/activities/${maths.id}/open`);
    const afternoon = await startOk(collector.url, maths.trackingCode);

    await page.goto(`${collector.url}/`);
    await page.locator('#activity-picker').selectOption(maths.id);
    const rows = page.locator('.live-table tbody tr');
    await rows.filter({ hasText: afternoon.playerAnimalName }).waitFor();
    const show = page.getByLabel('Show');
    assert.equal(await show.inputValue(), 'lesson', 'opened again today: this lesson first');
    assert.match((await show.locator('option:checked').textContent()) ?? '', /^this lesson, since .+ \(1\)$/);
    assert.equal(await rows.count(), 1, "the morning's session is not listed");

    await show.selectOption('all');
    await rows.filter({ hasText: morning.playerAnimalName }).waitFor();
    assert.equal(await rows.count(), 2);
    // The states still filter as before.
    await show.selectOption('active');
    assert.equal(await rows.count(), 2);
  });

  test("another activity's Live starts from its own choices, not those made for the one before", { timeout: 60_000 }, async () => {
    const physics = makeActivity(collector.context.db, { name: '1A physics' });
    const chemistry = makeActivity(collector.context.db, { name: '1A chemistry' });
    for (const activity of [physics, chemistry]) {
      await startOk(collector.url, activity.trackingCode);
      await admin(`/activities/${activity.id}/close`);
      await admin(`/activities/${activity.id}/open`);
    }
    const latecomer = await startOk(collector.url, chemistry.trackingCode);

    await page.goto(`${collector.url}/`);
    await page.locator('#activity-picker').selectOption(physics.id);
    const show = page.getByLabel('Show');
    await show.selectOption('all');
    await page.getByLabel('Find a player').fill('nobody');
    await page.locator('#activity-picker').selectOption(chemistry.id);
    const rows = page.locator('.live-table tbody tr');
    await rows.filter({ hasText: latecomer.playerAnimalName }).waitFor();
    assert.equal(await show.inputValue(), 'lesson', 'opened again today: this lesson first, as for a first visit');
    assert.equal(await page.getByLabel('Find a player').inputValue(), '');
    assert.equal(await rows.count(), 1);
  });

  test('an activity reopened on an earlier day shows all its sessions', { timeout: 60_000 }, async () => {
    const history = makeActivity(collector.context.db, { name: '1B history' });
    await startOk(collector.url, history.trackingCode);
    await admin(`/activities/${history.id}/close`);
    await admin(`/activities/${history.id}/open`);
    await startOk(collector.url, history.trackingCode);
    // Closed and opened again yesterday: today the teacher may be looking back at both lessons.
    const day = 24 * 60 * 60_000;
    await collector.context.writer.run((tx) =>
      tx
        .prepare('UPDATE activities SET closed = ?, opened = ? WHERE id = ?')
        .run(new Date(Date.now() - day - 60_000).toISOString(), new Date(Date.now() - day).toISOString(), history.id),
    );

    await page.goto(`${collector.url}/`);
    await page.locator('#activity-picker').selectOption(history.id);
    const rows = page.locator('.live-table tbody tr');
    await rows.nth(1).waitFor();
    assert.equal(await page.getByLabel('Show').inputValue(), 'all');
  });
});
