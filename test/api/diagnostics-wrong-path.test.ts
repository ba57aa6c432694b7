import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { requestFrom } from '../support/from-address.js';
import { request } from '../support/http.js';

/**
 * A game whose host or base path is set wrong (`/api/` twice, java-tracker's empty base path, an xAPI endpoint
 * without its last slash) gets 404 "Not found", as the contract says; its developer finds on the Diagnostics screen
 * the address the game used and where Aula answers it.
 */
describe('diagnostics: a game sending to a wrong address', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  const others = () => diagnosticItems(collector, 'other');

  async function notFound(method: string, path: string, headers: Record<string, string> = {}): Promise<void> {
    const answer = await request(`${collector.url}${path}`, { method, headers });
    assert.equal(answer.status, 404, `${method} ${path}`);
    assert.equal(answer.text, '{"message":"Not found"}', 'the answer stays the contract\'s (C-1.7)');
  }

  test('each wrong address is listed with the one Aula serves, and repeats are counted', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    await notFound('POST', `/api/api/proxy/gleaner/collector/start/${trackingCode}`);
    await notFound('POST', `/api/api/proxy/gleaner/collector/start/${trackingCode}`);
    await notFound('POST', '/proxy/gleaner/collector/track', { Authorization: 'sometoken' });
    await notFound('GET', `/api/collector/start/${trackingCode}`);
    await notFound('POST', '/xapistatements');
    const items = await others();
    const byDetail = new Map(items.map((item) => [item.detail, item]));
    const doubled = byDetail.get(`POST /api/api/proxy/gleaner/collector/start/${trackingCode}`);
    assert.equal(doubled?.suggestion, `POST /api/proxy/gleaner/collector/start/${trackingCode}`);
    assert.equal(doubled?.count, 2);
    assert.equal(doubled?.address, '127.0.0.1');
    assert.equal(byDetail.get('POST /proxy/gleaner/collector/track')?.suggestion, 'POST /api/proxy/gleaner/collector/track');
    assert.equal(byDetail.get(`GET /api/collector/start/${trackingCode}`)?.suggestion, `POST /api/collector/start/${trackingCode}`);
    assert.equal(byDetail.get('POST /xapistatements')?.suggestion, 'POST /xapi/statements');
    assert.equal(items.length, 4);
  });

  test("a browser game's preflight to a wrong address is listed as the request it announces, and reads CORS headers", async () => {
    const preflight = await request(`${collector.url}/statements`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://games.example.org',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-experience-api-version',
      },
    });
    assert.equal(preflight.status, 404);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const item = (await others()).find((candidate) => candidate.detail === 'POST /statements');
    assert.equal(item?.suggestion, 'POST /xapi/statements');
  });

  test('requests that are no game\'s (a favicon, a scanner) are not listed', async () => {
    const before = (await others()).length;
    await notFound('GET', '/favicon.ico');
    await notFound('GET', '/api/nothing-here');
    await notFound('POST', '/wp-admin/setup.php');
    assert.equal((await others()).length, before);
  });
  test("a browser opening a path that ends like a game's (a typed address, a login form) is not listed as a game's mistake", async () => {
    const before = await others();
    // What Chromium sends when an address is typed or a form is submitted (Node's fetch would say `cors`); a game's
    // tracker never navigates.
    const navigate = async (method: string, path: string, body?: string) => {
      const headers = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Content-Type': 'application/x-www-form-urlencoded' };
      const answer = await requestFrom('127.0.0.1', collector.port, { method, path, headers, ...(body === undefined ? {} : { body }) });
      assert.equal(answer.status, 404, `${method} ${path}`);
    };
    await navigate('GET', '/login');
    await navigate('POST', '/login', 'username=ana&password=secret');
    await navigate('GET', '/api/api/collector/start/abcd1234');
    assert.deepEqual(await others(), before);
    // A game's login to the wrong base path is still listed, with where Aula answers it.
    await notFound('POST', '/login', { 'Content-Type': 'application/json' });
    assert.equal((await others()).find((item) => item.detail === 'POST /login')?.suggestion, 'POST /api/login');
  });
});
