import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { gameStatements, seedClassroom } from '../api/export-support.js';
import { startTestCollector } from '../support/collector.js';
import { track } from '../support/rage.js';
import { startScriptedLrs } from '../support/scripted-lrs.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

describe('Words a teacher tripped on: the home page in Settings, "Not yet queued" on Upload', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;
  let lrs: Awaited<ReturnType<typeof startScriptedLrs>>;
  let classroom: Awaited<ReturnType<typeof seedClassroom>>;

  before(async () => {
    collector = await startTestCollector({ config: { dashboardDir: buildDashboard() } });
    classroom = await seedClassroom(collector);
    lrs = await startScriptedLrs((request, send) =>
      send(
        200,
        request.statements().map((statement) => statement.id),
      ),
    );
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
    await lrs?.close();
  });

  test('Settings shows the real port, and says the home page is a fixed name, not the address to open', async () => {
    await page.goto(`${collector.url}/settings`);
    const card = page.getByTestId('collector-settings');
    await card.getByText('Home page of players').waitFor();
    const port = new URL(collector.url).port;
    assert.notEqual(port, '3000');
    assert.match((await card.textContent()) ?? '', new RegExp(`port ${port}`));
    const hint = card.getByTestId('home-page-hint');
    assert.match((await hint.textContent()) ?? '', /not an address to open: a name in every statement's player account and object ids, fixed when Aula first ran/);
    assert.match((await hint.textContent()) ?? '', /Games connect to the address and port above\./);
  });

  test('Upload says what "Not yet queued" counts: statements stored since the last upload to that LRS, sent by the next', async () => {
    await page.goto(`${collector.url}/data`);
    await page.getByLabel('xAPI endpoint').fill(lrs.endpoint);
    await page.getByLabel('Key').fill('key');
    await page.getByLabel('Secret').fill('secret');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByTestId('upload-summary').getByText(/^Sent \d+/).waitFor();

    // One more statement after the upload: the table counts it as not yet queued for this LRS.
    const start = classroom.starts[0];
    assert.ok(start);
    const answer = await track(collector.url, start.authToken, gameStatements(start, 1));
    assert.equal(answer.status, 200, answer.text);
    await page.reload();
    const header = page.getByRole('columnheader', { name: 'Not yet queued' });
    await header.waitFor();
    const row = page.locator('table tbody tr', { hasText: lrs.endpoint });
    assert.equal(await row.locator('td').last().textContent(), '1');
    const hint = page.getByTestId('not-queued-hint');
    assert.equal(
      await hint.textContent(),
      'Not yet queued: statements stored here that no upload to this LRS has taken yet (stored since the last upload, or left out by aula upload --activity). The next Upload sends them.',
    );
    assert.equal(await header.getAttribute('title'), await hint.textContent());
  });
});
