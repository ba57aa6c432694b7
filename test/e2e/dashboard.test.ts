import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { connectLink, parseConnectLink } from '../../renderer/src/format/connect-link.js';
import { startOk, track } from '../support/rage.js';
import { ROOT, type ServeProcess } from '../support/serve-process.js';
import { chromiumMissing, type DashboardSession, scriptedTracker, serveDashboard } from './browser-support.js';

// jsqr is CommonJS whose typings declare an ES default export: under NodeNext the default import is the module.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
const SHOTS = path.join(ROOT, 'test-results', 'dashboard');
const DRIVER = path.join(import.meta.dirname, 'play-tracker-session.cjs');

/** The real js-tracker in its own process, driven phase by phase through stdin/stdout. */
const playSession = (url: string, code: string) => scriptedTracker(DRIVER, url, code);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function go(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label, exact: true }).click();
}

describe('the teacher dashboard, against a real aula serve and the real js-tracker', { skip: chromiumMissing }, () => {
  let serve: ServeProcess;
  let page: Page;
  let session: DashboardSession | undefined;
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    session = await serveDashboard({ width: 1280, height: 800 });
    ({ serve, page } = session);
  });

  after(() => session?.close());

  test('a class from the first screen to a finished level', { timeout: 120_000 }, async () => {
    await page.goto(`${serve.url}/`);
    await page.getByRole('heading', { name: 'No activity yet' }).waitFor();
    await page.getByText('● live').waitFor();
    await shot(page, '01-live-empty');
    // Results, as Live does, says what to do first.
    await go(page, 'Results');
    const noActivity = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'No activity yet' }) });
    await noActivity.getByRole('link', { name: 'Activities → New activity' }).waitFor();
    await page.goto(`${serve.url}/`);
    await page.getByRole('heading', { name: 'No activity yet' }).waitFor();

    // Activities, reached with the keyboard alone (skip link, Live, Activities): create one in the form.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Activities');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New activity' }).waitFor();
    await page.getByLabel('Name').fill('Fractions 3B');
    await page.getByLabel('Game').fill('Math Quest');
    await page.getByRole('button', { name: 'Create activity' }).click();
    const notice = page.locator('.notice');
    await notice.waitFor();
    const code = (await notice.locator('code').textContent())?.trim() ?? '';
    assert.match(code, /^[a-z2-9]{8}$/);
    const activityRow = page.locator('.activities-table tbody tr', { hasText: 'Fractions 3B' });
    assert.equal((await activityRow.locator('.tracking-code').textContent())?.trim(), code);
    assert.equal(await activityRow.locator('.badge-open').textContent(), 'open');
    await shot(page, '02-activities-created');

    // Connect: the QR code holds the collector URL and the tracking code.
    await go(page, 'Connect');
    const card = page.locator('.connect-card', { hasText: 'Fractions 3B' });
    await card.locator('canvas.qr').waitFor();
    const pixels = await card.locator('canvas.qr').evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      return { width: image.width, height: image.height, data: Array.from(image.data) };
    });
    const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
    assert.ok(decoded, 'the QR code decodes');
    assert.equal(decoded.data, connectLink(`${serve.url}/`, code));
    assert.deepEqual(parseConnectLink(decoded.data), { collectorUrl: `${serve.url}/`, trackingCode: code });
    await page.getByText(`${serve.url}/`, { exact: true }).first().waitFor();
    // 127.0.0.1 (this test's only address) is said to be for this computer only, not for the students' games.
    await page.locator('.urls li', { hasText: `${serve.url}/` }).getByText('only for a game on this computer').waitFor();
    // Java and C# games take the host without a scheme, the port apart and the /api/ base path their default lacks.
    await page.getByText('Settings for each tracker').click();
    const java = page.locator('.tracker-settings tr', { hasText: 'java-tracker' });
    const { hostname, port } = new URL(serve.url);
    assert.equal(
      await java.locator('td').textContent(),
      `on a new TrackerAssetSettings: setHost("${hostname}"), setPort(${port}), setSecure(false), setBasePath("/api/"), setTraceFormat(XAPI); then tracker.setSettings(…) before start`,
    );
    await shot(page, '03-connect');

    // Live: empty until a game starts.
    await go(page, 'Live');
    await page.getByRole('heading', { name: 'No game has connected yet' }).waitFor();

    const game = playSession(serve.url, code);
    try {
      const started = await game.phase('started');
      const flushed = await game.phase('flushed');
      assert.equal(flushed.ok, true);
      const row = page.locator('.live-table tbody tr').first();
      await row.locator('.statements-count', { hasText: /^3$/ }).waitFor();
      assert.equal(await row.locator('.player-name').textContent(), started.animalName);
      assert.equal(await row.locator('.badge-anonymous').textContent(), 'anonymous');
      assert.equal(await row.getByRole('progressbar').getAttribute('aria-valuenow'), '50');
      assert.equal(await row.locator('.last-action').textContent(), 'progressed in level "level1"');
      await page.locator('[data-total="statements"]', { hasText: /^3$/ }).waitFor();

      game.next();
      assert.equal((await game.phase('done')).ok, true);
      await row.locator('.statements-count', { hasText: /^4$/ }).waitFor();
      assert.equal(await row.locator('.last-action').textContent(), 'completed level "level1"');
      // A level's outcome is named with its level: it is not yet the game's.
      assert.equal(await row.locator('.result').textContent(), 'level "level1": success · score 0.9');
      await page.locator('[data-total="statements"]', { hasText: /^4$/ }).waitFor();
      await page.locator('.chart .recharts-bar-rectangle').first().waitFor();
      await shot(page, '04-live');
      await page.setViewportSize({ width: 820, height: 1180 });
      // On a tablet held upright the table fits: Progress and Result in sight, the session number, start and count
      // left out, nothing to scroll sideways.
      await row.locator('.statements-count').waitFor({ state: 'hidden' });
      await row.locator('.result').waitFor();
      assert.equal(await page.locator('.live-table').evaluate((table) => (table.parentElement as HTMLElement).scrollWidth <= (table.parentElement as HTMLElement).clientWidth), true);
      await shot(page, '04-live-tablet');
      await page.setViewportSize({ width: 1280, height: 800 });

      // Activities: the counts followed.
      await go(page, 'Activities');
      const counted = page.locator('.activities-table tbody tr', { hasText: 'Fractions 3B' });
      await counted.locator('.statements-count', { hasText: /^4$/ }).waitFor();
      assert.match((await counted.locator('.sessions-count').textContent()) ?? '', /^1\s*1 live$/);
      assert.match((await counted.locator('.players-count').textContent()) ?? '', /^1\s*1 anonymous · 0 students$/);

      // A teacher who opens the dashboard on another browser mid-lesson, after someone made a newer, empty activity:
      // Live follows the activity games are playing, not the newest.
      const tryOut = await fetch(`${serve.url}/admin/api/activities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Try-out' }),
      });
      assert.equal(tryOut.status, 201);
      const tryOutId = ((await tryOut.json()) as { activity: { id: string } }).activity.id;
      const elsewhere = await (session as DashboardSession).browser.newContext();
      try {
        const fresh = await elsewhere.newPage();
        await fresh.goto(`${serve.url}/`);
        const shownActivity = () => fresh.getByLabel('Activity').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
        await fresh.locator('.live-table tbody tr', { hasText: String(started.animalName) }).waitFor();
        assert.equal(await shownActivity(), 'Fractions 3B');
        // The same when this browser remembers the try-out from an earlier visit: nothing plays there.
        await fresh.evaluate((id) => window.localStorage.setItem('aula.activity', id), tryOutId);
        await fresh.reload();
        await fresh.locator('.live-table tbody tr', { hasText: String(started.animalName) }).waitFor();
        assert.equal(await shownActivity(), 'Fractions 3B');
        // A choice made during the visit stays, playing or not.
        await fresh.getByLabel('Activity').selectOption({ label: 'Try-out' });
        await fresh.getByRole('heading', { name: 'No game has connected yet' }).waitFor();
      } finally {
        await elsewhere.close();
      }
      assert.equal((await fetch(`${serve.url}/admin/api/activities/${tryOutId}`, { method: 'DELETE' })).status, 200);

      // Players and one player's timeline.
      await go(page, 'Players');
      const playerRow = page.locator('.players-table tbody tr', { hasText: String(started.animalName) });
      await playerRow.waitFor();
      await shot(page, '05-players');
      await playerRow.getByRole('link').click();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      const timeline = page.locator('ol.statements > li');
      await timeline.nth(3).waitFor();
      assert.equal(await timeline.count(), 4);
      await timeline.first().locator('summary').click();
      assert.match((await timeline.first().locator('pre.json').textContent()) ?? '', /"http:\/\/adlnet\.gov\/expapi\/verbs\/completed"/);
      await shot(page, '06-player');

      // Statements: newest first, filterable, expandable.
      await go(page, 'Statements');
      const items = page.locator('ol.statements > li');
      await items.nth(3).waitFor();
      assert.match((await items.first().locator('.statement-action').textContent()) ?? '', /^completed level "level1"$/);
      await page.getByLabel('Verb').selectOption({ label: 'started' });
      await page.locator('ol.statements > li', { hasText: 'started level "level1"' }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('ol.statements > li').length === 1);
      await items.first().locator('summary').click();
      await items.first().locator('pre.json').waitFor();
      await shot(page, '07-statements');

      // Live sorts by every column: two more students, one who failed level2 and one whose game has sent nothing yet.
      // The failer's game is a Java one: a bare object id, its type only in the definition.
      const failer = await startOk(serve.url, code);
      const failed = await track(serve.url, failer.authToken, [
        {
          actor: failer.actor,
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
          object: { id: `${failer.objectId}/level2`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
          result: { success: false, score: { raw: 2, scaled: 0.2 } },
          timestamp: new Date().toISOString(),
        },
      ]);
      assert.equal(failed.status, 200, failed.text);
      const waiting = await startOk(serve.url, code);
      await go(page, 'Live');
      const players = page.locator('.live-table tbody tr .player-name');
      const failerRow = page.locator('.live-table tbody tr', { hasText: failer.playerAnimalName });
      await failerRow.locator('.result', { hasText: 'level "level2": failed · score 0.2' }).waitFor();
      assert.equal(await failerRow.locator('.last-action').textContent(), 'completed level "level2"');
      const order = async (column: string) => {
        await page.getByRole('button', { name: column, exact: false }).click();
        return players.allTextContents();
      };
      // Result: failed first, then by score; reversed, the best first. A session with no result stays last.
      assert.deepEqual(await order('Result'), [failer.playerAnimalName, started.animalName, waiting.playerAnimalName]);
      assert.equal(await page.getByRole('columnheader', { name: /Result/ }).getAttribute('aria-sort'), 'ascending');
      assert.deepEqual(await order('Result'), [started.animalName, failer.playerAnimalName, waiting.playerAnimalName]);
      // Last action: alike actions together, in the order they read; a session with nothing yet stays last.
      assert.deepEqual(await order('Last action'), [started.animalName, failer.playerAnimalName, waiting.playerAnimalName]);
      assert.deepEqual(await order('Last action'), [failer.playerAnimalName, started.animalName, waiting.playerAnimalName]);
      await shot(page, '08-live-sorted');

      // The waiting student's game sends a batch the collector refuses, and re-sends it as trackers do: the row says
      // so (instead of only "nothing yet") and leads to Diagnostics.
      const invalid = [{ actor: waiting.actor, verb: 'not-a-verb', object: { id: 'level1' }, timestamp: new Date().toISOString() }];
      for (let flush = 0; flush < 2; flush++) assert.equal((await track(serve.url, waiting.authToken, invalid)).status, 400);
      const waitingRow = page.locator('.live-table tbody tr', { hasText: waiting.playerAnimalName });
      const refused = waitingRow.locator('.refused-batches', { hasText: '2 batches refused' });
      await refused.waitFor();
      assert.match((await refused.getAttribute('title')) ?? '', /verb/i);
      await refused.click();
      await page.getByRole('heading', { name: 'Traces rejected as invalid' }).waitFor();
      await page.locator('.diagnostic[data-kind="invalid-track"] .diagnostic-player', { hasText: `${waiting.playerAnimalName} · session 1` }).waitFor();

      // Closing the activity from the Activities screen.
      await go(page, 'Activities');
      const closing = page.locator('.activities-table tbody tr', { hasText: 'Fractions 3B' });
      await closing.getByRole('button', { name: 'Close…' }).click();
      await page.getByRole('alertdialog', { name: 'Close activity Fractions 3B' }).getByRole('button', { name: 'Yes, close activity' }).click();
      await closing.locator('.badge-closed').waitFor();
    } finally {
      game.stop();
    }
  });
});
