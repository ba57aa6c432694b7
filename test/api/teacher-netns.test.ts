import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { createOtherHost, type OtherHost, removeOtherHost } from '../support/other-host.js';

const run = promisify(execFile);

/** Runs in the other namespace: a few requests with Node's fetch, reporting status codes and the cookie it got. */
const CLIENT = `
const [base, key, code] = process.argv.slice(1);
const out = {};
const status = async (name, url, init) => { const r = await fetch(url, { redirect: 'manual', ...init }); out[name] = r.status; return r; };
(async () => {
  await status('overview', base + '/admin/api/overview');
  await status('events', base + '/admin/api/events');
  await status('wrongBearer', base + '/admin/api/overview', { headers: { Authorization: 'Bearer nope' } });
  await status('bearer', base + '/admin/api/overview', { headers: { Authorization: 'Bearer ' + key } });
  const entered = await status('enter', base + '/teacher', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'key=' + encodeURIComponent(key) });
  const cookie = (entered.headers.get('set-cookie') || '').split(';')[0];
  out.cookieFlags = entered.headers.get('set-cookie');
  const overview = await status('overviewWithCookie', base + '/admin/api/overview', { headers: { Cookie: cookie } });
  out.yourAddress = (await (await fetch(base + '/check/api')).json()).yourAddress;
  const events = await fetch(base + '/admin/api/events', { headers: { Cookie: cookie } });
  out.eventsWithCookie = events.status;
  const reader = events.body.getReader();
  out.firstEvent = new TextDecoder().decode((await reader.read()).value);
  await reader.cancel();
  await status('start', base + '/api/collector/start/' + code, { method: 'POST' });
  console.log(JSON.stringify(out));
})().catch((e) => { console.log(JSON.stringify({ error: String(e) })); });
`;

describe('the dashboard from another network namespace (a veth pair: another computer)', () => {
  let other: OtherHost | undefined;
  let collector: Collector;

  before(async () => {
    other = await createOtherHost({ name: 'teach', seed: 7 });
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false } });
  });
  after(async () => {
    await collector?.close();
    if (other) await removeOtherHost(other);
  });

  test('refused without the key, let in with the Bearer key or the key page\'s cookie (API and live stream); games still start', async (t) => {
    if (!other) return t.skip('cannot create a network namespace here (needs root)');
    const key = ((await request(`${collector.url}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;
    const { trackingCode } = makeActivity(collector.context.db, { name: 'From the other host' });
    const base = `http://${other.hostSide}:${collector.port}`;
    const { stdout } = await run('ip', ['netns', 'exec', other.namespace, process.execPath, '-e', CLIENT, base, key, trackingCode], { timeout: 30_000 });
    const seen = JSON.parse(stdout.trim()) as Record<string, unknown>;
    assert.equal(seen.error, undefined, String(seen.error));
    assert.equal(seen.yourAddress, other.hostSide.replace(/\.1$/, '.2'), 'Aula saw the other host\'s own address');
    assert.equal(seen.overview, 403);
    assert.equal(seen.events, 403);
    assert.equal(seen.wrongBearer, 401);
    assert.equal(seen.bearer, 200);
    assert.equal(seen.enter, 303);
    assert.match(String(seen.cookieFlags), /HttpOnly/);
    assert.match(String(seen.cookieFlags), /SameSite=Strict/);
    assert.equal(seen.overviewWithCookie, 200);
    assert.equal(seen.eventsWithCookie, 200);
    assert.match(String(seen.firstEvent), /retry: 2000|event: hello/);
    assert.equal(seen.start, 200);
  });
});
