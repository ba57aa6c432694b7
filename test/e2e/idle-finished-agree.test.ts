import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { chromiumMissing, dashboardForSuite, scriptedTracker } from './browser-support.js';

const MIN = 60_000;
/** The real js-tracker in its own process, driven command by command (alerts-tracker-session.cjs). */
const DRIVER = path.join(import.meta.dirname, 'alerts-tracker-session.cjs');
/** The laptop's clock as the collector reads it (ctx.now): real time plus this. */
let offset = 0;

describe("Live, the header, Activities, Diagnostics and the Idle alert agree on who is live, idle and finished", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened), { now: () => Date.now() + offset });

  /** A student's game with the real tracker: started (a level initialized), then each command flushed, then closed. */
  async function play(trackingCode: string, commands: string[] = []): Promise<string> {
    const game = scriptedTracker(DRIVER, collector.url, trackingCode);
    try {
      const started = await game.phase('started');
      assert.equal(started.ok, true, JSON.stringify(started));
      for (const [i, command] of commands.entries()) {
        game.send(command);
        assert.equal((await game.phase(`flushed-${i + 1}`)).ok, true, command);
      }
      // Closed without ending its session, as the trackers do.
      game.send('quit');
      return String(started.animalName);
    } finally {
      game.stop();
    }
  }

  async function putIdleRule(activityId: string, idle: { enabled: boolean; minutes: number }): Promise<void> {
    const answer = await request(`${collector.url}/admin/api/activities/${activityId}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ idle }),
    });
    assert.equal(answer.status, 200, answer.text);
  }

  async function live(activity: string): Promise<void> {
    await page.goto(`${collector.url}/`);
    // Its option may say the activity's alerts too ("Fractions — 1 warning"): chosen by the activity's name.
    const picker = page.getByLabel('Activity');
    const option = picker.locator('option', { hasText: activity }).first();
    await picker.selectOption((await option.getAttribute('value')) ?? '');
  }
  const lastSeen = (animalName: string) => page.locator('.live-table tbody tr', { hasText: animalName }).locator('.last-seen');
  const headerLive = () => page.locator('[data-total="live-sessions"]');

  async function diagnostics(): Promise<void> {
    await page.goto(`${collector.url}/diagnostics`);
    await page.getByRole('heading', { name: 'Diagnostics', exact: true }).waitFor();
  }
  const silentGame = (animalName: string) => page.locator('.diagnostic[data-kind="silent-games"] .diagnostic-item', { hasText: animalName });

  async function activitiesLive(activity: string): Promise<string | null> {
    await page.goto(`${collector.url}/activities`);
    return page.locator('tr', { hasText: activity }).getByText(/^\d+ live$/).textContent();
  }

  async function alerts(activity: string): Promise<void> {
    await page.goto(`${collector.url}/alerts`);
    // Its option may say the activity's alerts too ("Fractions — 1 warning"): chosen by the activity's name.
    const picker = page.getByLabel('Activity');
    const option = picker.locator('option', { hasText: activity }).first();
    await picker.selectOption((await option.getAttribute('value')) ?? '');
  }
  const alertRow = (animalName: string) => page.locator('.alerts-table tbody tr', { hasText: animalName });

  test('one threshold: 3 minutes with the Idle alert off (not 2 in Diagnostics), its minutes once it is on (not 3 in the header)', { timeout: 90_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const ana = await play(activity.trackingCode);
    offset += 2 * MIN;

    // Silent 2 minutes, the Idle alert off: active on Live, live in the header and Activities, not a silent game.
    await live('Fractions');
    await lastSeen(ana).getByText('2 min ago', { exact: true }).waitFor();
    assert.equal(
      await page.getByTestId('idle-after').textContent(),
      'Idle after 3 min, the default while the Idle alert of this activity is off (change it in Alerts)',
    );
    await page.locator('select', { hasText: 'active (1)' }).waitFor();
    await headerLive().getByText('1', { exact: true }).waitFor();
    // The header says what it counts, in Live's words.
    assert.equal(
      await page.locator('.total', { has: headerLive() }).getAttribute('title'),
      "Live: sessions Live shows active: not ended, their game silent for less than the activity's Idle alert minutes, or 3 minutes while that alert is off",
    );
    assert.equal(await activitiesLive('Fractions'), '1 live');
    await diagnostics();
    await page.getByRole('heading', { name: 'No connection problems' }).waitFor();
    assert.equal(await silentGame(ana).count(), 0);

    // The teacher sets the Idle alert to 1 minute: every screen calls Ana idle now, the alert included.
    await putIdleRule(activity.id, { enabled: true, minutes: 1 });
    await live('Fractions');
    await lastSeen(ana).getByText('idle 2 min', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('idle-after').textContent(), 'Idle after 1 min, as the Idle alert of this activity (change it in Alerts)');
    await headerLive().getByText('0', { exact: true }).waitFor();
    assert.equal(await activitiesLive('Fractions'), '0 live');
    await diagnostics();
    await silentGame(ana).waitFor();
    await alerts('Fractions');
    await alertRow(ana).locator('.latest-cause', { hasText: 'Idle for 1 min or more' }).waitFor();
  });

  test("one finished: the game's own completed, not a question's result.completion; Live, Diagnostics and the Idle alert say the same", { timeout: 90_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Geometry' });
    await putIdleRule(activity.id, { enabled: true, minutes: 1 });
    // Ben's game marks a question done (js-tracker's setCompletion(true) before the answer), in the middle of the game.
    const ben = await play(activity.trackingCode, ['completion question1 optionA']);
    // Cy's game ends as the trackers end one: `completed` on its serious-game object.
    const cy = await play(activity.trackingCode, ['finish 0.9']);
    offset += 2 * MIN;

    await live('Geometry');
    await lastSeen(ben).getByText('idle 2 min', { exact: true }).waitFor();
    await lastSeen(cy).getByText('finished 2 min ago', { exact: true }).waitFor();
    await page.locator('select', { hasText: 'idle (1)' }).waitFor();
    await page.locator('select', { hasText: 'finished (1)' }).waitFor();

    await diagnostics();
    await silentGame(ben).waitFor();
    assert.equal(await silentGame(cy).count(), 0, 'a finished game is not a silent one');

    await alerts('Geometry');
    await alertRow(ben).locator('.latest-cause', { hasText: 'Idle for 1 min or more' }).waitFor();
    assert.equal(await alertRow(cy).count(), 0, 'the Idle alert leaves a finished student alone');
  });
});
