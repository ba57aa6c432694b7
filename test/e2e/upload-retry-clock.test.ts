import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { seedClassroom } from '../api/export-support.js';
import { startTestCollector } from '../support/collector.js';
import { startScriptedLrs } from '../support/scripted-lrs.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';
import { movablePageClock } from './page-clock.js';

const MIN = 60_000;

describe("Data screen: an upload's countdown on a phone whose clock is not the laptop's", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;
  let lrs: Awaited<ReturnType<typeof startScriptedLrs>>;

  before(async () => {
    collector = await startTestCollector({ config: { dashboardDir: buildDashboard() } });
    await seedClassroom(collector);
    // Overloaded for the first POST: 503 with Retry-After: 3, then it stores.
    let posts = 0;
    lrs = await startScriptedLrs((request, send) => {
      if (++posts <= 1) return send(503, 'busy', { 'Retry-After': '3' });
      send(
        200,
        request.statements().map((statement) => statement.id),
      );
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    // The teacher's phone: its clock five minutes ahead of the laptop's.
    await movablePageClock(page, { wallAheadMs: 5 * MIN });
    await page.goto(`${collector.url}/data`);
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
    await lrs?.close();
  });

  test('counts down the seconds the laptop waits, not "waiting for its answer" before the request is sent', async () => {
    await page.getByLabel('xAPI endpoint').fill(lrs.endpoint);
    await page.getByLabel('Key').fill('key');
    await page.getByLabel('Secret').fill('secret');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const notice = page.getByTestId('upload-retry');
    await notice.getByText(/^The LRS answered 503; trying again in [1-3] s, at [^(]*\d\d:\d\d[^(]* \(attempt 2 of 7\)\. Nothing is lost/).waitFor();
    await page.getByTestId('upload-summary').getByText('The LRS was asked again once after it was busy or unreachable.').waitFor();
  });
});
