import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe("Player: erasing a player's data in their last activity", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  test('the player goes with the last of their data: Players says so, and lists them no more', async () => {
    const { collector, page } = dashboard;
    const activity = makeActivity(collector.context.db, { name: 'Fractions 3B' });
    const started = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, started.authToken, [statementS(started.actor)])).status, 200);
    await collector.context.ingest.idle();
    const id = (collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(started.playerId) as { id: string }).id;

    await page.goto(`${collector.url}/players/${id}`);
    await page.getByRole('button', { name: "Erase this player's data…" }).click();
    await page.getByLabel('Erase where').selectOption({ label: 'only in Fractions 3B' });
    // Said before the teacher confirms, as `aula player erase` says it.
    await page.getByRole('note').filter({ hasText: 'That is the last of their data: the player goes too, and is no longer listed on Players.' }).waitFor();
    await page.getByLabel('I understand this cannot be undone').check();
    await page.getByRole('button', { name: 'Erase', exact: true }).click();

    // Their page is gone with them: the teacher is on Players, told why.
    await page.getByRole('heading', { level: 1, name: 'Players' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Erased 1 statement and 1 session: the last of their data, so the player went too. Backups made before the erasure still hold the data' })
      .waitFor();
    await page.getByText('Nobody has played yet').waitFor();
    assert.deepEqual(collector.context.db.prepare('SELECT count(*) AS n FROM players').get(), { n: 0 });
  });

  test('with data in another activity, erasing in one says nothing of the player going; in the last one it does', async () => {
    const { collector, page } = dashboard;
    const maths = makeActivity(collector.context.db, { name: 'Maths 4C' });
    const history = makeActivity(collector.context.db, { name: 'History 4C' });
    const inMaths = await startOk(collector.url, maths.trackingCode);
    assert.equal((await track(collector.url, inMaths.authToken, [statementS(inMaths.actor)])).status, 200);
    const inHistory = await startOk(collector.url, history.trackingCode, { body: { anonymous: inMaths.playerId } });
    assert.equal((await track(collector.url, inHistory.authToken, [statementS(inHistory.actor)])).status, 200);
    await collector.context.ingest.idle();
    const id = (collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(inMaths.playerId) as { id: string }).id;

    await page.goto(`${collector.url}/players/${id}`);
    await page.getByRole('button', { name: "Erase this player's data…" }).click();
    const previewed = page.waitForResponse((response) => response.url().includes('/erasures/preview?'));
    await page.getByLabel('Erase where').selectOption({ label: 'only in Maths 4C' });
    assert.equal(((await (await previewed).json()) as { playerRemoved: boolean }).playerRemoved, false);
    assert.equal(await page.getByRole('note').count(), 0);
    await page.getByLabel('I understand this cannot be undone').check();
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Erased 1 statement and 1 session.' }).waitFor();

    // History now holds the last of their data.
    await page.getByRole('button', { name: "Erase this player's data…" }).click();
    await page.getByLabel('Erase where').selectOption({ label: 'only in History 4C' });
    await page.getByRole('note').filter({ hasText: 'That is the last of their data' }).waitFor();
  });
});
