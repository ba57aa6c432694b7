import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard, scriptedTracker } from './browser-support.js';

const PLAY = path.join(import.meta.dirname, 'play-tracker-session.cjs');

/** The text of the elements an input's aria-describedby names, in order. */
const descriptionOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(no element ${id})`)
      .join(' | '),
  );

/** Small things a teacher ran into, each on real data: what was wrong is in each test's name. */
describe("teachers' items on the dashboard", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  let dashboard: CollectorDashboard | undefined;
  const post = (where: string, body: unknown) =>
    fetch(`${collector.url}/admin/api${where}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  before(async () => {
    dashboard = await collectorDashboard();
    ({ collector, page } = dashboard);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: collector.url });
  });

  after(() => dashboard?.close());

  test('Classes: with a single class, the screen opens it (it was "Choose a class"); with two, it asks', async () => {
    const { class: only } = (await (await post('/classes', { name: '3B' })).json()) as { class: { id: string } };
    await page.goto(`${collector.url}/classes`);
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();
    assert.equal(await page.locator(`[data-class-id="${only.id}"]`).getAttribute('aria-current'), 'true');
    await post('/classes', { name: '4A' });
    await page.reload();
    await page.getByText('Choose a class to see and add its students.').waitFor();
    assert.equal(await page.getByRole('heading', { name: /^Class / }).count(), 0);
  });

  test('Classes: a refused name is tied to its field (aria-invalid, aria-describedby), the rules to the username', async () => {
    await page.goto(`${collector.url}/classes`);
    await page.getByLabel('Class name').fill('3b');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not created: A class named "3B" already exists' }).waitFor();
    assert.equal(await page.getByLabel('Class name').getAttribute('aria-invalid'), 'true');
    assert.match(await descriptionOf(page, 'input[name="className"]'), /^Not created: A class named "3B" already exists/);

    await page.locator('[data-class-id]', { hasText: '3B' }).click();
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();
    assert.match(await descriptionOf(page, 'input[name="username"]'), /^Usernames: letters a-z/);
    assert.equal(await page.locator('input[name="username"]').getAttribute('aria-invalid'), null);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password', { exact: true }).fill('Bad"Pass-1');
    await page.getByRole('button', { name: 'Add student' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not added:' }).waitFor();
    // A refused password: the password field says so, the username field does not.
    assert.equal(await page.locator('input[name="password"]').getAttribute('aria-invalid'), 'true');
    assert.match(await descriptionOf(page, 'input[name="password"]'), /^Not added: .*password.* \| Usernames: letters a-z/);
    assert.equal(await page.locator('input[name="username"]').getAttribute('aria-invalid'), null);
  });

  test('Diagnostics: the first card has a heading (it was a card of loose lines)', async () => {
    await page.goto(`${collector.url}/diagnostics`);
    const card = page.getByRole('region', { name: 'This computer on the network' });
    await card.getByRole('heading', { level: 2, name: 'This computer on the network' }).waitFor();
    await card.getByTestId('mdns-status').waitFor();
    await card.getByTestId('last-lan-client').waitFor();
  });

  test('Data: "N statements match" follows the games as they send (it stayed at the count of the first look)', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Counting' });
    await page.goto(`${collector.url}/data`);
    const count = page.getByTestId('export-count');
    await count.getByText('0 statements match.').waitFor();
    const game = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    try {
      await game.phase('flushed');
      await count.getByText('3 statements match.').waitFor();
      game.next();
      await game.phase('done');
      await count.getByText('4 statements match.').waitFor();
    } finally {
      game.stop();
    }
  });

  test("Results: a js game's level1 and an xAPI game's level1 in one activity are two named bars, not one name twice", { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Two games' });
    const game = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    try {
      await game.phase('flushed');
      game.next();
      await game.phase('done');
    } finally {
      game.stop();
    }
    const credential = activeXapiCredential(collector.context.db, activity.id);
    assert.ok(credential);
    const xapi = await request(`${collector.url}/xapi/statements`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        actor: { objectType: 'Agent', name: 'Ben', mbox: 'mailto:ben@example.com' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { objectType: 'Activity', id: 'http://example.com/game/level1', definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
        result: { completion: true, success: true, score: { scaled: 0.6 } },
      }),
    });
    assert.equal(xapi.status, 200, xapi.text);

    await page.goto(`${collector.url}/results`);
    await page.getByLabel('Activity').selectOption({ label: 'Two games' });
    const levels = page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' });
    const figures = levels.locator('.levels-figures');
    await figures.getByText('level1 (example.com)', { exact: false }).waitFor();
    const text = (await figures.textContent()) ?? '';
    assert.match(text, /level1 \(aula\.test\): 1 completed · average score 0\.9/);
    assert.match(text, /level1 \(example\.com\): 1 completed · average score 0\.6/);
    await levels.locator('.recharts-bar-rectangle').first().waitFor();
    const labels = await levels.locator('.axis-tick').evaluateAll((ticks) => ticks.map((tick) => tick.getAttribute('data-label')));
    assert.deepEqual(labels.sort(), ['level1 (aula.test)', 'level1 (example.com)']);
  });

  test('Activities: each copy button names what it copies, and "Copied" is said (the button text change was not)', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Copying' });
    await page.goto(`${collector.url}/activities`);
    const row = page.locator('.activities-table tbody tr', { hasText: 'Copying' });
    const copy = row.getByRole('button', { name: new RegExp(`^Copy code\\s*:\\s*${activity.trackingCode}$`) });
    await copy.click();
    await row.getByRole('status').filter({ hasText: 'Copied to the clipboard' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), activity.trackingCode);
  });

  test('Live: a sort button is named by its column alone, the order is in aria-sort (the arrow was read as "black down-pointing triangle")', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Sorting' });
    const game = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    try {
      await game.phase('flushed');
      await page.goto(`${collector.url}/`);
      await page.getByLabel('Activity').selectOption({ label: 'Sorting' });
      const started = page.getByRole('columnheader', { name: 'Started' });
      await started.waitFor();
      assert.equal(await started.getAttribute('aria-sort'), 'descending');
      await started.getByRole('button', { name: 'Started', exact: true }).click();
      assert.equal(await started.getAttribute('aria-sort'), 'ascending');
      assert.equal(await page.getByRole('columnheader', { name: 'Player', exact: true }).getAttribute('aria-sort'), null);
    } finally {
      game.stop();
    }
  });
});
