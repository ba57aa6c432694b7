import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { createClass } from '../../server/store/classes-repo.js';
import { cookieOf, enterKey, requestFrom } from '../api/teacher-support.js';
import { xapiEndpoint } from '../api/xapi-support.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, start } from '../support/rage.js';

// A classroom laptop's clock moves: a teacher sets it by hand, Windows or NTP corrects it by minutes or hours once a
// network is there (docs/clock.md). Each test moves the collector's injected wall clock.

const HOUR_MS = 60 * 60_000;

const lan = lanAddresses()[0];

describe('signed in before the clock is set back, still signed in after', () => {
  it("a tablet given the teacher key while the laptop's clock was two hours fast keeps the dashboard", { skip: lan ? false : 'this machine has no LAN address to connect from' }, async () => {
    let offset = 2 * HOUR_MS;
    const collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false }, now: () => Date.now() + offset });
    const base = `http://${lan}:${collector.port}`;
    const key = ((await requestFrom(undefined, `${collector.url}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;
    const cookie = cookieOf(await enterKey(lan, base, key));
    assert.equal((await requestFrom(lan, `${base}/admin/api/overview`, { headers: { Cookie: cookie } })).status, 200);

    offset = 0;
    const after = await requestFrom(lan, `${base}/admin/api/overview`, { headers: { Cookie: cookie } });
    assert.equal(after.status, 200, `the tablet was signed out: ${after.text}`);
    await collector.close();
  });

  it('a wrong teacher key typed too often waits out its 10 minutes, not an hour more, once the clock is set back an hour', { skip: lan ? false : 'this machine has no LAN address to connect from' }, async () => {
    let offset = 0;
    const collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false }, now: () => Date.now() + offset });
    const base = `http://${lan}:${collector.port}`;
    const key = ((await requestFrom(undefined, `${collector.url}/admin/api/settings`)).json as { teacherKey: string }).teacherKey;
    let answer = await enterKey(lan, base, 'wrong-key');
    for (let i = 0; i < 20 && answer.status !== 429; i++) answer = await enterKey(lan, base, 'wrong-key');
    assert.equal(answer.status, 429, answer.text);

    // The clock goes back an hour; the teacher tries again: refused for what is left of the 10 minutes, at most.
    offset = -HOUR_MS;
    const refused = await enterKey(lan, base, key);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) <= 600, `told to wait ${refused.headers['retry-after']} s`);
    offset += 10 * 60_000 + 1000;
    const typed = await enterKey(lan, base, key);
    assert.notEqual(typed.status, 429, 'the right key, 10 minutes later, is still refused');
    assert.ok(typed.headers['set-cookie'], `the right key gave no cookie (${typed.status})`);
    await collector.close();
  });

  it("a student's login token issued while the clock was two hours fast starts a game after it is set right", async () => {
    let offset = 2 * HOUR_MS;
    const collector = await startTestCollector({ now: () => Date.now() + offset });
    const { db, writer } = collector.context;
    const created = await writer.run((tx) => createClass(tx, 'Class 3B'));
    await createAccounts(db, (job) => writer.run(job), created.id, [{ username: 'lena', password: 'lena-pass-1' }]);
    const code = xapiEndpoint(collector, 'Clock lab').trackingCode;
    const login = await postJson(`${collector.url}/api/login`, { username: 'lena', password: 'lena-pass-1' });
    assert.equal(login.status, 200, login.text);
    const { token } = (login.json as { user: { token: string } }).user;

    offset = 0;
    const started = await start(collector.url, code, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(started.status, 200, started.text);
    assert.equal((started.json as StartAnswer).playerId, 'lena');
    await collector.close();
  });

  it('a token logged out stays logged out after a logout while the clock was set a month ahead by mistake', async () => {
    let offset = 0;
    const collector = await startTestCollector({ now: () => Date.now() + offset });
    const { db, writer } = collector.context;
    const created = await writer.run((tx) => createClass(tx, 'Class 3D'));
    await createAccounts(db, (job) => writer.run(job), created.id, [{ username: 'pia', password: 'pia-pass-1' }]);
    const code = xapiEndpoint(collector, 'Clock lab').trackingCode;
    const loginToken = async () => {
      const answer = await postJson(`${collector.url}/api/login`, { username: 'pia', password: 'pia-pass-1' });
      assert.equal(answer.status, 200, answer.text);
      return (answer.json as { user: { token: string } }).user.token;
    };
    const logout = async (token: string) =>
      assert.equal((await request(`${collector.url}/api/logout`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).status, 200);
    const monday = await loginToken();
    await logout(monday);

    // Someone sets the laptop a month ahead; a student logs in and out on it; the clock is set right again.
    offset = 30 * 24 * HOUR_MS;
    await logout(await loginToken());
    offset = 0;
    const reused = await start(collector.url, code, { headers: { Authorization: `Bearer ${monday}` } });
    assert.notEqual(reused.status, 200, `the token logged out on Monday started a game as ${reused.text}`);
    await collector.close();
  });

  it('a student who mistyped their password too often waits the 10-minute window, not an hour more, once the clock is set back an hour', async () => {
    let offset = 0;
    const collector = await startTestCollector({ now: () => Date.now() + offset });
    const { db, writer } = collector.context;
    const created = await writer.run((tx) => createClass(tx, 'Class 3C'));
    await createAccounts(db, (job) => writer.run(job), created.id, [{ username: 'omar', password: 'omar-pass-1' }]);
    const login = (password: string) => postJson(`${collector.url}/api/login`, { username: 'omar', password });
    for (let i = 0; i < 10; i++) assert.equal((await login(`guess-${i}`)).status, 401);
    assert.equal((await login('omar-pass-1')).status, 429);

    // The clock goes back an hour; the student tries again: told to wait what is left of the 10 minutes, at most.
    offset = -HOUR_MS;
    const refused = await login('omar-pass-1');
    assert.equal(refused.status, 429);
    assert.deepEqual(refused.json, { message: 'Too many failed logins. Try again in 10 minutes.' });
    offset += 10 * 60_000 + 1000;
    const again = await login('omar-pass-1');
    assert.equal(again.status, 200, again.text);
    await collector.close();
  });
});
