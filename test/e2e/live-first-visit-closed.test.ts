import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// One laptop, two classes: 1A's teacher closes 1A maths at noon while 1B plays history. 1A's games still count as
// live for the idle threshold after the close, and a first visit then opened Live on "1A maths (closed)".
describe('Live on a first visit right after an activity was closed', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const facts = () => page.locator('.activity-facts');

  test('shows the open activity being played, not the closed one', { timeout: 60_000 }, async () => {
    const maths = makeActivity(collector.context.db, { name: '1A maths' });
    const history = makeActivity(collector.context.db, { name: '1B history' });
    // More of 1A's games than of 1B's: by live sessions alone, 1A would still be the one being played.
    for (let i = 0; i < 3; i++) await startOk(collector.url, maths.trackingCode);
    await startOk(collector.url, history.trackingCode);

    // This browser watched 1A maths this morning.
    await page.goto(collector.url);
    await page.locator('#activity-picker').selectOption(maths.id);
    await facts().getByText(maths.trackingCode).waitFor();
    const closed = await postJson(`${collector.url}/admin/api/activities/${maths.id}/close`, {});
    assert.ok(closed.status < 300, closed.text);

    // The next visit: the one this browser chose last is closed, and games play in an open one.
    await page.goto(collector.url);
    await facts().getByText(history.trackingCode).waitFor();
    assert.equal(await page.locator('#activity-picker').inputValue(), history.id);
    assert.match((await facts().textContent()) ?? '', /· open$/);

    // A browser that remembers nothing: the same.
    await page.evaluate(() => window.localStorage.removeItem('aula.activity'));
    await page.goto(collector.url);
    await facts().getByText(history.trackingCode).waitFor();
    assert.equal(await page.locator('#activity-picker').inputValue(), history.id);
  });
});
