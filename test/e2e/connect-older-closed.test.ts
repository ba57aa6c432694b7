import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// After a term, Connect drew a card with its QR code for each of 120 activities, most of them closed long ago: it
// draws the open ones and the ten newest, and the older closed ones on a button.
describe('Connect draws the open and the newest activities, the older closed ones on a button', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('an open activity older than 13 closed ones is drawn; 3 older closed ones come on Show', async () => {
    const { db } = collector.context;
    createActivity(db, { name: 'Oldest closed 1', open: false });
    createActivity(db, { name: 'Oldest closed 2', open: false });
    createActivity(db, { name: 'Still open', open: true });
    createActivity(db, { name: 'Oldest closed 3', open: false });
    for (let i = 1; i <= 10; i++) createActivity(db, { name: `Recent closed ${i}`, open: false });
    const cards = page.locator('.connect-card h2');

    await page.goto(`${collector.url}/connect`);
    const show = page.getByRole('button', { name: 'Show the 3 older closed activities' });
    await show.waitFor();
    const drawn = await cards.allTextContents();
    assert.equal(drawn.length, 11);
    assert.ok(drawn.includes('Still open'), 'an open activity is always drawn');
    assert.ok(!drawn.includes('Oldest closed 1'));

    await show.click();
    await show.waitFor({ state: 'detached' });
    assert.deepEqual((await cards.allTextContents()).slice(-4), ['Oldest closed 3', 'Still open', 'Oldest closed 2', 'Oldest closed 1']);
  });
});
