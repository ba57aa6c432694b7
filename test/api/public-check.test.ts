import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, start, startOk } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request whose socket starts at `from`: with a LAN address, Aula sees another machine, not loopback. */
function get(from: string, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { localAddress: from, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', reject);
  });
}

const DASHBOARD_MARKER = 'AULA-DASHBOARD-PAGE';
const lan = lanAddresses()[0];

describe('public check page for other machines', { skip: lan ? false : 'this machine has no LAN address to connect from' }, () => {
  let collector: Collector;
  let base: string;
  const secrets: string[] = [];
  let openCode = '';
  let closedCode = '';

  before(async () => {
    const dashboardDir = tempDir();
    fs.writeFileSync(path.join(dashboardDir, 'index.html'), `<html><body>${DASHBOARD_MARKER}</body></html>`);
    fs.mkdirSync(path.join(dashboardDir, 'assets'));
    fs.writeFileSync(path.join(dashboardDir, 'assets', 'app.js'), 'console.log(1)');
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false, dashboardDir } });
    base = `http://${lan}:${collector.port}`;
    const db = collector.context.db;
    const open = makeActivity(db, { name: 'Secret Fractions Lesson', game: 'Secret Game Title' });
    const closed = makeActivity(db, { name: 'Hidden History Quiz', game: 'Other Secret Game' });
    setActivityOpen(db, closed.trackingCode, false);
    const unrelated = makeActivity(db, { name: 'Unrelated Activity', game: 'Unrelated Game' });
    openCode = open.trackingCode;
    closedCode = closed.trackingCode;
    const players: StartAnswer[] = [await startOk(collector.url, openCode), await startOk(collector.url, openCode)];
    secrets.push(open.name, open.game, closed.name, closed.game, unrelated.name, unrelated.trackingCode);
    for (const player of players) secrets.push(player.playerAnimalName, player.playerId, player.authToken);
  });
  after(() => collector?.close());

  function assertNoSecrets(text: string): void {
    for (const secret of secrets) assert.ok(!text.includes(secret), `the public answer does not contain "${secret}"`);
  }

  test('another machine opening / gets the check page, not the dashboard, with its own address', async () => {
    const page = await get(lan as string, `${base}/`);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.ok(!page.text.includes(DASHBOARD_MARKER));
    assert.match(page.text, /This computer can reach the Aula collector/);
    assert.ok(page.text.includes(`from the address <code>${lan}</code>`));
    assert.ok(page.text.includes(`http://${lan}:${collector.port}/`), 'the address to put in the game');
    assertNoSecrets(page.text);
  });

  test('the teacher on this computer still gets the dashboard at /', async () => {
    const page = await get('127.0.0.1', `${collector.url}/`);
    assert.ok(page.text.includes(DASHBOARD_MARKER));
    assert.ok((await get('127.0.0.1', `${collector.url}/check`)).text.includes('can reach the Aula collector'), 'and can preview /check');
  });

  test('a tracking code entered on the page says whether the activity exists and is open', async () => {
    const open = await get(lan as string, `${base}/?code=${encodeURIComponent(openCode)}`);
    assert.match(open.text, /exists and is open/);
    const closed = await get(lan as string, `${base}/?code=${encodeURIComponent(closedCode)}`);
    assert.match(closed.text, /exists but is closed/);
    const wrong = await get(lan as string, `${base}/?code=${encodeURIComponent('<b>nope</b>')}`);
    assert.match(wrong.text, /No activity has the tracking code <code>&lt;b&gt;nope&lt;\/b&gt;<\/code>/);
    for (const answer of [open, closed, wrong]) assertNoSecrets(answer.text);
  });

  test("a game version's tracking code, which starts games too (C-8.1), is not said to be unknown", async () => {
    const { code } = collector.context.db.prepare('SELECT tracking_code AS code FROM versions WHERE tracking_code IS NOT NULL LIMIT 1').get() as { code: string };
    assert.equal((await start(collector.url, code)).status, 200, 'the code starts a game');
    const page = await get(lan as string, `${base}/?code=${code}`);
    assert.match(page.text, /is a game version's, not a class activity's: games with it can start at any time/);
    const answer = JSON.parse((await get(lan as string, `${base}/check/api?code=${code}`)).text) as unknown;
    assert.deepEqual(answer, { reachable: true, yourAddress: lan, activity: { exists: true, open: true, gameVersion: true } });
  });

  test('the JSON check answers reachable, the address and the code, with open CORS', async () => {
    const answer = await get(lan as string, `${base}/check/api?code=${encodeURIComponent(closedCode)}`, { Origin: 'http://game.example' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], '*');
    assert.deepEqual(JSON.parse(answer.text), { reachable: true, yourAddress: lan, activity: { exists: true, open: false } });
    const none = JSON.parse((await get(lan as string, `${base}/check/api`)).text) as unknown;
    assert.deepEqual(none, { reachable: true, yourAddress: lan, activity: null });
    assertNoSecrets(answer.text);
  });

  test('other machines get neither the dashboard files, its other routes, nor its API', async () => {
    assert.equal((await get(lan as string, `${base}/assets/app.js`)).status, 404);
    const route = await get(lan as string, `${base}/players`);
    assert.equal(route.status, 404);
    assert.ok(!route.text.includes(DASHBOARD_MARKER));
    const api = await get(lan as string, `${base}/admin/api/connect`);
    assert.equal(api.status, 403);
    assertNoSecrets(api.text);
    // A browser opening a dashboard address is sent to the key page instead of a bare JSON 404.
    const browser = await get(lan as string, `${base}/activities`, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    assert.equal(browser.status, 303);
    assert.equal(browser.headers.location, '/teacher');
    assert.ok(!browser.text.includes(DASHBOARD_MARKER));
  });

  test('checks are rate-limited per address', async () => {
    let status = 200;
    for (let i = 0; i < 80 && status === 200; i++) status = (await get(lan as string, `${base}/check/api?code=guess${i}`)).status;
    assert.equal(status, 429);
    // The teacher's own checks are counted apart.
    assert.equal((await get('127.0.0.1', `${collector.url}/check/api`)).status, 200);
  });
});
