import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { ROOT } from '../support/serve-process.js';
import { diskFillingBatch } from '../support/track-batches.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

const SHOTS = path.join(ROOT, 'test-results', 'teacher');
const lan = lanAddresses()[0];
const skip = chromiumMissing || (!lan ? 'this machine has no LAN address to connect from' : false);

/**
 * A tablet on the classroom network: Chromium opens Aula at this machine's LAN address, so Aula sees another
 * computer (the socket's address is not loopback) and the teacher key is needed.
 */
describe('the dashboard from another device, with the teacher key', { skip }, () => {
  let collector: Collector;
  let browser: Browser;
  let tablet: BrowserContext;
  let page: Page;
  let base: string;

  const currentKey = async () => ((await request(`${collector.url}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const go = (label: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label, exact: true }).click();

  async function signIn(target: Page, key: string): Promise<void> {
    await target.goto(`${base}/teacher`);
    await target.getByLabel('Teacher key').fill(key);
    await target.getByRole('button', { name: 'Open the dashboard' }).click();
  }

  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const dist = buildDashboard();
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false, dashboardDir: dist } });
    base = `http://${lan}:${collector.port}`;
    browser = await launchChromium();
    tablet = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await tablet.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  test('the public page links to the key page; a wrong key is refused; the right key opens the dashboard, live', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: /can reach the Aula collector/ }).waitFor();
    await page.getByRole('link', { name: 'Open the dashboard with the teacher key' }).click();
    await page.getByRole('heading', { name: "Open the teacher's dashboard" }).waitFor();
    await shot('key-page');

    await page.getByLabel('Teacher key').fill('not-the-key');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.getByText('That is not the teacher key').waitFor();

    await signIn(page, await currentKey());
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('status').filter({ hasText: '● live' }).waitFor();
    const cookie = (await tablet.cookies()).find((c) => c.name === 'aula_teacher');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');

    // The live stream reaches the tablet: a game starts and the header's live count follows without a reload.
    const activity = makeActivity(collector.context.db, { name: 'Tablet lesson' });
    await startOk(collector.url, activity.trackingCode);
    await page.locator('[data-total="live-sessions"]', { hasText: '1' }).waitFor();
    await shot('dashboard-on-tablet');
  });

  test('Settings shows the key only when revealed, and regenerating it signs other devices out but not this one', async () => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    otherPage.setDefaultTimeout(15_000);
    const oldKey = await currentKey();
    await signIn(otherPage, oldKey);
    await otherPage.getByRole('navigation', { name: 'Screens' }).waitFor();

    // Diagnostics gives the same reason for the LAN name being off as Settings does.
    await go('Diagnostics');
    await page.getByTestId('mdns-status').filter({ hasText: 'off (switched off with --no-mdns or AULA_MDNS=0)' }).waitFor();
    await go('Settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    // Where to type the key: this collector's own network address and port, not a made-up example.
    assert.equal(await page.getByTestId('teacher-url').textContent(), `${base}/teacher`);
    const value = page.getByTestId('teacher-key-value');
    assert.ok(!((await value.textContent()) ?? '').includes(oldKey), 'hidden until revealed');
    assert.ok(!(await page.content()).includes(oldKey), 'nowhere in the page while hidden');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByTestId('teacher-key-value').filter({ hasText: oldKey }).waitFor();
    await page.getByTestId('collector-settings').getByText(collector.config.dataDir, { exact: true }).waitFor();
    await page.getByTestId('mdns-state').filter({ hasText: 'Off (switched off with --no-mdns or AULA_MDNS=0)' }).waitFor();
    await shot('settings');

    await page.getByRole('button', { name: 'Regenerate…' }).click();
    await page.getByRole('button', { name: 'Yes, make a new key' }).click();
    await page.getByText('New key made').waitFor();
    const newKey = await currentKey();
    assert.notEqual(newKey, oldKey);
    await page.getByTestId('teacher-key-value').filter({ hasText: newKey }).waitFor();
    await shot('settings-regenerated');

    // This tablet got a cookie for the new key: a reload still shows the dashboard, live.
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('status').filter({ hasText: '● live' }).waitFor();
    // The other device is out: its open dashboard says so, and a reload gives it the public page.
    await otherPage.getByTestId('access-banner').waitFor();
    await otherPage.reload();
    await otherPage.getByRole('heading', { name: /can reach the Aula collector/ }).waitFor();
    await other.close();
  });

  test('Back up now writes a backup and lists it', async () => {
    await go('Settings');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup written').waitFor();
    const names = fs.readdirSync(path.join(collector.config.dataDir, 'backups'));
    assert.equal(names.length, 1);
    await page.getByRole('list', { name: 'Kept backups' }).getByText(names[0] as string).waitFor();
  });

  test('a full disk shows a red banner on every screen, which goes away by itself when space is back', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Filling' });
    const player = await startOk(collector.url, activity.trackingCode);
    const batch = (serial: number) => diskFillingBatch(player, serial);
    const banner = page.getByTestId('disk-full-banner');
    assert.equal(await banner.count(), 0);
    const pages = collector.context.db.pragma('page_count', { simple: true }) as number;
    collector.context.ingest.setMaxPages(pages + 20);
    let serial = 0;
    let status = 200;
    while (status === 200 && serial < 200) status = (await track(collector.url, player.authToken, batch(serial++))).status;
    assert.equal(status, 503);
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /the disk is full\. Games keep their data and will re-send it/);
    await go('Live');
    await banner.waitFor();
    await shot('disk-full');

    collector.context.ingest.setMaxPages(1_000_000);
    assert.equal((await track(collector.url, player.authToken, batch(serial++))).status, 200);
    await banner.waitFor({ state: 'detached' });
  });
});
