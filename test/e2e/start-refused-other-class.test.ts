import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { classWith as classWithStudents, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { start } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// One laptop, two classes, each activity accepting only its class's logged-in students (created with
// --no-anonymous). A 1A student who types 1B's code is refused: neither teacher could tell who it was.
describe('A logged-in student refused by the other class’s activity', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const classWith = (name: string, usernames: string[]) => classWithStudents(collector.url, name, usernames);
  const loggedInStart = async (code: string, username: string) => start(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });

  test('is named on Diagnostics and first in their own class’s Not started yet', { timeout: 60_000 }, async () => {
    const classA = await classWith('1A', ['a07', 'a18']);
    const classB = await classWith('1B', ['b01']);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA, allowAnonymous: false });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB, allowAnonymous: false });
    assert.equal((await loggedInStart(history.trackingCode, 'b01')).status, 200);

    // a18, of 1A, types 1B's code: the game is told what trackers expect, unchanged.
    const refused = await loggedInStart(history.trackingCode, 'a18');
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.json, { message: 'Not authorized to join this activity' });

    await page.goto(`${collector.url}/diagnostics`);
    const line = page.locator('.diagnostic[data-kind="not-allowed"] .diagnostic-item');
    await line.locator('.diagnostic-player').getByText('a18 of 1A — refused by 1B history: not in its class').waitFor();
    assert.equal(await line.count(), 1);

    await page.goto(collector.url);
    await page.locator('#activity-picker').selectOption(maths.id);
    const missing = page.getByRole('region', { name: /Not started yet/ });
    await missing.getByRole('heading', { name: 'Not started yet: 2 of 2 students of 1A' }).waitFor();
    await missing.getByText(`a18 — refused by 1B history (code ${history.trackingCode}), just now`).waitFor();
    assert.match((await missing.locator('.not-started-names').textContent()) ?? '', /^a18 — refused by 1B history .*, a07$/, 'a18 first');
  });
});
