import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe("Player: erasing a player's data everywhere", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  test('the Players screen it leads to says what was erased and that backups made before still hold it', async () => {
    const { collector, page } = dashboard;
    const activity = makeActivity(collector.context.db, { name: 'Fractions 3B' });
    const started = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, started.authToken, [statementS(started.actor), { ...statementS(started.actor), id: undefined }])).status, 200);
    const id = (collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(started.playerId) as { id: string }).id;

    await page.goto(`${collector.url}/players/${id}`);
    await page.getByRole('button', { name: "Erase this player's data…" }).click();
    await page.getByLabel('I understand this cannot be undone').check();
    await page.getByRole('button', { name: 'Erase', exact: true }).click();

    // The player is gone, and the player's page with it: the outcome went too, and the teacher saw only the list.
    await page.getByRole('heading', { level: 1, name: 'Players' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Erased 2 statements and 1 session. Backups made before the erasure still hold the data' }).waitFor();
    await page.getByText('Nobody has played yet').waitFor();

    // Said once: the next visit to Players does not repeat it.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Live', exact: true }).click();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Players', exact: true }).click();
    await page.getByText('Nobody has played yet').waitFor();
    assert.equal(await page.getByText('Backups made before the erasure still hold the data').count(), 0);
  });
});
