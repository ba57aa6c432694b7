import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createActivity } from '../../server/store/activities-repo.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

// The end of a study, in the dashboard: the teacher erases an activity's data, typing its tracking code to confirm.
describe("Activities: erase this activity's data", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  /** Minutes the collector's clock is ahead: the class's games fall silent without waiting. */
  let minutesLater = 0;
  let code = '';

  before(async () => {
    dashboard = await collectorDashboard({ now: () => Date.now() + minutesLater * 60_000 });
    const { collector } = dashboard;
    const activity = createActivity(collector.context.db, { name: 'Fractions study', game: 'Fraction Quest' });
    code = activity.trackingCode;
    for (const count of [2, 3]) {
      const started = await startOk(collector.url, code);
      const statements = Array.from({ length: count }, (_, i) => ({
        ...statementS(started.actor),
        timestamp: new Date(Date.UTC(2026, 2, 2, 9, 0, i)).toISOString(),
      }));
      assert.equal((await track(collector.url, started.authToken, statements)).status, 200);
    }
  });
  after(() => dashboard?.close());

  test('shows what would go, erases only once the code is typed and no game plays, then says exactly what went', async () => {
    const { page, collector } = dashboard;
    await page.goto(`${collector.url}/activities`);
    await page.getByRole('button', { name: 'Change Fractions study' }).click();
    await page.getByRole('button', { name: "Erase this activity's data…" }).click();
    const panel = page.getByRole('group', { name: "Erase this activity's data" });
    await panel
      .getByTestId('erase-preview')
      .getByText('What goes: 2 sessions, 5 statements, 2 players (2 with no data elsewhere, removed too), 0 results, 0 alerts, 0 refused-request samples, 0 upload states.')
      .waitFor();
    await panel.getByText('Backups made before the erasure still hold the data').waitFor();
    const erase = panel.getByRole('button', { name: 'Erase', exact: true });
    const input = panel.getByLabel(/Type the tracking code/);
    await input.fill('wrong');
    assert.equal(await erase.isDisabled(), true, 'another code does not unlock it');
    await input.fill(code);
    assert.equal(await erase.isEnabled(), true);

    // The games sent something a moment ago: refused, with what to do.
    await erase.click();
    await panel.getByRole('alert').getByText(/Nothing erased: 2 games are still playing in Fractions study .*Close the activity/).waitFor();
    assert.equal((collector.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 5, 'nothing erased');

    minutesLater = 6;
    await erase.click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          'Erased from Fractions study: 2 sessions, 5 statements, 2 players (2 with no data elsewhere, removed too), 0 results, 0 alerts, 0 refused-request samples, 0 upload states. The activity is closed and empty, and its xAPI key no longer works. Backups made before the erasure still hold the data',
      })
      .waitFor();
    await panel.waitFor({ state: 'detached' });
    const db = collector.context.db;
    assert.deepEqual(db.prepare('SELECT open, statements, sessions, players FROM activities').get(), { open: 0, statements: 0, sessions: 0, players: 0 });
    assert.equal((db.prepare('SELECT count(*) AS n FROM players').get() as { n: number }).n, 0);

    // Emptied, it can now be deleted like one no game has played.
    await page.getByRole('button', { name: 'Change Fractions study' }).click();
    await page.getByRole('button', { name: 'Delete activity…' }).waitFor();
    assert.equal(await page.getByRole('button', { name: "Erase this activity's data…" }).count(), 0);
  });
});

describe("Player: erasing a player's data names the backups too", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  after(() => dashboard?.close());

  test('after erasing in one activity, the teacher reads that backups made before still hold the data', async () => {
    dashboard = await collectorDashboard();
    const { collector, page } = dashboard;
    const db = collector.context.db;
    const maths = createActivity(db, { name: 'Maths', game: 'Number Quest' });
    const art = createActivity(db, { name: 'Art', game: 'Colours' });
    const first = await startOk(collector.url, maths.trackingCode);
    const second = await startOk(collector.url, art.trackingCode, { body: { anonymous: first.playerId } });
    for (const started of [first, second]) assert.equal((await track(collector.url, started.authToken, [statementS(started.actor)])).status, 200);
    const id = (db.prepare('SELECT id FROM players WHERE public_id = ?').get(first.playerId) as { id: string }).id;
    await page.goto(`${collector.url}/players/${id}`);
    await page.getByRole('button', { name: "Erase this player's data…" }).click();
    await page.getByLabel('Erase where').selectOption({ label: 'only in Maths' });
    await page.getByLabel('I understand this cannot be undone').check();
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Erased 1 statement and 1 session. Backups made before the erasure still hold the data' }).waitFor();
  });
});
