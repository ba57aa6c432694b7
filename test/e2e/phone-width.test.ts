import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

/** A phone held upright (iPhone 12–15): the teacher walking between the desks with the dashboard in hand. */
const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways: 0 when everything is within the screen's width or in its own scroller. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * On a phone every screen fits the width (a wide table scrolls inside its box, the page itself never sideways),
 * and the header with its two rows of links scrolls away instead of covering a quarter of the screen.
 */
describe('the dashboard on a phone', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard | undefined;
  let collector: Collector;
  let page: Page;
  let playerId = '';

  before(async () => {
    dashboard = await collectorDashboard();
    ({ collector, page } = dashboard);
    const activity = makeActivity(collector.context.db, { name: 'Fractions quest, lesson 3 of the spring term' });
    const created = await adminApi(collector.url, '/classes', { name: '3B' });
    assert.equal(created.status, 201, created.text);
    for (let player = 0; player < 12; player++) {
      const started = await startOk(collector.url, activity.trackingCode);
      playerId = started.playerId;
      const batch = Array.from({ length: 6 }, (_, step) => ({
        ...statementS(started.actor),
        id: undefined,
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: `http://example.com/games/fractions/level-${step}-with-a-rather-long-name`, definition: { type: 'http://adlnet.gov/expapi/activities/level' } },
        result: { score: { raw: step * 10 }, success: step % 2 === 0, completion: true },
        timestamp: new Date().toISOString(),
      }));
      assert.equal((await track(collector.url, started.authToken, batch)).status, 200);
    }
    // A batch Aula refuses, kept with a sample of what was sent: one line of about 2 KB on Diagnostics.
    const refused = await startOk(collector.url, activity.trackingCode);
    const invalid = [{ ...statementS(refused.actor), verb: 'not-a-verb', result: { response: 'a'.repeat(3000) } }];
    assert.equal((await track(collector.url, refused.authToken, invalid)).status, 400);
    await page.setViewportSize(PHONE);
  });

  after(() => dashboard?.close());

  /** The screens wider than the phone, each with by how much. */
  async function wideScreens(): Promise<string[]> {
    const screens = ['/', '/activities', '/alerts', '/classes', '/results', '/players', `/players/${playerId}`, '/statements', '/connect', '/diagnostics', '/data', '/settings'];
    const wide: string[] = [];
    for (const screen of screens) {
      await page.goto(`${collector.url}${screen}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await sidewaysScroll(page);
      if (overflow > 0) wide.push(`${screen} (${overflow} px)`);
    }
    return wide;
  }

  test('no screen scrolls sideways', { timeout: 90_000 }, async () => {
    assert.deepEqual(await wideScreens(), [], 'screens wider than the phone');
  });

  test('nor in Spanish, whose words are longer', { timeout: 90_000 }, async () => {
    await page.evaluate(() => window.localStorage.setItem('aula.language', 'es'));
    try {
      assert.deepEqual(await wideScreens(), [], 'screens wider than the phone');
      assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    } finally {
      await page.evaluate(() => window.localStorage.removeItem('aula.language'));
    }
  });

  test('nor once a sample of a refused batch or the trackers\' settings are opened', { timeout: 30_000 }, async () => {
    const opened: string[] = [];
    for (const [screen, summary] of [
      ['/diagnostics', 'Sample sent'],
      ['/connect', 'Settings for each tracker'],
    ] as const) {
      await page.goto(`${collector.url}${screen}`);
      await page.getByText(summary, { exact: true }).first().click();
      const overflow = await sidewaysScroll(page);
      if (overflow > 0) opened.push(`${screen} (${overflow} px)`);
    }
    assert.deepEqual(opened, [], 'screens wider than the phone once opened');
  });

  test('the header scrolls away with the page', { timeout: 30_000 }, async () => {
    await page.goto(`${collector.url}/`);
    await page.getByRole('link', { name: /-/ }).nth(11).waitFor();
    await page.evaluate(() => window.scrollTo(0, 600));
    const headerBottom = await page.locator('header').first().evaluate((element) => element.getBoundingClientRect().bottom);
    assert.ok(headerBottom <= 0, `the header still covers the top ${headerBottom} px of the screen after scrolling`);
  });
});
