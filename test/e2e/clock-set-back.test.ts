import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';
import { movablePageClock, type PageClock } from './page-clock.js';

const HOUR = 60 * 60_000;
/** The laptop's clock as the collector reads it; the dashboard's window reads the same clock (set with setClock). */
let offset = 0;

describe("the dashboard when the laptop's clock is set back (docs/clock.md)", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  let dashboard: CollectorDashboard | undefined;
  let pageClock: PageClock;

  before(async () => {
    dashboard = await collectorDashboard({ now: () => Date.now() + offset });
    ({ collector, page } = dashboard);
    // The page's wall clock moves as the laptop's does (its monotonic clock, performance.now, does not).
    pageClock = await movablePageClock(page);
  });

  after(() => dashboard?.close());

  /** Sets the laptop's clock `ms` from real time: the collector's and the page's wall clock. */
  async function setClock(ms: number): Promise<void> {
    await pageClock.move(ms - offset);
    offset = ms;
  }

  async function play(trackingCode: string): Promise<string> {
    const game = await startOk(collector.url, trackingCode);
    await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    return game.playerAnimalName;
  }

  test('Live shows a game that starts after the clock was set back an hour at once, not an hour later', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const first = await play(activity.trackingCode);
    await page.goto(`${collector.url}/`);
    await page.locator('.live-table tbody tr', { hasText: first }).waitFor();

    // The teacher sets the laptop's clock right: it was an hour fast. A student starts the game.
    await setClock(-HOUR);
    const second = await play(activity.trackingCode);
    await page.locator('.live-table tbody tr', { hasText: second }).waitFor({ timeout: 10_000 });
  });
});
