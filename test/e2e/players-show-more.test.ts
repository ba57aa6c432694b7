import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// After a term a laptop knows thousands of players: Players draws the most recently seen hundred and the rest on
// "Show more", instead of every one at once (the screen stayed blank for seconds); the search still finds anyone listed.
describe('Players draws its rows a hundred at a time', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('130 players: 100 shown, then the 30 others on Show more, and the oldest found by the search', async () => {
    const { db } = collector.context;
    const names = db.transaction(() =>
      Array.from({ length: 130 }, (_, i) => {
        const player = createAnonymousPlayer(db, () => `Player ${String(i).padStart(3, '0')}`);
        db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), player.id);
        return player.animalName;
      }),
    )();
    const rows = page.locator('.players-table tbody tr');

    await page.goto(`${collector.url}/players`);
    await page.getByText('100 of 130 players shown, the most recently seen first.').waitFor();
    assert.equal(await rows.count(), 100);
    assert.equal(await rows.first().locator('a').textContent(), names[129], 'the most recently seen first');

    await page.getByRole('button', { name: 'Show 30 more' }).click();
    await page.getByText('100 of 130 players shown').waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 130);
    assert.equal(await rows.last().locator('a').textContent(), names[0]);

    await page.reload();
    await page.getByLabel('Find a player').fill(names[0] as string);
    await page.getByText('100 of 130 players shown').waitFor({ state: 'detached' });
    assert.deepEqual(await rows.locator('a').allTextContents(), [names[0]], 'the search looks beyond the rows drawn');
  });
});
