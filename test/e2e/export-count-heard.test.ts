import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe("Data → Export's count, as a screen reader hears it", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  test('choosing an activity is followed by its own count, not the count of the filters before', async () => {
    const { collector, page } = dashboard;
    const codes: string[] = [];
    for (const [name, statements] of [
      ['Fractions 3B', 7],
      ['Decimals 3B', 2],
    ] as const) {
      const activity = makeActivity(collector.context.db, { name });
      codes.push(activity.trackingCode);
      const started = await startOk(collector.url, activity.trackingCode);
      const body = Array.from({ length: statements }, () => ({ ...statementS(started.actor), id: undefined }));
      assert.equal((await track(collector.url, started.authToken, body)).status, 200);
    }

    await page.goto(`${collector.url}/data`);
    const shown = page.getByTestId('export-count');
    const heard = page.locator('.visually-hidden[role="status"]').first();
    await page.getByText('9 statements match.').first().waitFor();
    assert.equal((await heard.textContent())?.trim(), '9 statements match.');

    await page.getByLabel('Activity').selectOption({ label: `Decimals 3B (${codes[1]})` });
    await page.waitForFunction(() => document.querySelector('[data-testid="export-count"]')?.textContent?.trim() === '2 statements match.');
    assert.equal((await shown.textContent())?.trim(), '2 statements match.');
    // It stayed at "9 statements match.": heard at once, from the render in which the filter changed.
    assert.equal((await heard.textContent())?.trim(), '2 statements match.');
  });
});
