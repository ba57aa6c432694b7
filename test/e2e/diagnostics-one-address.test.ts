import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

/** A batch refused with the same message whoever sends it: its second statement has a score with no raw. */
function batchWithoutRaw(game: StartAnswer): unknown[] {
  const statement = { ...statementS(game.actor), id: undefined };
  return [statement, { ...statement, result: { score: { min: 0 } } }];
}

// Two games on one classroom computer (or behind one NAT address) send batches refused for the same reason. Diagnostics
// showed one line under the newest player, Times 2: Ben, whom Live marked "1 batch refused", was nowhere on it.
describe('Diagnostics names each game whose batch was refused from one address', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((dashboard) => ({ collector, page } = dashboard));

  test("from Live's “1 batch refused” on Ben's row, Diagnostics shows Ben's line; the whole screen, the other game's beside it", async () => {
    const classId = await classWith(collector.url, '3B', ['ben']);
    const fractions = makeActivity(collector.context.db, { name: 'Fractions 3B', classId, allowAnonymous: false });
    const maths = makeActivity(collector.context.db, { name: 'Maths 3B' });
    const ben = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ben') });
    const anonymous = await startOk(collector.url, maths.trackingCode);
    assert.equal((await track(collector.url, ben.authToken, batchWithoutRaw(ben))).status, 400);
    assert.equal((await track(collector.url, anonymous.authToken, batchWithoutRaw(anonymous))).status, 400);

    await page.goto(collector.url);
    await page.locator('#activity-picker').selectOption(fractions.id);
    const refused = page.locator('.live-table tbody tr', { hasText: 'ben' }).getByRole('link', { name: '1 batch refused' });
    await refused.click();
    await page.getByRole('heading', { level: 1, name: 'Diagnostics', exact: true }).waitFor();
    // The link opens Ben's session's refusals: his line alone, named.
    const bens = page.locator('.diagnostic[data-kind="invalid-track"] .diagnostic-item');
    await page.getByTestId('diagnostics-session').waitFor();
    await bens.first().waitFor();
    assert.deepEqual(await bens.locator('.diagnostic-player').allTextContents(), ['ben · session 1 · Fractions 3B']);
    // The whole screen: his line and the other game's from the same address, each its own.
    await page.getByRole('link', { name: '← All diagnostics' }).click();

    const group = page.locator('.diagnostic[data-kind="invalid-track"]');
    await group.getByRole('heading', { name: 'Traces rejected as invalid 2' }).waitFor();
    const lines = group.locator('.diagnostic-item');
    await lines.nth(1).waitFor();
    const players = await lines.locator('.diagnostic-player').allTextContents();
    assert.deepEqual(players.sort(), [`${anonymous.playerAnimalName} · session 1 · Maths 3B`, 'ben · session 1 · Fractions 3B'].sort());
    // Each line is its game's one refusal, from the same address, with the message the game was told.
    for (const line of await lines.all()) {
      const cells = await line.locator('td').allTextContents();
      assert.match(cells[1] ?? '', /^Statement .*score\.raw/);
      assert.match(cells[2] ?? '', /^127\.0\.0\.1/);
      assert.equal(cells[3], '1');
    }
  });
});
