import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';
import { movablePageClock, type PageClock } from './page-clock.js';

const MIN = 60_000;
/** The laptop's clock as the collector reads it (ctx.now): real time plus this. */
let offset = 0;
/**
 * What the rules' pause watch sees of the laptop's wall clock beyond real time: only sleeps and clocks set. Time that
 * merely passes in this test moves `offset` alone, as it would move both of a laptop's clocks while it runs.
 */
let jumps = 0;

describe("Live's idle badge counts what the Idle rule counts: not the laptop's sleep, nor a clock set back (docs/clock.md)", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  let dashboard: CollectorDashboard | undefined;
  /** The teacher's tablet: its wall clock and its monotonic clock, moved by the test as the tablet's would be. */
  let tablet: PageClock;

  before(async () => {
    dashboard = await collectorDashboard({ now: () => Date.now() + offset });
    ({ collector, page } = dashboard);
    rulesEngineFor(collector.context).watchClocks({ wall: () => Date.now() + jumps, monotonic: () => performance.now() });
    tablet = await movablePageClock(page);
  });

  after(() => dashboard?.close());


  async function play(trackingCode: string) {
    const game = await startOk(collector.url, trackingCode);
    const answer = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    assert.equal(answer.status, 200, answer.text);
    return game;
  }

  /** The rules' timer looks at the clocks (every second; here minutes pass in milliseconds), as it did just before a jump. */
  const look = () => rulesEngineFor(collector.context).tick();

  const lastSeen = (animalName: string) => page.locator('.live-table tbody tr', { hasText: animalName }).locator('.last-seen');

  test('after the laptop slept over lunch, a student whose game has not sent yet is not shown idle 45 min', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const ana = await play(activity.trackingCode);
    await page.goto(`${collector.url}/`);
    await lastSeen(ana.playerAnimalName).getByText(/^(just now|\d+ s ago)$/).waitFor();

    // The laptop sleeps 45 minutes; the tablet stays awake. Another student's game sends first when the lid opens.
    look();
    offset += 45 * MIN;
    jumps += 45 * MIN;
    await tablet.move(45 * MIN, 45 * MIN);
    const ben = await play(activity.trackingCode);
    await lastSeen(ben.playerAnimalName).waitFor();
    // Past the next tick of the badge's timer (every 5 s): what it shows then, not what it showed with the answer.
    await page.waitForTimeout(6000);
    const shown = await lastSeen(ana.playerAnimalName).textContent();
    assert.match(shown ?? '', /^(just now|\d+ s ago)$/, `Ana was silent seconds while Aula was watching, shown: ${shown}`);
  });

  test('after the clock is set back an hour, a student silent for 4 minutes is still shown idle 4 min, not "just now", and sorts after a game heard from since', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Geometry' });
    const cy = await play(activity.trackingCode);
    // Four minutes pass, on the laptop and on the tablet alike.
    offset += 4 * MIN;
    await tablet.move(4 * MIN, 4 * MIN);
    await page.goto(`${collector.url}/`);
    await page.getByLabel('Activity').selectOption({ label: 'Geometry' });
    await lastSeen(cy.playerAnimalName).getByText('idle 4 min').waitFor();

    // The teacher sets the laptop's clock right (it was an hour fast), and the tablet's with it.
    look();
    offset -= 60 * MIN;
    jumps -= 60 * MIN;
    await tablet.move(-60 * MIN, 0);
    await page.reload();
    await lastSeen(cy.playerAnimalName).waitFor();
    // Past the next tick of the badge's timer (every 5 s): what it shows then, not what it showed with the answer.
    await page.waitForTimeout(6000);
    const shown = await lastSeen(cy.playerAnimalName).textContent();
    assert.match(shown ?? '', /^idle 4 min$/, `shown: ${shown}`);

    // A student starts now: sorted by Last seen, newest first, that game comes before the one silent for minutes.
    const dan = await play(activity.trackingCode);
    await lastSeen(dan.playerAnimalName).waitFor();
    await page.getByRole('button', { name: 'Last seen' }).click();
    const order = await page.locator('.live-table tbody tr').allTextContents();
    assert.deepEqual(
      order.map((row) => (row.includes(dan.playerAnimalName) ? 'Dan' : row.includes(cy.playerAnimalName) ? 'Cy' : row)),
      ['Dan', 'Cy'],
    );
  });
});
