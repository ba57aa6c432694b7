import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { findAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { playerWithIdleWarnings } from '../support/long-played.js';
import { startOk, trackStatements } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// A student who played all term: their page listed the 200 most recent sessions without saying so, and under the
// timeline "see Statements for more" led nowhere in particular.
describe("A player's page says when it lists only their most recent sessions, statements and alerts", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('201 sessions, 101 statements: both notices, and the link to all their statements', { timeout: 60_000 }, async () => {
    const { db } = collector.context;
    const activity = makeActivity(db, { name: 'All term' });
    const first = await startOk(collector.url, activity.trackingCode);
    await trackStatements(collector.url, first, 101);
    const player = findAnonymousPlayer(db, first.playerId);
    assert.ok(player);
    db.transaction(() => {
      for (let i = 0; i < 200; i++) openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
    })();

    await page.goto(`${collector.url}/players/${player.id}`);
    const sessions = page.getByTestId('player-sessions-cut');
    await sessions.waitFor();
    assert.equal(
      await sessions.textContent(),
      'Only the 200 most recent sessions are listed; the file of everything Aula holds about this player has every one.',
    );
    assert.equal(await sessions.getByRole('link').getAttribute('href'), `/admin/api/players/${player.id}/access?lang=en`);
    const timeline = page.getByTestId('player-timeline-cut');
    assert.equal(
      await timeline.textContent(),
      "Only the 100 most recent statements are shown: Statements shows all of this player's, older ones on request, and Data exports them.",
    );
    assert.equal(await timeline.getByRole('link', { name: 'Data' }).getAttribute('href'), `/data?player=${first.playerId}`);

    // Statements, with this player chosen: the older ones one click away.
    await timeline.getByRole('link', { name: 'Statements' }).click();
    await page.getByRole('button', { name: 'Load older statements' }).waitFor();
    assert.equal(new URL(page.url()).search, `?player=${player.id}`);
  });

  test('101 alerts: "Only the 100 most recent alerts and warnings…", with the file that has them all', { timeout: 60_000 }, async () => {
    const { player } = await playerWithIdleWarnings(collector, 'Alerts all term', 101);

    await page.goto(`${collector.url}/players/${player.id}`);
    const notice = page.getByTestId('player-alerts-cut');
    await notice.waitFor();
    assert.equal(
      await notice.textContent(),
      'Only the 100 most recent alerts and warnings are listed; the file of everything Aula holds about this player has every one.',
    );
    assert.equal(await page.locator('.player-alerts li').count(), 100);
    assert.equal(await notice.getByRole('link').getAttribute('href'), `/admin/api/players/${player.id}/access?lang=en`);
    // Fewer sessions and statements than the page lists: neither is said to be cut.
    assert.equal(await page.getByTestId('player-sessions-cut').count(), 0);
    assert.equal(await page.getByTestId('player-timeline-cut').count(), 0);
  });
});
