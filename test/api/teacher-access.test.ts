import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';
import { diskFillingBatch } from '../support/track-batches.js';
import { cookieOf, enterKey, openStreamFrom, requestFrom } from './teacher-support.js';

const lan = lanAddresses()[0];
const DASHBOARD_MARKER = 'AULA-DASHBOARD-PAGE';
/** The collector's clock, moved forward to get past the wrong-key window. */
let offset = 0;

interface AdminErrorBody {
  error: { reason: string; message: string };
}

describe('the dashboard stays the teacher\'s: other computers need the teacher key', { skip: lan ? false : 'this machine has no LAN address to connect from' }, () => {
  let collector: Collector;
  let base: string;
  let local: string;
  const from = lan as string;

  const teacherKey = async () =>
    ((await requestFrom(undefined, `${local}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;

  before(async () => {
    const dashboardDir = tempDir();
    fs.writeFileSync(path.join(dashboardDir, 'index.html'), `<html><body>${DASHBOARD_MARKER}</body></html>`);
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false, dashboardDir }, now: () => Date.now() + offset });
    base = `http://${from}:${collector.port}`;
    local = collector.url;
  });
  after(() => collector?.close());

  test('without the key: the admin API, its stream, diagnostics and settings answer 403 saying how to get access', async () => {
    for (const url of ['/admin/api/overview', '/admin/api/events', '/admin/api/diagnostics', '/admin/api/settings', '/admin/api/backups']) {
      const refused = await requestFrom(from, `${base}${url}`);
      assert.equal(refused.status, 403, url);
      const { error } = refused.json as AdminErrorBody;
      assert.equal(error.reason, 'loopback-only');
      assert.ok(error.message.includes(`http://${from}:${collector.port}/teacher`), error.message);
      assert.match(error.message, /teacher key/);
      assert.match(error.message, /Authorization: Bearer/);
    }
    const backup = await requestFrom(from, `${base}/admin/api/backups`, { method: 'POST' });
    assert.equal(backup.status, 403);
    assert.equal(fs.existsSync(path.join(collector.config.dataDir, 'backups')), false, 'nothing was written');
    const regenerate = await requestFrom(from, `${base}/admin/api/settings/teacher-key`, { method: 'POST' });
    assert.equal(regenerate.status, 403);
  });

  test('without the key: / is the public check page, with a link to the key page; dashboard paths are not served', async () => {
    const page = await requestFrom(from, `${base}/`);
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes(DASHBOARD_MARKER));
    assert.match(page.text, /<a href="\/teacher">/);
    assert.equal((await requestFrom(from, `${base}/settings`)).status, 404);
    const key = await requestFrom(from, `${base}/teacher`);
    assert.equal(key.status, 200);
    assert.match(key.text, /Enter the teacher key/i);
    assert.match(key.text, /<form method="post" action="\/teacher">/);
    assert.match(String(key.headers['content-security-policy']), /default-src 'none'/);
    assert.equal(key.headers['cache-control'], 'no-store');
  });

  test('collector routes, /check and /xapi stay open to games on other computers', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Open to games' });
    const started = await requestFrom(from, `${base}/api/collector/start/${activity.trackingCode}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(started.status, 200);
    const { authToken, actor } = started.json as { authToken: string; actor: unknown };
    const tracked = await requestFrom(from, `${base}/api/collector/track`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authToken },
      body: JSON.stringify([statementS(actor)]),
    });
    assert.equal(tracked.status, 200, tracked.text);
    assert.equal((await requestFrom(from, `${base}/check/api?code=${activity.trackingCode}`)).status, 200);
    assert.equal((await requestFrom(from, `${base}/xapi/about`)).status, 200);
    assert.equal((await requestFrom(from, `${base}/health`)).status, 200);
  });

  test('a wrong key is refused on the key page and gives no cookie', async () => {
    const wrong = await enterKey(from, base, 'abcd-efgh-jkmn-pqrs-tuvw-xyz2');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers['set-cookie'], undefined);
    assert.match(wrong.text, /That is not the teacher key/);
  });

  test('the right key (typed loosely) gives an HttpOnly, SameSite=Strict cookie that opens the dashboard, its API and its live stream', async () => {
    const key = await teacherKey();
    const typed = ` ${key.toUpperCase().replaceAll('-', ' ')} `;
    const entered = await enterKey(from, base, typed);
    assert.equal(entered.status, 303);
    assert.equal(entered.headers.location, '/');
    const setCookie = entered.headers['set-cookie']?.[0] ?? '';
    const attributes = setCookie.split(';').map((part) => part.trim());
    assert.ok(attributes.includes('HttpOnly'), setCookie);
    assert.ok(attributes.includes('SameSite=Strict'), setCookie);
    assert.ok(attributes.includes('Path=/'), setCookie);
    assert.ok(!setCookie.includes(key) && !setCookie.includes(key.replaceAll('-', '')), 'the cookie does not carry the key');
    const cookie = { Cookie: cookieOf(entered) };

    const dashboard = await requestFrom(from, `${base}/`, { headers: cookie });
    assert.ok(dashboard.text.includes(DASHBOARD_MARKER));
    assert.ok((await requestFrom(from, `${base}/players/x`, { headers: cookie })).text.includes(DASHBOARD_MARKER));
    const overview = await requestFrom(from, `${base}/admin/api/overview`, { headers: cookie });
    assert.equal(overview.status, 200);
    assert.equal((overview.json as { storage: { full: boolean } }).storage.full, false);
    assert.equal((await requestFrom(from, `${base}/admin/api/diagnostics`, { headers: cookie })).status, 200);
    const settings = (await requestFrom(from, `${base}/admin/api/settings`, { headers: cookie })).json as { teacherKey: string; access: string };
    assert.equal(settings.teacherKey, key);
    assert.equal(settings.access, 'cookie');
    // Already in: the key page sends this device to the dashboard.
    assert.equal((await requestFrom(from, `${base}/teacher`, { headers: cookie })).headers.location, '/');

    const stream = await openStreamFrom(from, `${base}/admin/api/events`, cookie);
    assert.equal(stream.status, 200);
    await stream.until((text) => text.includes('event: hello'));
    const activity = makeActivity(collector.context.db, { name: 'Seen live from the tablet' });
    await startOk(collector.url, activity.trackingCode);
    await stream.until((text) => text.includes('event: changes') && text.includes(`"${activity.id}":0`));
    stream.close();
  });

  test('a script with Authorization: Bearer <key> gets in; a wrong Bearer key gets 401', async () => {
    const key = await teacherKey();
    const ok = await requestFrom(from, `${base}/admin/api/overview`, { headers: { Authorization: `Bearer ${key}` } });
    assert.equal(ok.status, 200);
    const wrong = await requestFrom(from, `${base}/admin/api/overview`, { headers: { Authorization: 'Bearer not-the-key' } });
    assert.equal(wrong.status, 401);
    assert.equal((wrong.json as AdminErrorBody).error.reason, 'wrong-teacher-key');
    // A cookie-less forged value is not the teacher either.
    const forged = await requestFrom(from, `${base}/admin/api/overview`, { headers: { Cookie: 'aula_teacher=0.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    assert.equal(forged.status, 403);
  });

  test('regenerating the key locks out the old key, every old cookie and open streams at once; the new key works', async () => {
    const oldKey = await teacherKey();
    const oldCookie = { Cookie: cookieOf(await enterKey(from, base, oldKey)) };
    const stream = await openStreamFrom(from, `${base}/admin/api/events`, oldCookie);
    await stream.until((text) => text.includes('event: hello'));

    const regenerated = await requestFrom(undefined, `${local}/admin/api/settings/teacher-key`, { method: 'POST' });
    assert.equal(regenerated.status, 200);
    const newKey = (regenerated.json as { teacherKey: string }).teacherKey;
    assert.notEqual(newKey, oldKey);
    assert.equal(await teacherKey(), newKey);
    await stream.ended;

    const withOldCookie = await requestFrom(from, `${base}/admin/api/overview`, { headers: oldCookie });
    assert.equal(withOldCookie.status, 403);
    assert.equal((withOldCookie.json as AdminErrorBody).error.reason, 'teacher-key-changed');
    assert.match((withOldCookie.json as AdminErrorBody).error.message, /\/teacher/);
    assert.ok(!(await requestFrom(from, `${base}/`, { headers: oldCookie })).text.includes(DASHBOARD_MARKER));
    const reopened = await openStreamFrom(from, `${base}/admin/api/events`, oldCookie);
    assert.equal(reopened.status, 403);
    reopened.close();
    assert.equal((await requestFrom(from, `${base}/admin/api/overview`, { headers: { Authorization: `Bearer ${oldKey}` } })).status, 401);
    assert.equal((await enterKey(from, base, oldKey)).status, 401);

    const newCookie = { Cookie: cookieOf(await enterKey(from, base, newKey)) };
    assert.equal((await requestFrom(from, `${base}/admin/api/overview`, { headers: newCookie })).status, 200);
  });

  test('another web page cannot change anything through the teacher\'s browser (cross-site requests are refused)', async () => {
    const key = await teacherKey();
    const forgeries: Array<Record<string, string>> = [{ Origin: 'http://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of forgeries) {
      const forged = await requestFrom(undefined, `${local}/admin/api/settings/teacher-key`, { method: 'POST', headers });
      assert.equal(forged.status, 403);
      assert.equal((forged.json as AdminErrorBody).error.reason, 'cross-site');
      assert.equal((await requestFrom(undefined, `${local}/admin/api/backups`, { method: 'POST', headers })).status, 403);
    }
    assert.equal(await teacherKey(), key, 'the key did not change');
    // The dashboard itself (same origin) still works.
    const own = await requestFrom(undefined, `${local}/admin/api/backups`, { method: 'GET', headers: { Origin: local, 'Sec-Fetch-Site': 'same-origin' } });
    assert.equal(own.status, 200);
  });

  test('a tablet that regenerates the key stays in with a fresh cookie', async () => {
    const cookie = { Cookie: cookieOf(await enterKey(from, base, await teacherKey())) };
    const regenerated = await requestFrom(from, `${base}/admin/api/settings/teacher-key`, { method: 'POST', headers: cookie });
    assert.equal(regenerated.status, 200);
    const fresh = { Cookie: cookieOf(regenerated) };
    assert.equal((await requestFrom(from, `${base}/admin/api/overview`, { headers: cookie })).status, 403);
    assert.equal((await requestFrom(from, `${base}/admin/api/overview`, { headers: fresh })).status, 200);
  });

  test('wrong keys are limited per address: after 10, even the right key waits; this computer is unaffected; time forgives', async () => {
    const key = await teacherKey();
    let last = await enterKey(from, base, 'wrong');
    for (let attempt = 0; attempt < 12 && last.status !== 429; attempt++) last = await enterKey(from, base, `wrong-${attempt}`);
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers['retry-after']) > 0);
    assert.equal((await enterKey(from, base, key)).status, 429, 'the right key waits too');
    const bearer = await requestFrom(from, `${base}/admin/api/overview`, { headers: { Authorization: `Bearer ${key}` } });
    assert.equal(bearer.status, 429);
    assert.equal((bearer.json as AdminErrorBody).error.reason, 'too-many-attempts');
    assert.equal((await requestFrom(undefined, `${local}/admin/api/overview`)).status, 200);
    offset += 11 * 60_000;
    assert.equal((await enterKey(from, base, key)).status, 303);
  });
});

describe('backups and the full disk, through the admin API', () => {
  let collector: Collector;
  before(async () => {
    collector = await startTestCollector();
  });
  after(() => collector?.close());

  test('"Back up now" writes a sound backup in the data folder\'s backups/ and lists it', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Backed up' });
    const player = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, player.authToken, [statementS(player.actor)])).status, 200);
    const made = await requestFrom(undefined, `${collector.url}/admin/api/backups`, { method: 'POST' });
    assert.equal(made.status, 201, made.text);
    const body = made.json as { backup: { name: string; bytes: number }; folder: string; backups: Array<{ name: string }> };
    assert.equal(body.folder, path.join(collector.config.dataDir, 'backups'));
    assert.match(body.backup.name, /^aula-.*-manual\.sqlite$/);
    const file = path.join(body.folder, body.backup.name);
    assert.ok(fs.statSync(file).size > 0);
    const { default: Database } = await import('better-sqlite3');
    const copy = new Database(file, { readonly: true });
    assert.equal((copy.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 1);
    copy.close();
    const listed = (await requestFrom(undefined, `${collector.url}/admin/api/backups`)).json as { backups: Array<{ name: string }>; kept: number };
    assert.deepEqual(listed.backups.map((b) => b.name), [body.backup.name]);
    assert.ok(listed.kept >= 1);
  });

  test('closing an activity from the dashboard keeps a backup (once: closing it again does not)', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Lesson to close' });
    const closed = await requestFrom(undefined, `${collector.url}/admin/api/activities/${activity.id}/close`, { method: 'POST' });
    assert.equal(closed.status, 200);
    const backup = (closed.json as { backup: { name: string } | null }).backup;
    assert.ok(backup);
    assert.ok(backup.name.endsWith(`-closed-${activity.trackingCode}.sqlite`), backup.name);
    assert.ok(fs.existsSync(path.join(collector.config.dataDir, 'backups', backup.name)));
    const again = await requestFrom(undefined, `${collector.url}/admin/api/activities/${activity.id}/close`, { method: 'POST' });
    assert.equal((again.json as { backup?: unknown }).backup, undefined);
    const listed = (await requestFrom(undefined, `${collector.url}/admin/api/backups`)).json as { backups: Array<{ name: string }> };
    assert.equal(listed.backups.filter((b) => b.name.includes('closed-')).length, 1);
  });

  test('a full disk shows in the overview and on the live stream, and clears by itself', async () => {
    const stream = await openStreamFrom(undefined, `${collector.url}/admin/api/events`);
    await stream.until((text) => text.includes('event: hello'));
    const activity = makeActivity(collector.context.db, { name: 'Filling the disk' });
    const player = await startOk(collector.url, activity.trackingCode);
    const batch = (serial: number) => diskFillingBatch(player, serial);
    const pages = collector.context.db.pragma('page_count', { simple: true }) as number;
    collector.context.ingest.setMaxPages(pages + 20);
    let serial = 0;
    let status = 200;
    while (status === 200 && serial < 200) status = (await track(collector.url, player.authToken, batch(serial++))).status;
    assert.equal(status, 503);
    await stream.until((text) => text.includes('"storage":{"full":true}'));
    const full = (await requestFrom(undefined, `${collector.url}/admin/api/overview`)).json as { storage: { full: boolean } };
    assert.equal(full.storage.full, true);

    collector.context.ingest.setMaxPages(1_000_000);
    assert.equal((await track(collector.url, player.authToken, batch(serial++))).status, 200);
    await stream.until((text) => text.includes('"storage":{"full":false}'));
    const freed = (await requestFrom(undefined, `${collector.url}/admin/api/overview`)).json as { storage: { full: boolean } };
    assert.equal(freed.storage.full, false);
    stream.close();
  });
});
