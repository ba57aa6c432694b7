import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, track } from '../support/rage.js';
import { diskFillingBatch } from '../support/track-batches.js';
import { chromiumMissing, dashboardForSuite, scriptedTracker } from './browser-support.js';

const PLAY = path.join(import.meta.dirname, 'play-tracker-session.cjs');
const ALERTS = path.join(import.meta.dirname, 'alerts-tracker-session.cjs');

/** Is `selector` a live region that was in the page before anything came into it? Checked once, while it is empty. */
const liveRegion = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => ({
    role: element.getAttribute('role'),
    live: element.getAttribute('aria-live'),
    text: element.textContent ?? '',
  }));

/**
 * What changes by itself is said by the screen reader without the teacher looking: games that start, students who go
 * idle, a new alert, a full disk. The regions are in the page before their news (a region added with its text is often
 * not read), and statements, which come all the time, are not said.
 */
describe('live news for a screen reader, from real games', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  // The collector's clock, moved forward to make a game idle without waiting minutes.
  let shift = 0;

  dashboardForSuite((opened) => ({ collector, page } = opened), { now: () => Date.now() + shift });

  test('the header says a new alert on any screen', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Quiz' });
    const rules = (await (await fetch(`${collector.url}/admin/api/activities/${activity.id}/rules`)).json()) as {
      rules: { wrongAnswers: { enabled: boolean; inARow: number } };
    };
    rules.rules.wrongAnswers = { ...rules.rules.wrongAnswers, enabled: true, inARow: 2 };
    const saved = await fetch(`${collector.url}/admin/api/activities/${activity.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rules.rules),
    });
    assert.equal(saved.status, 200);
    await page.goto(`${collector.url}/statements`);
    await page.getByRole('heading', { name: 'Statements', exact: true }).waitFor();
    const region = page.getByTestId('alert-count-region');
    const before = await liveRegion(page, '[data-testid="alert-count-region"]');
    assert.equal(before.role, 'status');
    assert.equal(before.text.includes('alert'), false);

    const game = scriptedTracker(ALERTS, collector.url, activity.trackingCode);
    try {
      await game.phase('started');
      game.send('wrong q1 a');
      await game.phase('flushed-1');
      game.send('wrong q2 b');
      await game.phase('flushed-2');
      await region.getByText('1 alert', { exact: true }).waitFor();
      assert.equal(await region.getAttribute('aria-atomic'), 'true');
    } finally {
      game.stop();
    }
  });

  test('the full-disk banner comes into a region that was waiting for it, in the header', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Filling' });
    const player = await startOk(collector.url, activity.trackingCode);
    await page.goto(`${collector.url}/`);
    await page.getByRole('heading', { name: 'Live', exact: true }).waitFor();
    assert.deepEqual(await liveRegion(page, '[data-testid="dashboard-banners"]'), { role: 'alert', live: null, text: '' });
    assert.equal(await page.getByRole('banner').getByTestId('dashboard-banners').count(), 1, 'in a landmark');

    const batch = (serial: number) => diskFillingBatch(player, serial);
    const pages = collector.context.db.pragma('page_count', { simple: true }) as number;
    collector.context.ingest.setMaxPages(pages + 20);
    try {
      let serial = 0;
      let status = 200;
      while (status === 200 && serial < 200) status = (await track(collector.url, player.authToken, batch(serial++))).status;
      assert.equal(status, 503);
      await page.getByTestId('dashboard-banners').getByTestId('disk-full-banner').waitFor();
    } finally {
      collector.context.ingest.setMaxPages(1_000_000);
    }
  });
  // Last: it moves the collector's clock.
  test('Live says which game started and who went idle, once, and not every statement', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const first = await startOk(collector.url, activity.trackingCode);
    await page.goto(`${collector.url}/`);
    await page.getByLabel('Activity').selectOption({ label: 'Fractions' });
    await page.locator('.live-table tbody tr', { hasText: first.playerAnimalName }).waitFor();
    const news = page.getByTestId('live-news');
    assert.deepEqual(await liveRegion(page, '[data-testid="live-news"]'), { role: 'status', live: null, text: '' }, 'the sessions already there are not news');

    const game = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    try {
      const started = String((await game.phase('started')).animalName);
      await game.phase('flushed');
      await news.filter({ hasText: `New session: ${started}.` }).waitFor();
      // Statements and progress change the table, not what is said.
      game.next();
      await game.phase('done');
      await page.locator('.live-table tbody tr', { hasText: started }).locator('.statements-count', { hasText: /^4$/ }).waitFor();
      await page.waitForTimeout(2500);
      assert.equal(await news.textContent(), `New session: ${started}.`);

      // Ten minutes later (on the collector's clock) another game starts: both news in one sentence.
      shift = 10 * 60_000;
      const late = await startOk(collector.url, activity.trackingCode);
      await news.filter({ hasText: `New session: ${late.playerAnimalName}.` }).waitFor();
      const said = (await news.textContent()) ?? '';
      assert.match(said, /Idle now: |sessions idle now: /);
      assert.ok(said.includes(first.playerAnimalName) && said.includes(started), said);
    } finally {
      game.stop();
      shift = 0;
    }
  });
});
