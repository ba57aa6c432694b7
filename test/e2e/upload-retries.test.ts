import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { seedClassroom } from '../api/export-support.js';
import { startTestCollector } from '../support/collector.js';
import { startScriptedLrs } from '../support/scripted-lrs.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

describe('Data screen: an upload to a busy LRS says why it waits and when it tries again, as aula upload does', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;
  let lrs: Awaited<ReturnType<typeof startScriptedLrs>>;
  let total = 0;
  const stored = new Set<string>();

  before(async () => {
    collector = await startTestCollector({ config: { dashboardDir: buildDashboard() } });
    const classroom = await seedClassroom(collector);
    total = classroom.sent.reduce((sum, n) => sum + n, 0);
    // A proxy in front of the LRS, overloaded for the first two POSTs: 503 with Retry-After: 2, then it stores.
    let posts = 0;
    lrs = await startScriptedLrs((request, send) => {
      if (++posts <= 2) return send(503, '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>', { 'Retry-After': '2' });
      const statements = request.statements();
      for (const statement of statements) stored.add(String(statement.id));
      send(
        200,
        statements.map((statement) => statement.id),
      );
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${collector.url}/data`);
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
    await lrs?.close();
  });

  test('the wait is announced with its reason, its time and the attempt; the outcome says the LRS was asked again', async () => {
    await page.getByLabel('xAPI endpoint').fill(lrs.endpoint);
    await page.getByLabel('Key').fill('key');
    await page.getByLabel('Secret').fill('secret');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const notice = page.getByTestId('upload-retry');
    await notice.getByText(/^The LRS answered 503; trying again in [12] s, at [^(]*\d\d:\d\d[^(]* \(attempt 2 of 7\)\. Nothing is lost/).waitFor();
    await notice.getByText(/\(attempt 3 of 7\)/).waitFor();
    const summary = page.getByTestId('upload-summary');
    await summary.getByText(`Sent ${total}, already there 0, conflicts 0, rejected 0.`).waitFor();
    await summary.getByText(`For this LRS: ${total} sent, 0 conflicts, 0 rejected, 0 pending.`).waitFor();
    await summary.getByText('The LRS was asked again 2 times after it was busy or unreachable.').waitFor();
    assert.equal(await notice.count(), 0, 'the notice goes once the upload is done');
    assert.equal(stored.size, total);
  });
});
