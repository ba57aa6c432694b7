import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { statement, type XapiEndpoint, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;
const cursorOf = (more: string) => JSON.parse(Buffer.from(more.split('more=')[1] ?? '', 'base64url').toString('utf8')) as Json & { query: Json };
const asCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('/xapi: what real clients and conformance checks run into', () => {
  const collector = useTestCollector();
  let xapi: XapiEndpoint;
  const setup = () => {
    xapi ??= xapiEndpoint(collector.current);
    return xapi;
  };

  it('a more link the client changed gets 400 naming the cursor, never a 500, and the real one still pages', async () => {
    const own = setup();
    assert.equal((await own.call('statements', { method: 'POST', body: JSON.stringify([statement(), statement(), statement()]) })).status, 200);
    const first = (await own.call('statements?limit=1')).json as { more: string };
    assert.match(first.more, /^\/xapi\/statements\?more=/);
    const cursor = cursorOf(first.more);
    const changed = [
      { ...cursor, query: { ...cursor.query, agent: 'not an agent' } },
      { ...cursor, query: { ...cursor.query, limit: 'all' } },
      { ...cursor, query: { ...cursor.query, limit: 1_000_000 } },
      { ...cursor, query: { ...cursor.query, format: 'everything' } },
      { ...cursor, query: { ...cursor.query, since: 'yesterday' } },
      { ...cursor, query: { ...cursor.query, verb: 'not an IRI' } },
      { ...cursor, query: null },
      { ...cursor, after: 'last' },
      { ...cursor, ceiling: -1 },
    ];
    for (const value of changed) {
      const answer = await own.call(`statements?more=${asCursor(value)}`);
      assert.equal(answer.status, 400, JSON.stringify(value));
      assert.equal((answer.json as Json).message, 'more is not a valid cursor');
    }
    const second = await own.call(first.more.slice('/xapi/'.length));
    assert.equal(second.status, 200);
    assert.equal((second.json as { statements: unknown[] }).statements.length, 1);
  });

  it("a browser game's preflight is kept for 2 hours and allows the headers it asks for; 405 says what is allowed", async () => {
    const own = setup();
    const preflight = await request(`${collector.current.url}/xapi/statements`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://game.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-experience-api-version,cache-control',
      },
    });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get('access-control-max-age'), '7200');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').split(',').map((name) => name.trim().toLowerCase());
    for (const name of ['authorization', 'content-type', 'x-experience-api-version', 'cache-control']) assert.ok(allowed.includes(name), name);
    const deleted = await own.call('statements', { method: 'DELETE' });
    assert.equal(deleted.status, 405);
    assert.equal(deleted.headers.get('allow'), 'GET, HEAD, POST, PUT, OPTIONS');
  });
});
