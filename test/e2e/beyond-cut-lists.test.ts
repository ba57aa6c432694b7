import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer, } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { playerOfAllTerm, playerWithIdleWarnings } from '../support/long-played.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// Lists cut to their most recent rows (Live's 500 sessions, a player's 200, an alert history's 100) were also what
// other things were worked out from: after a term, Live named a student who had played as not started, a player's
// page did not offer to erase their data in an activity played only early on, and a student's alert history in
// Alerts & Warnings did not say older ones were left out.
describe('What the teacher sees beyond the lists cut to their most recent rows', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((opened) => ({ collector, page } = opened));

  test("Live: a student whose only session is older than the 500 listed is not named in Not started yet", { timeout: 60_000 }, async () => {
    const { db } = collector.context;
    const classId = await classWith(collector.url, '3B', ['ana', 'ben']);
    const activity = makeActivity(db, { name: 'Fractions', classId });
    await startOk(collector.url, activity.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') });
    db.transaction(() => {
      const player = createAnonymousPlayer(db);
      for (let i = 0; i < 520; i++) openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
    })();

    await page.goto(`${collector.url}/`);
    await page.locator('#activity-picker').selectOption(activity.id);
    await page.getByTestId('live-cut').waitFor();
    const missing = page.getByRole('region', { name: /Not started yet/ });
    await missing.waitFor();
    assert.equal(await missing.getByRole('heading').textContent(), 'Not started yet: 1 of 2 students of 3B');
    assert.equal(await missing.locator('.not-started-names').textContent(), 'ben');
  });

  test("a player's page offers to erase their data in an activity played only before their 200 listed sessions", { timeout: 60_000 }, async () => {
    const { player } = await playerOfAllTerm(collector);

    await page.goto(`${collector.url}/players/${player.id}`);
    await page.getByTestId('player-sessions-cut').waitFor();
    await page.getByRole('button', { name: "Erase this player's data…" }).click();
    const where = page.getByLabel('Erase where');
    assert.deepEqual(await where.locator('option').allTextContents(), [
      'everywhere (and the player itself)',
      'only in All term',
      'only in Autumn quiz',
    ]);

    // Erased there: the autumn session goes, the term's 200 stay.
    await where.selectOption({ label: 'only in Autumn quiz' });
    await page.getByLabel('I understand this cannot be undone').check();
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByText(/^Erased 0 statements and 1 session\./).waitFor();
    assert.equal((collector.context.db.prepare('SELECT count(*) AS n FROM sessions WHERE player_id = ?').get(player.id) as { n: number }).n, 200);
  });

  test("Alerts & Warnings: a student's 101 alerts in the activity, Details says only the 100 most recent are listed", { timeout: 60_000 }, async () => {
    const { activity, player } = await playerWithIdleWarnings(collector, 'Alerts all term', 101);

    await page.goto(`${collector.url}/alerts`);
    await page.locator('#alerts-activity').selectOption(activity.id);
    const row = page.locator('.alerts-table tbody tr', { hasText: player.animalName });
    await row.getByRole('button', { name: 'Details' }).click();
    const notice = row.getByTestId('alerts-history-cut');
    await notice.waitFor();
    assert.equal(
      await notice.textContent(),
      'Only the 100 most recent alerts and warnings of this player in this activity are listed; the file of everything Aula holds about this player has every one.',
    );
    assert.equal(await row.locator('.alert-items li').count(), 100);
    assert.equal(await notice.getByRole('link').getAttribute('href'), `/admin/api/players/${player.id}/access?lang=en`);
  });
});
