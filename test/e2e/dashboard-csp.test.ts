import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Every screen's address; the player page is added once a game has played. */
const SCREENS = ['/', '/activities', '/alerts', '/classes', '/results', '/players', '/statements', '/connect', '/diagnostics', '/data', '/settings'];

/**
 * The dashboard is served with a Content-Security-Policy (server/http/dashboard-files.ts). In real Chromium, every
 * screen draws under it (its scripts, styles, QR codes, fetches and live stream) without a single violation.
 */
describe('the dashboard works under its Content-Security-Policy', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  const consoleErrors: string[] = [];

  dashboardForSuite((opened) => {
    ({ collector, page } = opened);
    // Each document's violations, as the page itself sees them, from before its first script runs.
    void page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
    });
  });

  const violations = (): Promise<string[]> => page.evaluate(() => window.cspViolations ?? []);

  test('the policy is in force: an inline script injected into the page is refused and reported', async () => {
    const answer = await page.goto(`${collector.url}/`);
    assert.match(String(answer?.headers()['content-security-policy']), /script-src 'self'/);
    await page.locator('#main h1').waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.body.append(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    assert.equal(ran, false, 'the injected script did not run');
    await page.waitForFunction(() => (window.cspViolations?.length ?? 0) > 0);
    assert.match((await violations())[0] ?? '', /^script-src/);
    consoleErrors.length = 0;
  });

  test('every screen, with a class playing, draws without a CSP violation', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions', game: 'Fraction Quest' });
    const game: StartAnswer = await startOk(collector.url, activity.trackingCode);
    const sent = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    assert.equal(sent.status, 200, sent.text);

    for (const screen of [...SCREENS, `/players/${encodeURIComponent(game.playerId)}`]) {
      await page.goto(`${collector.url}${screen}`);
      await page.locator('#main h1').waitFor();
      if (screen === '/') await page.getByText(game.playerAnimalName).first().waitFor();
      if (screen === '/connect') {
        // The QR code is drawn on a canvas: some of its pixels are dark once drawn.
        await page.waitForFunction(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('canvas.qr');
          const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
          return pixels?.some((value, index) => index % 4 !== 3 && value < 128) === true;
        });
      }
      // The live stream (EventSource, under connect-src) is connected.
      await page.locator('.connection-live').waitFor();
      // Give the screen's fetches and the live stream time to answer and be drawn.
      await page.waitForTimeout(400);
      assert.deepEqual(await violations(), [], `${screen}: no violation`);
    }
    assert.deepEqual(consoleErrors, [], 'no CSP message in the console');
  });
});
