import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { revokeXapiCredentials } from '../../server/store/xapi-credentials-repo.js';
import { useTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { statement, type XapiEndpoint, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;
const message = (body: unknown) => (body as Json).message as string;

describe('/xapi protocol rules', () => {
  const collector = useTestCollector();
  let xapi: XapiEndpoint;
  const setup = () => {
    xapi ??= xapiEndpoint(collector.current);
    return xapi;
  };

  it('401 with WWW-Authenticate for missing, wrong and revoked credentials', async () => {
    const own = setup();
    const missing = await own.call('statements', { headers: { Authorization: '' } });
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Basic realm="xapi"');
    assert.equal(missing.headers.get('x-experience-api-version'), '1.0.3');
    assert.ok(missing.headers.get('x-experience-api-consistent-through'));
    const wrong = await own.call('statements', { headers: { Authorization: `Basic ${Buffer.from(`${own.key}:nope`).toString('base64')}` } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('www-authenticate'), 'Basic realm="xapi"');
    const other = xapiEndpoint(collector.current, 'Revoked');
    assert.equal((await other.call('statements')).status, 200);
    await collector.current.context.writer.run((db) => revokeXapiCredentials(db, other.activityId));
    const revoked = await other.call('statements');
    assert.equal(revoked.status, 401);
    assert.match(message(revoked.json), /revoked/);
  });

  it('version header: required, answered with the latest patch, other versions refused', async () => {
    const own = setup();
    const none = await own.call('statements', { version: null });
    assert.equal(none.status, 400);
    assert.match(message(none.json), /X-Experience-API-Version/);
    assert.equal(none.headers.get('x-experience-api-version'), '1.0.3');
    for (const bad of ['0.95', '1.1.0', '3.0.0', 'garbage']) {
      assert.equal((await own.call('statements', { version: bad })).status, 400, bad);
    }
    assert.equal((await own.call('statements', { version: '1.0' })).headers.get('x-experience-api-version'), '1.0.3');
    assert.equal((await own.call('statements', { version: '2.0' })).headers.get('x-experience-api-version'), '2.0.0');
    const about = await request(`${collector.current.url}/xapi/about`);
    assert.equal(about.status, 200);
    assert.deepEqual(about.json, { version: ['1.0.3', '2.0.0'] });
  });

  it('CORS on answers and on preflights without credentials', async () => {
    const own = setup();
    const preflight = await request(`${collector.current.url}/xapi/statements`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Experience-API-Version/);
    const answer = await own.call('statements');
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /X-Experience-API-Consistent-Through/);
  });

  it("a preflight from a page on a public address (Chromium's Private Network Access) is allowed, as on the RAGE routes", async () => {
    const headers = {
      Origin: 'http://games.example.org',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,x-experience-api-version',
      'Access-Control-Request-Private-Network': 'true',
    };
    const xapi = await request(`${collector.current.url}/xapi/statements`, { method: 'OPTIONS', headers });
    assert.equal(xapi.status, 200);
    assert.equal(xapi.headers.get('access-control-allow-private-network'), 'true');
    const rage = await request(`${collector.current.url}/api/proxy/gleaner/collector/track`, { method: 'OPTIONS', headers });
    assert.equal(rage.headers.get('access-control-allow-private-network'), 'true');
    const plain = await request(`${collector.current.url}/xapi/statements`, { method: 'OPTIONS', headers: { Origin: 'http://games.example.org' } });
    assert.equal(plain.headers.get('access-control-allow-private-network'), null, 'only when the browser asks');
  });

  it('an invalid statement rejects the whole batch, naming its index and path', async () => {
    const own = setup();
    const before = (await own.call('statements')).json as { statements: unknown[] };
    const bad = await own.call('statements', {
      method: 'POST',
      body: JSON.stringify([statement(), statement(), statement({ actor: { mbox: 'ana@example.com' } })]),
    });
    assert.equal(bad.status, 400);
    assert.equal(message(bad.json), 'Statement 2 is invalid: /actor/mbox must be a mailto IRI');
    const after = (await own.call('statements')).json as { statements: unknown[] };
    assert.equal(after.statements.length, before.statements.length, 'nothing stored');
  });

  it('duplicate ids in one request, query parameters on POST, JSON under another type: 400', async () => {
    const own = setup();
    const id = randomUUID();
    const dup = await own.call('statements', { method: 'POST', body: JSON.stringify([statement({ id }), statement({ id })]) });
    assert.equal(dup.status, 400);
    assert.match(message(dup.json), /same id/);
    assert.equal((await own.call('statements?foo=1', { method: 'POST', body: JSON.stringify(statement()) })).status, 400);
    const text = await own.call('statements', {
      method: 'POST',
      body: JSON.stringify(statement()),
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(text.status, 400);
    const charset = await own.call('statements', {
      method: 'POST',
      body: JSON.stringify(statement()),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    assert.equal(charset.status, 200);
    assert.equal((await own.call('statements', { method: 'POST', body: '{"actor":' })).status, 400);
  });

  it('PUT: 204, id checks, array refused', async () => {
    const own = setup();
    const id = randomUUID();
    const put = await own.call(`statements?statementId=${id}`, { method: 'PUT', body: JSON.stringify(statement()) });
    assert.equal(put.status, 204);
    assert.equal(put.text, '');
    assert.equal(((await own.call(`statements?statementId=${id}`)).json as Json).id, id);
    const mismatch = await own.call(`statements?statementId=${randomUUID()}`, { method: 'PUT', body: JSON.stringify(statement({ id })) });
    assert.equal(mismatch.status, 400);
    assert.equal((await own.call('statements', { method: 'PUT', body: JSON.stringify(statement()) })).status, 400);
    assert.equal((await own.call(`statements?statementId=${randomUUID()}`, { method: 'PUT', body: JSON.stringify([statement()]) })).status, 400);
  });

  it('GET parameter rules: unknown or wrong-case parameters, bad values, single with filters: 400', async () => {
    const own = setup();
    for (const query of [
      'Verb=http://example.com/v',
      'unknown=1',
      'limit=-1',
      'limit=abc',
      'ascending=yes',
      'format=full',
      'since=yesterday',
      'agent={"name":"x"}',
      'agent=notjson',
      `statementId=${randomUUID()}&voidedStatementId=${randomUUID()}`,
      `statementId=${randomUUID()}&verb=http://example.com/v`,
      'statementId=not-a-uuid',
      'more=%%%',
    ]) {
      const answer = await own.call(`statements?${query}`);
      assert.equal(answer.status, 400, query);
      assert.ok(answer.headers.get('x-experience-api-consistent-through'), query);
    }
    const absent = await own.call(`statements?statementId=${randomUUID()}`);
    assert.equal(absent.status, 404);
  });

  it('format=ids reduces agents, activities and verbs; canonical picks one language', async () => {
    const own = setup();
    const id = randomUUID();
    const object = { objectType: 'Activity', id: 'http://example.com/a', definition: { name: { en: 'A', es: 'Á' } } };
    await own.call('statements', {
      method: 'POST',
      body: JSON.stringify(statement({ id, object, verb: { id: 'http://example.com/v', display: { en: 'did', es: 'hizo' } } })),
    });
    const ids = (await own.call(`statements?statementId=${id}&format=ids`)).json as Json;
    assert.deepEqual(ids.actor, { objectType: 'Agent', mbox: 'mailto:ana@example.com' });
    assert.deepEqual(ids.verb, { id: 'http://example.com/v' });
    assert.deepEqual(ids.object, { id: 'http://example.com/a' });
    const canonical = (await own.call(`statements?statementId=${id}&format=canonical`, { headers: { 'Accept-Language': 'es' } })).json as Json;
    assert.deepEqual(canonical.verb, { id: 'http://example.com/v', display: { es: 'hizo' } });
    assert.deepEqual((canonical.object as Json).definition, { name: { es: 'Á' } });
  });

  it('a single context activity is served as an array, and a re-send in either form is equal', async () => {
    const own = setup();
    const id = randomUUID();
    const parent = { id: 'http://example.com/course' };
    const sent = statement({ id, context: { contextActivities: { parent } } });
    assert.equal((await own.call('statements', { method: 'POST', body: JSON.stringify(sent) })).status, 200);
    const got = (await own.call(`statements?statementId=${id}`)).json as { context: { contextActivities: Json } };
    assert.deepEqual(got.context.contextActivities, { parent: [parent] });
    const again = statement({ id, context: { contextActivities: { parent: [parent] } } });
    assert.equal((await own.call('statements', { method: 'POST', body: JSON.stringify(again) })).status, 200);
  });

  it('statements of one activity are not visible with another activity\'s credentials', async () => {
    const own = setup();
    const other = xapiEndpoint(collector.current, 'Other');
    const [id] = (await own.call('statements', { method: 'POST', body: JSON.stringify(statement()) })).json as string[];
    assert.equal((await other.call(`statements?statementId=${id}`)).status, 404);
    assert.equal(((await own.call(`statements?statementId=${id}`)).json as Json).id, id);
  });
});
