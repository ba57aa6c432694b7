import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { afterFirstBatch, taggedBatch, trackHead } from '../support/track-batches.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

const MINUTE = 60_000;
/** The collector's clock: silent games and the first-run check need minutes to pass. */
let offset = 0;

describe('Diagnostics screen: each problem appears live and clears', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const dist = buildDashboard();
    collector = await startTestCollector({ config: { dashboardDir: dist }, now: () => Date.now() + offset });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${collector.url}/diagnostics`);
    await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    await page.getByRole('heading', { name: 'No connection problems' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  const group = (kind: string) => page.locator(`.diagnostic[data-kind="${kind}"]`);

  async function handled(kind: string): Promise<void> {
    await group(kind).getByRole('button', { name: 'Mark as handled' }).click();
    await group(kind).waitFor({ state: 'detached' });
  }

  test('a start with a mistyped tracking code: the code, the address and the closest code', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const typo = trackingCode.toUpperCase();
    assert.equal((await start(collector.url, typo)).status, 404);
    const item = group('unknown-code').locator('.diagnostic-item', { hasText: typo });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /127\.0\.0\.1/);
    assert.equal(await item.locator('.item-fix').textContent(), `Did they mean ${trackingCode}?`);
    await handled('unknown-code');
  });

  test('a start into a closed activity, cleared by opening it', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Closed lesson' });
    setActivityOpen(collector.context.db, activity.trackingCode, false);
    assert.equal((await start(collector.url, activity.trackingCode)).status, 412);
    await group('activity-closed').getByText('Activity: Closed lesson').waitFor();
    setActivityOpen(collector.context.db, activity.trackingCode, true);
    collector.context.bus.emit('activity.changed', { activityId: activity.id });
    await group('activity-closed').waitFor({ state: 'detached' });
  });

  test('a start refused because the activity is not anonymous', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Students only', allowAnonymous: false });
    assert.equal((await start(collector.url, activity.trackingCode)).status, 401);
    await group('not-allowed').getByText('Activity: Students only').waitFor();
    await handled('not-allowed');
  });

  test('an invalid trace, with the validation message and the sample sent', async () => {
    const activity = makeActivity(collector.context.db);
    const session = await startOk(collector.url, activity.trackingCode);
    const answer = await track(collector.url, session.authToken, [{ ...statementS(session.actor), verb: 'jumped-sideways' }]);
    assert.equal(answer.status, 400);
    const message = (answer.json as { message: string }).message;
    await group('invalid-track').getByText(message).waitFor();
    await group('invalid-track').getByText('Sample sent').click();
    await group('invalid-track').locator('pre.sample', { hasText: 'jumped-sideways' }).waitFor();
    await handled('invalid-track');
  });

  test('a trace with an unknown authToken, and a failed login', async () => {
    assert.equal((await track(collector.url, 'made-up-token', [statementS({})])).status, 401);
    await group('unknown-token').getByText('restart the game', { exact: false }).waitFor();
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'ghost', password: 'nope' })).status, 401);
    await group('login-failed').getByText('Password or username are incorrect').waitFor();
    await handled('unknown-token');
    await handled('login-failed');
    await page.getByRole('heading', { name: 'No connection problems' }).waitFor();
  });

  test('games told to wait because Aula was busy: by address, how many times, and what to make of it', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Back online' });
    const [holding, returning] = await Promise.all([1, 2].map(() => startOk(collector.url, activity.trackingCode)));
    if (!holding || !returning) throw new Error('two sessions expected');
    await afterFirstBatch(collector.url, returning);
    // A backlog of nearly the whole in-flight budget (2 MiB) still uploading; another one is then turned away.
    const held = taggedBatch(holding, 'held', 1.9 * 1024 * 1024);
    const connection = await RawConnection.open(Number(new URL(collector.url).port));
    try {
      await connection.write(trackHead(holding, held.body) + held.body.slice(0, 1000));
      while (collector.context.inflight.usedBytes === 0) await setTimeout(5);
      const backlog = taggedBatch(returning, 'backlog', 300_000).body;
      assert.equal((await track(collector.url, returning.authToken, JSON.parse(backlog))).status, 503);
      await connection.write(held.body.slice(1000));
      assert.equal((await connection.nextResponse()).status, 200);
    } finally {
      connection.close();
    }
    const item = group('busy').locator('.diagnostic-item', { hasText: '127.0.0.1' });
    await item.waitFor();
    await group('busy').getByText('most trackers send the same traces again by themselves', { exact: false }).waitFor();
    await handled('busy');
    await page.getByRole('heading', { name: 'No connection problems' }).waitFor();
  });

  test('a game that went silent, cleared when it sends again; then the first-run help', async () => {
    const activity = makeActivity(collector.context.db);
    const session = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }])).status, 200);
    // Every game so far was on this computer: after minutes with an open activity, the first-run help appears too.
    offset += 4 * MINUTE;
    const silent = group('silent-games').locator('.diagnostic-item', { hasText: session.playerAnimalName });
    await silent.waitFor();
    // One session per line, with its number and its activity (not an address, and no count: each is one game).
    assert.match((await silent.textContent()) ?? '', new RegExp(`${session.playerAnimalName} · session 1`));
    // The last two columns have no words to show for silent games, but a name for a screen reader (axe: empty-table-header).
    assert.deepEqual(await group('silent-games').getByRole('columnheader').allTextContents(), ['Last seen', 'Player', 'Activity', 'Times', 'What to do']);
    await page.getByTestId('first-run-help').getByText('The firewall blocks Aula').waitFor();
    assert.match((await page.getByTestId('first-run-help').textContent()) ?? '', /Windows.*macOS.*Linux/s);
    assert.equal((await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }])).status, 200);
    await silent.waitFor({ state: 'detached' });

    // The Connect screen carries the notice too.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Connect', exact: true }).click();
    await page.getByTestId('first-run-notice').waitFor();
    await page.getByTestId('mdns-name').getByText('this computer only', { exact: false }).waitFor();
  });
});
