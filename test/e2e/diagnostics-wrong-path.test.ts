import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import tls from 'node:tls';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

describe('Diagnostics screen: a game sending to a wrong address', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const dist = buildDashboard();
    collector = await startTestCollector({ config: { dashboardDir: dist, mdns: false } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${collector.url}/diagnostics`);
    await page.getByRole('heading', { name: 'No connection problems' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  const other = () => page.locator('.diagnostic[data-kind="other"]');

  test("a start under /api/ twice shows live, with the address to use and where to set it in the game", async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const sent = `/api/api/proxy/gleaner/collector/start/${trackingCode}`;
    assert.equal((await request(`${collector.url}${sent}`, { method: 'POST' })).status, 404);
    const item = other().locator('.diagnostic-item', { hasText: `POST ${sent}` });
    await item.waitFor();
    assert.equal(
      await item.locator('.item-fix').textContent(),
      `Aula answers this at POST /api/proxy/gleaner/collector/start/${trackingCode}: in the game's tracker settings, set the host to http:// with this computer's address and port and nothing after, and the base path to /api/.`,
    );
    // The group's line does not call the address the game's message.
    await other()
      .getByText('Refused for the reason shown: what the game was told, or the address it sent to when Aula serves nothing there', { exact: false })
      .waitFor();
  });

  test('an xAPI client posting to /xapistatements is told its endpoint needs /xapi/ with the last slash', async () => {
    assert.equal((await request(`${collector.url}/xapistatements`, { method: 'POST' })).status, 404);
    const item = other().locator('.diagnostic-item', { hasText: 'POST /xapistatements' });
    await item.waitFor();
    assert.equal(
      await item.locator('.item-fix').textContent(),
      "Aula answers this at POST /xapi/statements: set the game's xAPI endpoint to this computer's address and port followed by /xapi/, with its last slash.",
    );
  });

  test('a game connecting with https:// is told to put http:// in front of its host', async () => {
    await new Promise<void>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port: collector.port, rejectUnauthorized: false });
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
    });
    const item = other().locator('.diagnostic-item', { hasText: 'A game connected with https://' });
    await item.waitFor();
    assert.equal(
      await item.locator('.item-fix').textContent(),
      "Set the game's host with http:// in front and the port after, e.g. http://192.168.1.10:3000/ (js-tracker without http:// uses https).",
    );
  });

  test('an xAPI endpoint given /xapi/ twice is told where statements go', async () => {
    const sent = await request(`${collector.url}/xapi/xapi/statements`, {
      method: 'POST',
      headers: { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json', Authorization: 'Basic a2V5OnNlY3JldA==' },
      body: '{}',
    });
    assert.equal(sent.status, 404);
    const item = other().locator('.diagnostic-item', { hasText: 'No xAPI resource at /xapi/xapi/statements' });
    await item.waitFor();
    assert.equal(
      await item.locator('.item-fix').textContent(),
      "The game's xAPI endpoint is wrong: set it to this computer's address and port followed by /xapi/ (statements then go to /xapi/statements).",
    );
  });
});
