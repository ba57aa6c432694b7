import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { start, startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const MINUTE = 60_000;
/** The collector's clock: games go silent as minutes pass. */
let offset = 0;

// A Wi-Fi drop silences a whole class: the teacher saw 20 of 30 names and nothing said the other 10 were missing.
describe('Diagnostics shows a whole class gone silent, and says how many refusal lines are not listed', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened), { now: () => Date.now() + offset });

  test('30 silent games: 30 names; 25 different mistyped codes: 20 lines and "And 5 more different lines"', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const names: string[] = [];
    for (let i = 0; i < 30; i++) {
      const game = await startOk(collector.url, activity.trackingCode);
      assert.equal((await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }])).status, 200);
      names.push(`${game.playerAnimalName} · session 1`);
    }
    for (let i = 0; i < 25; i++) assert.equal((await start(collector.url, `nosuch${String(i).padStart(2, '0')}`)).status, 404);
    await collector.context.ingest.idle();
    offset += 4 * MINUTE;

    await page.goto(`${collector.url}/diagnostics`);
    const silent = page.locator('.diagnostic[data-kind="silent-games"]');
    await silent.getByRole('heading', { name: 'Games that went silent 30' }).waitFor();
    assert.deepEqual((await silent.locator('tbody tr td:nth-child(2)').allTextContents()).sort(), [...names].sort(), 'every silent game named');
    assert.equal(await silent.getByTestId('diagnostic-more').count(), 0, 'nothing left out');

    const unknown = page.locator('.diagnostic[data-kind="unknown-code"]');
    assert.equal(await unknown.locator('tbody tr').count(), 20);
    assert.equal(
      await unknown.getByTestId('diagnostic-more').textContent(),
      'And 5 more different lines, older than these, not listed; the number above counts them. Mark as handled hides them too; those that happen again show here.',
    );
    // The teacher asks to see them: the five older codes too.
    assert.equal(await unknown.getByText('nosuch00', { exact: true }).count(), 0, 'the oldest is not listed');
    await unknown.getByRole('button', { name: /^List them all/ }).click();
    await unknown.getByText('nosuch00', { exact: true }).waitFor();
    assert.equal(await unknown.locator('tbody tr').count(), 25);
    assert.equal(await unknown.getByTestId('diagnostic-more').count(), 0, 'nothing left unlisted');
  });
});
