import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const MIN = 60_000;
const TICK_LABELS = '.chart .recharts-xAxis-tick-labels text';
/** The laptop's clock as the collector reads it: real time plus this. */
let offset = 0;

describe("Live's statements-per-minute chart after the laptop's clock was set back (docs/clock.md)", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened), { now: () => Date.now() + offset });

  async function play(trackingCode: string): Promise<void> {
    const game = await startOk(collector.url, trackingCode);
    const answer = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    assert.equal(answer.status, 200, answer.text);
  }

  /** The chart's time labels as the page shows them. */
  const labels = () => page.locator(TICK_LABELS).allTextContents();

  /** The labels a chart of the last 30 minutes ending at `endMs` (the laptop's clock) has: every fifth minute from the first. */
  const labelsEndingAt = (endMs: number) =>
    page.evaluate((end) => {
      const first = Math.floor(end / 60_000) * 60_000 - 29 * 60_000;
      return [0, 5, 10, 15, 20, 25].map((i) => new Date(first + i * 60_000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    }, endMs);

  test("its times are those of the laptop's clock, not an hour ahead of it", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    await play(activity.trackingCode);
    // The teacher sets the laptop's clock right: it was an hour fast. A student goes on playing.
    offset = -60 * MIN;
    await play(activity.trackingCode);
    const before = Date.now() + offset;
    await page.goto(`${collector.url}/`);
    await page.locator(TICK_LABELS).first().waitFor();
    const shown = await labels();
    const after = Date.now() + offset;
    const expected = [await labelsEndingAt(before), await labelsEndingAt(after)].map((list) => list.join(' '));
    assert.ok(expected.includes(shown.join(' ')), `shown ${shown.join(' ')}; the laptop's clock: ${expected[0]}`);
  });
});
