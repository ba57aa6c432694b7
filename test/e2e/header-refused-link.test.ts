import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeActivity } from '../support/fixtures.js';
import { start } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe("the header's count of refused requests", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  test('leads to Diagnostics, where the teacher finds what was refused and what to do', async () => {
    const { collector, page } = dashboard;
    const activity = makeActivity(collector.context.db, { name: 'Fractions 3B' });
    // A game typed the code in capitals.
    const refused = await start(collector.url, activity.trackingCode.toUpperCase());
    assert.equal(refused.status, 404);

    await page.goto(`${collector.url}/players`);
    // It pointed at "the collector log", which a teacher using the desktop app never sees.
    await page.getByRole('link', { name: '1 refused' }).click();
    await page.getByRole('heading', { level: 1, name: 'Diagnostics' }).waitFor();
    await page.getByText(`Did they mean ${activity.trackingCode}?`).waitFor();
  });
});
