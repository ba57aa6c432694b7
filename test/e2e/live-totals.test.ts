import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const MINUTE = 60_000;
/** The collector's clock, moved forward as if the game had fallen silent. */
let offset = 0;

describe('the header counts a session as live while its game sends', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  let dashboard: CollectorDashboard | undefined;

  before(async () => {
    dashboard = await collectorDashboard({ now: () => Date.now() + offset });
    ({ collector, page } = dashboard);
    // The page's timers are the test's to run: the header's refetch without a change comes when the test says.
    await page.clock.install();
  });

  after(() => dashboard?.close());

  const liveCount = () => page.locator('[data-total="live-sessions"]');

  test('and no longer once it has been silent for 3 minutes, without a reload', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const session = await startOk(collector.url, activity.trackingCode);
    await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }]);
    await page.goto(`${collector.url}/activities`);
    await liveCount().filter({ hasText: /^1$/ }).waitFor();
    await page.locator('.activities-table tbody tr', { hasText: 'Fractions' }).getByText('1 live').waitFor();

    offset = 2 * MINUTE;
    await page.clock.fastForward(31_000);
    await page.waitForTimeout(300);
    await liveCount().filter({ hasText: /^1$/ }).waitFor();

    offset = 4 * MINUTE;
    await page.clock.fastForward(31_000);
    await liveCount().filter({ hasText: /^0$/ }).waitFor();
    await page.locator('.activities-table tbody tr', { hasText: 'Fractions' }).getByText('0 live').waitFor();
  });
});
