import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, trackStatements } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// One laptop, two classes playing at once: each teacher finds their own class's players on Players, not the
// next room's mixed in, and with that activity's counts.
describe('Players shows one activity’s players when one is chosen', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const play = (session: StartAnswer, statements: number) => trackStatements(collector.url, session, statements);
  const shownNames = async () => (await page.locator('.players-table tbody tr a').allTextContents()).sort();
  /** The players listed, once the list shows these (it is refetched when another activity is chosen). */
  const listed = async (expected: string[]) => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && JSON.stringify(await shownNames()) !== JSON.stringify([...expected].sort())) await page.waitForTimeout(100);
    return shownNames();
  };

  test('the Activity list narrows the players and their counts to that activity', async () => {
    const maths = makeActivity(collector.context.db, { name: '1A maths' });
    const history = makeActivity(collector.context.db, { name: '1B history' });
    const [a1, a2, b1] = await Promise.all([
      startOk(collector.url, maths.trackingCode),
      startOk(collector.url, maths.trackingCode),
      startOk(collector.url, history.trackingCode),
    ]);
    await play(a1, 2);
    await play(a2, 3);
    await play(b1, 5);
    const names = (await collector.context.db
      .prepare('SELECT public_id AS id, animal_name AS name FROM players')
      .all()) as Array<{ id: string; name: string }>;
    const nameOf = (session: StartAnswer) => names.find((row) => row.id === session.playerId)?.name ?? session.playerId;

    await page.goto(`${collector.url}/players`);
    const everyone = [nameOf(a1), nameOf(a2), nameOf(b1)].sort();
    assert.deepEqual(await listed(everyone), everyone, 'all activities at first');

    const activity = page.getByLabel('Activity');
    await activity.focus();
    await activity.selectOption({ label: '1A maths' });
    assert.deepEqual(await listed([nameOf(a1), nameOf(a2)]), [nameOf(a1), nameOf(a2)].sort(), "only 1A maths's players");
    await expectFocused(activity);

    await activity.selectOption({ label: '1B history' });
    assert.deepEqual(await listed([nameOf(b1)]), [nameOf(b1)]);
    const row = page.locator('.players-table tbody tr', { hasText: nameOf(b1) });
    assert.deepEqual(await row.locator('td.num').allTextContents(), ['1', '5'], 'sessions and statements in 1B history');

    const empty = makeActivity(collector.context.db, { name: 'Nobody yet' });
    await page.reload();
    await page.getByLabel('Activity').selectOption({ value: empty.id });
    await page.getByText('Nobody has played this activity yet').waitFor();
    await page.getByLabel('Activity').selectOption({ label: 'all activities' });
    assert.deepEqual(await listed(everyone), everyone);
  });
});

async function expectFocused(locator: ReturnType<Page['getByLabel']>): Promise<void> {
  assert.ok(await locator.evaluate((element) => element === document.activeElement), 'the Activity list keeps the focus');
}
