import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { requestFrom } from './teacher-support.js';

const DASHBOARD_MARKER = 'AULA-DASHBOARD-PAGE';

interface AdminErrorBody {
  error: { reason: string; message: string };
}

/**
 * DNS rebinding: a page at http://attacker.example:PORT/ renames itself to 127.0.0.1, so the teacher's own browser
 * sends loopback requests with `Host: attacker.example:PORT`, same-origin for the page (its Origin matches the
 * Host, so no cross-site check applies). Without a Host check it reads the teacher key and changes data.
 */
describe('a web page that rebinds its name to this computer is not the teacher', () => {
  let collector: Collector;
  let local: string;
  let foreignHost: string;

  const from = (url: string, host: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    requestFrom(undefined, `${local}${url}`, { ...options, headers: { Host: host, ...options.headers } });

  before(async () => {
    const dashboardDir = tempDir();
    fs.writeFileSync(path.join(dashboardDir, 'index.html'), `<html><body>${DASHBOARD_MARKER}</body></html>`);
    collector = await startTestCollector({ config: { dashboardDir } });
    local = collector.url;
    foreignHost = `attacker.example:${collector.port}`;
  });
  after(() => collector?.close());

  test('reads of the admin API, its live stream and the dashboard are refused under a foreign Host', async () => {
    for (const url of ['/admin/api/settings', '/admin/api/overview', '/admin/api/events', '/admin/api/diagnostics', '/admin/api/data/export?format=csv']) {
      const answer = await from(url, foreignHost);
      assert.equal(answer.status, 403, url);
      assert.equal((answer.json as AdminErrorBody).error.reason, 'foreign-host', url);
      assert.ok(!answer.text.includes('teacherKey'), url);
    }
    const page = await from('/', foreignHost);
    assert.ok(!page.text.includes(DASHBOARD_MARKER), 'the dashboard page is not served to a rebound page');
  });

  test('same-origin writes from a rebound page change nothing', async () => {
    const origin = `http://${foreignHost}`;
    const created = await from('/admin/api/classes', foreignHost, {
      method: 'POST',
      headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Rebound' }),
    });
    assert.equal(created.status, 403);
    const key = collector.context.db.prepare("SELECT value FROM settings WHERE key = 'teacher_key'").pluck().get();
    const regenerated = await from('/admin/api/settings/teacher-key', foreignHost, { method: 'POST', headers: { Origin: origin } });
    assert.equal(regenerated.status, 403);
    const classes = (await requestFrom(undefined, `${local}/admin/api/classes`)).json as { classes: Array<{ name: string }> };
    assert.ok(!classes.classes.some((c) => c.name === 'Rebound'));
    assert.equal(collector.context.db.prepare("SELECT value FROM settings WHERE key = 'teacher_key'").pluck().get(), key);
  });

  test("this computer's own names still open the dashboard", async () => {
    const port = collector.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `aula.local:${port}`, `my-laptop:${port}`, `app.localhost:${port}`, `127.0.0.1`]) {
      const answer = await from('/admin/api/overview', host);
      assert.equal(answer.status, 200, host);
      assert.ok((await from('/', host)).text.includes(DASHBOARD_MARKER), host);
    }
  });

  test('under a foreign Host (a reverse proxy), the teacher key still opens the admin API', async () => {
    const key = ((await requestFrom(undefined, `${local}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;
    const answer = await from('/admin/api/overview', 'aula.school.example', { headers: { Authorization: `Bearer ${key}` } });
    assert.equal(answer.status, 200);
  });

  test('another web site cannot sign a device out of the dashboard, or in with a key of its choosing', async () => {
    const host = `127.0.0.1:${collector.port}`;
    const crossSite = { Origin: 'http://attacker.example', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' };
    const forget = await from('/teacher/forget', host, { method: 'POST', headers: crossSite, body: '' });
    assert.equal(forget.status, 403);
    assert.equal(forget.headers['set-cookie'], undefined, 'the cookie is not cleared');
    const signIn = await from('/teacher', host, { method: 'POST', headers: crossSite, body: 'key=whatever' });
    assert.equal(signIn.status, 403);
    const sameSite = await from('/teacher/forget', host, { method: 'POST', headers: { Origin: `http://${host}` }, body: '' });
    assert.equal(sameSite.status, 303, 'the key page itself still signs out');
  });
});
