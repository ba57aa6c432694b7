import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { adminPost } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

// The researcher after a day when one laptop served 1A and 1B: 1A's morning alone (the activity was closed at the
// end of the morning and opened again after lunch), one class's statements, both classes.
describe('Data → Export cuts an activity at its lessons and exports one class', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;

  before(async () => {
    collector = await startTestCollector({ config: { dashboardDir: buildDashboard() } });
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  const admin = (pathname: string, body?: unknown) => adminPost(collector.url, pathname, body);
  const play = async (code: string, statements: number) => {
    const session = await startOk(collector.url, code);
    const body = Array.from({ length: statements }, () => ({ ...statementS(session.actor), id: undefined }));
    assert.equal((await track(collector.url, session.authToken, body)).status, 200);
  };

  test("the morning before the activity was opened again, the afternoon since, and one class's statements", async () => {
    const classA = (await admin('/classes', { name: '1A' })).class?.id ?? '';
    const classB = (await admin('/classes', { name: '1B' })).class?.id ?? '';
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB });
    await play(maths.trackingCode, 3);
    await play(history.trackingCode, 4);
    await admin(`/activities/${maths.id}/close`);
    // Lunch: the cut is to the second, as the Stored from/until fields hold it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await admin(`/activities/${maths.id}/open`);
    await play(maths.trackingCode, 2);

    await page.goto(`${collector.url}/data`);
    const count = page.getByTestId('export-count');
    await count.getByText('9 statements match.').waitFor();
    await page.getByLabel('Activity to export').selectOption(maths.trackingCode);
    await count.getByText('5 statements match.').waitFor();
    await page.getByText(/^1A maths was closed at .+ and opened again at .+:/).waitFor();

    await page.getByRole('button', { name: 'Before it was opened again' }).click();
    await count.getByText('3 statements match.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const lines = fs.readFileSync(await download.path(), 'utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, 3, "1A's morning alone");

    await page.getByRole('button', { name: 'Since it was opened again' }).click();
    await count.getByText('2 statements match.').waitFor();

    await page.getByLabel('Activity to export').selectOption('');
    await page.getByLabel('Stored from').fill('');
    await page.getByLabel('Class to export').selectOption('1B');
    await count.getByText('4 statements match.').waitFor();
    await page.getByLabel('Class to export').selectOption('');
    await count.getByText('9 statements match.').waitFor();
  });
});
