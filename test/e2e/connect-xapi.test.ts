import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { ActivityView } from '../../server/admin/api-types.js';
import { postAsXapiGame } from '../api/xapi-support.js';
import { ROOT, type ServeProcess } from '../support/serve-process.js';
import { chromiumMissing, type DashboardSession, serveDashboard } from './browser-support.js';

const SHOTS = path.join(ROOT, 'test-results', 'connect-xapi');

describe('Connect shows an activity\'s xAPI endpoint, key and secret, against a real aula serve', { skip: chromiumMissing }, () => {
  let serve: ServeProcess;
  let page: Page;
  let session: DashboardSession | undefined;
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    session = await serveDashboard({ width: 1280, height: 800 });
    ({ serve, page } = session);
    // The copy buttons write to the clipboard; the test reads it back.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.url });
  });
  after(() => session?.close());


  const text = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? '').trim();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  test('a teacher opens "For xAPI games", reveals the secret, copies, makes a new pair and revokes it; a game posts with what is shown', { timeout: 120_000 }, async () => {
    const created = await fetch(`${serve.url}/admin/api/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Chemistry lab', game: 'Xasu Lab' }),
    });
    assert.equal(created.status, 201);
    const activity = ((await created.json()) as { activity: ActivityView }).activity;

    await page.goto(`${serve.url}/`);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Connect', exact: true }).click();
    const card = page.locator('.connect-card', { hasText: 'Chemistry lab' });
    await card.waitFor();
    // Closed by default: the card stays as compact as before.
    assert.equal(await card.getByTestId('xapi-key').count(), 0);
    await card.getByText('For xAPI games').click();

    const endpoint = card.getByTestId('xapi-endpoint');
    const key = card.getByTestId('xapi-key');
    const secret = card.getByTestId('xapi-secret');
    await key.waitFor();
    // The address the card already gives games, with xapi/ and its trailing slash, on one line: the opened card
    // takes the whole row.
    assert.equal(await text(endpoint), `${serve.url}/xapi/`);
    // An inline element has one box per line it takes; a LAN address is longer than this test's, so the opened card
    // has the whole row for it, not a 260 px column.
    assert.equal(await endpoint.evaluate((element) => element.getClientRects().length), 1);
    const row = await page.locator('.cards').boundingBox();
    assert.equal((await card.boundingBox())?.width, row?.width);
    const firstKey = await text(key);
    assert.match(firstKey, /^\S{10,}$/);

    // The secret is hidden, and not in the page at all, until the teacher asks for it.
    assert.match(await text(secret), /^•+$/);
    await card.getByRole('button', { name: 'Show' }).click();
    const firstSecret = await text(secret);
    assert.match(firstSecret, /^[^•\s]{16,}$/);
    await card.getByRole('button', { name: 'Hide' }).click();
    assert.match(await text(secret), /^•+$/);
    assert.ok(!(await page.content()).includes(firstSecret), 'a hidden secret is nowhere in the page');

    // Each value has its copy button, and it copies that value.
    await card.getByRole('button', { name: 'Copy endpoint' }).click();
    assert.equal(await clipboard(), `${serve.url}/xapi/`);
    await card.getByRole('button', { name: /^Copy key/ }).click();
    assert.equal(await clipboard(), firstKey);
    await card.getByRole('button', { name: 'Copy secret' }).click();
    assert.equal(await clipboard(), firstSecret, 'the secret is copied while it stays hidden');
    assert.equal((await postAsXapiGame(`${serve.url}/xapi/`, firstKey, firstSecret)).status, 200);
    await page.screenshot({ path: path.join(SHOTS, '01-xapi-part.png') });

    // A new pair, after a confirmation that says what happens to the games using the old one.
    await card.getByRole('button', { name: 'New key and secret…' }).click();
    const question = card.getByRole('alertdialog');
    await question.getByText('get 401').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '02-regenerate-question.png') });
    await question.getByRole('button', { name: 'Yes, make new ones' }).click();
    await card.getByRole('status').filter({ hasText: 'New key and secret made' }).waitFor();
    await page.waitForFunction(
      ([id, old]) => document.querySelector(`[data-activity-id="${id}"] [data-testid="xapi-key"]`)?.textContent?.trim() !== old,
      [activity.id, firstKey] as const,
    );
    const newKey = await text(key);
    await card.getByRole('button', { name: 'Show' }).click();
    const newSecret = await text(secret);
    assert.notEqual(newSecret, firstSecret);
    const fromScreen = await postAsXapiGame(await text(endpoint), newKey, newSecret);
    assert.equal(fromScreen.status, 200, fromScreen.text);
    assert.equal((await postAsXapiGame(`${serve.url}/xapi/`, firstKey, firstSecret)).status, 401, 'the old pair no longer works');

    // Revoked: the card says so, and offers new ones.
    await card.getByRole('button', { name: 'Revoke…' }).click();
    await card.getByRole('alertdialog').getByRole('button', { name: 'Yes, revoke' }).click();
    await card.getByText('key and secret are revoked').waitFor();
    assert.equal(await key.count(), 0);
    assert.equal((await postAsXapiGame(`${serve.url}/xapi/`, newKey, newSecret)).status, 401);
    await page.screenshot({ path: path.join(SHOTS, '03-revoked.png') });
    await card.getByRole('button', { name: 'Issue a new key and secret' }).click();
    await key.waitFor();
    assert.notEqual(await text(key), newKey);
  });
});
