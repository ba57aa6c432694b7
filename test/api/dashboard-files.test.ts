import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { rawRequest, requestHead } from '../support/raw-http.js';
import { tempDir } from '../support/temp-dir.js';

const PAGE = '<!doctype html><html><head><script type="module" src="/assets/index-DosudBYK.js"></script></head><body>AULA-DASHBOARD-PAGE</body></html>';
const SCRIPT = 'console.log("dashboard")';

/**
 * How the built dashboard reaches the teacher's browser and the desktop window, whose HTTP cache outlives app updates:
 * the page is revalidated every time, the hashed files under /assets/ are kept for good, and an old page asking for a
 * file the update removed gets a 404 instead of the page itself (which the browser refuses as a script: a blank page).
 */
describe('the dashboard files: caching, missing assets and the page’s security headers', () => {
  let collector: Collector;

  before(async () => {
    const dashboardDir = tempDir();
    fs.writeFileSync(path.join(dashboardDir, 'index.html'), PAGE);
    fs.mkdirSync(path.join(dashboardDir, 'assets'));
    fs.writeFileSync(path.join(dashboardDir, 'assets', 'index-DosudBYK.js'), SCRIPT);
    collector = await startTestCollector({ config: { dashboardDir } });
  });
  after(() => collector?.close());

  test('the page, at / and at every dashboard route, is revalidated each time, cheaply', async () => {
    for (const route of ['/', '/index.html', '/live', '/players/some-player', '/data?activity=x']) {
      const page = await request(`${collector.url}${route}`);
      assert.equal(page.status, 200, route);
      assert.equal(page.text, PAGE, route);
      assert.match(String(page.headers.get('content-type')), /^text\/html/, route);
      assert.equal(page.headers.get('cache-control'), 'no-cache', route);
      const etag = page.headers.get('etag');
      assert.ok(etag, `${route} has an ETag`);
      assert.ok(page.headers.get('last-modified'), `${route} has a Last-Modified`);
      // As a browser revalidates (fetch() would add `Cache-Control: no-cache`, which asks for the whole page again).
      const again = await rawRequest(collector.port, requestHead('GET', route, [['Host', '127.0.0.1'], ['If-None-Match', etag], ['Connection', 'close']]));
      assert.equal(again.status, 304, `${route} unchanged is a 304`);
      assert.equal(again.body, '');
    }
  });

  test('hashed files under /assets/ are cached for a year and never revalidated', async () => {
    const script = await request(`${collector.url}/assets/index-DosudBYK.js`);
    assert.equal(script.status, 200);
    assert.equal(script.text, SCRIPT);
    assert.match(String(script.headers.get('content-type')), /javascript/);
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(script.headers.get('x-content-type-options'), 'nosniff');
  });

  test('a file the dashboard no longer has is a 404, not the page', async () => {
    for (const gone of ['/assets/index-0ldHash1.js', '/assets/index-0ldHash1.css', '/assets/', '/assets/deeper/x.js']) {
      const answer = await request(`${collector.url}${gone}`);
      assert.equal(answer.status, 404, gone);
      assert.ok(!answer.text.includes('AULA-DASHBOARD-PAGE'), `${gone} is not the page`);
      assert.deepEqual(answer.json, { message: 'Not found' }, gone);
    }
  });

  test('the page carries a Content-Security-Policy that allows only its own origin, and may not be framed', async () => {
    for (const route of ['/', '/live']) {
      const page = await request(`${collector.url}${route}`);
      const csp = String(page.headers.get('content-security-policy'));
      const directives = new Map(csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }));
      assert.equal(directives.get('default-src'), "'none'", route);
      assert.equal(directives.get('script-src'), "'self'", `${route}: no inline or foreign scripts`);
      assert.equal(directives.get('connect-src'), "'self'", `${route}: fetch and the live stream to Aula only`);
      assert.equal(directives.get('frame-ancestors'), "'none'", route);
      assert.equal(page.headers.get('x-frame-options'), 'DENY', route);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff', route);
      assert.equal(page.headers.get('referrer-policy'), 'same-origin', route);
    }
  });

  test('a dashboard folder given as a relative path (AULA_DASHBOARD_DIR=dist) serves its page with the same rules', async () => {
    const relative = path.relative(process.cwd(), String(collector.config.dashboardDir));
    assert.ok(!path.isAbsolute(relative));
    const other = await startTestCollector({ config: { dashboardDir: relative } });
    try {
      const page = await request(`${other.url}/`);
      assert.equal(page.status, 200);
      assert.match(String(page.headers.get('content-security-policy')), /frame-ancestors 'none'/);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
    } finally {
      await other.close();
    }
  });

  test('the APIs, /health and unknown API paths answer as before', async () => {
    const health = await request(`${collector.url}/health`);
    assert.equal(health.status, 200);
    assert.equal(health.headers.get('content-security-policy'), null);
    const unknownApi = await request(`${collector.url}/admin/api/no-such-thing`);
    assert.equal(unknownApi.status, 404);
    assert.ok(!unknownApi.text.includes('AULA-DASHBOARD-PAGE'));
    const check = await request(`${collector.url}/check`);
    assert.equal(check.status, 200);
    assert.equal(check.headers.get('cache-control'), 'no-store');
  });
});
