import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
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

  it('the Alternate Request Syntax of 1.0.3 (TinCanJS for URLs of 2,048 characters and more): GET, PUT and POST in a form', async () => {
    const own = setup();
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    // As TinCanJS sends it: the headers in the form as well, the request's own Content-Type the form's.
    const alternate = (method: string, fields: Record<string, string>, version = '1.0.3') =>
      request(`${collector.current.url}/xapi/statements?method=${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ Authorization: own.auth, 'X-Experience-API-Version': version, ...fields }),
      });
    const id = randomUUID();
    const put = await alternate('PUT', { statementId: id, 'Content-Type': 'application/json', content: JSON.stringify(statement()) });
    assert.equal(put.status, 204, put.text);
    assert.equal(put.headers.get('x-experience-api-version'), '1.0.3');
    assert.equal(((await own.call(`statements?statementId=${id}`)).json as Json).id, id);
    const got = await alternate('GET', { statementId: id });
    assert.equal(got.status, 200, got.text);
    assert.equal((got.json as Json).id, id);
    const agent = JSON.stringify({ mbox: 'mailto:ana@example.com' });
    const page = await alternate('GET', { agent, limit: '1' });
    assert.equal(page.status, 200, page.text);
    assert.equal((page.json as { statements: unknown[] }).statements.length, 1);
    const posted = await alternate('POST', { content: JSON.stringify([statement(), statement()]) });
    assert.equal(posted.status, 200, posted.text);
    assert.equal((posted.json as string[]).length, 2);

    // Refused, and nothing stored: xAPI 2.0 forbids the syntax; parameters outside the form; no content; a bad version.
    const before = ((await own.call('statements')).json as { statements: unknown[] }).statements.length;
    const refused = [
      await alternate('PUT', { statementId: randomUUID(), content: JSON.stringify(statement()) }, '2.0.0'),
      await request(`${collector.current.url}/xapi/statements?method=PUT&statementId=${randomUUID()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ Authorization: own.auth, 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(statement()) }),
      }),
      await alternate('PUT', { statementId: randomUUID() }),
      await alternate('PUT', { statementId: randomUUID(), content: JSON.stringify(statement()) }, '0.8'),
      await alternate('DELETE', { statementId: randomUUID() }),
    ];
    assert.deepEqual(
      refused.map((answer) => answer.status),
      [400, 400, 400, 400, 400],
    );
    for (const answer of refused) assert.ok(answer.headers.get('x-experience-api-consistent-through'), answer.text);
    const [underTwo] = refused;
    assert.ok(underTwo);
    assert.match((underTwo.json as Json).message as string, /2\.0/);
    assert.equal(underTwo.headers.get('x-experience-api-version'), '2.0.0');
    assert.equal(((await own.call('statements')).json as { statements: unknown[] }).statements.length, before);
    const unauthenticated = await request(`${collector.current.url}/xapi/statements?method=GET`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form({ 'X-Experience-API-Version': '1.0.3' }),
    });
    assert.equal(unauthenticated.status, 401);
  });

  it('Consistent-Through never promises a statement still being written: a client syncing with since misses none', async () => {
    const own = setup();
    // Large enough that the writer thread is still on it while the reads below are answered.
    const posting = own.call('statements', { method: 'POST', body: JSON.stringify(Array.from({ length: 3000 }, () => statement())) });
    let posted = false;
    posting.finally(() => {
      posted = true;
    });
    const reads: Array<{ through: string; newest: string | undefined }> = [];
    while (!posted) {
      const answer = await own.call('statements?limit=1');
      const through = answer.headers.get('x-experience-api-consistent-through');
      assert.ok(through);
      reads.push({ through, newest: ((answer.json as { statements: Json[] }).statements[0]?.id as string | undefined) ?? undefined });
    }
    const ids = (await posting).json as string[];
    assert.equal(ids.length, 3000);
    const batch = new Set(ids);
    assert.ok(
      reads.some((read) => read.newest !== undefined && !batch.has(read.newest)),
      'some reads were answered while the batch was being written',
    );
    // Every statement, newest first, with its stored time.
    const all: Json[] = [];
    let next = 'statements';
    while (next !== '') {
      const page = (await own.call(next)).json as { statements: Json[]; more: string };
      all.push(...page.statements);
      next = page.more.replace(/^\/xapi\//, '');
    }
    for (const read of reads) {
      // What the read did not see: everything newer than the newest statement it returned.
      const seen = all.findIndex((s) => s.id === read.newest);
      const unseen = all.slice(0, seen < 0 ? all.length : seen);
      const promised = unseen.filter((s) => (s.stored as string) < read.through);
      assert.deepEqual(promised.length, 0, `Consistent-Through ${read.through}, yet ${promised.length} statements stored before it were not retrievable`);
    }
  });

  it('multipart/mixed with the statements as its only part is stored (attachments with a fileUrl); a part whose data is not what its hash says is refused whole', async () => {
    const own = setup();
    const boundary = '-------314159265358979323846';
    const multipart = (parts: Array<{ headers: string; body: string }>) =>
      `${parts.map((part) => `--${boundary}\r\n${part.headers}\r\n\r\n${part.body}\r\n`).join('')}--${boundary}--\r\n`;
    const attachment = { usageType: 'http://example.com/usage', display: { en: 'a' }, contentType: 'text/plain', length: 2, sha2: 'a'.repeat(64) };
    const withUrl = statement({ attachments: [{ ...attachment, fileUrl: 'http://example.com/a.txt' }] });
    const headers = { 'Content-Type': `multipart/mixed; boundary=${boundary}` };
    const posted = await own.call('statements', { method: 'POST', headers, body: multipart([{ headers: 'Content-Type: application/json', body: JSON.stringify(withUrl) }]) });
    assert.equal(posted.status, 200, posted.text);
    const [id] = posted.json as string[];
    assert.deepEqual(((await own.call(`statements?statementId=${id}`)).json as Json).attachments, withUrl.attachments);
    const putId = randomUUID();
    const put = await own.call(`statements?statementId=${putId}`, { method: 'PUT', headers, body: multipart([{ headers: 'Content-Type: application/json', body: JSON.stringify(statement()) }]) });
    assert.equal(put.status, 204, put.text);

    const before = ((await own.call('statements')).json as { statements: unknown[] }).statements.length;
    const withData = await own.call('statements', {
      method: 'POST',
      headers,
      body: multipart([
        { headers: 'Content-Type: application/json', body: JSON.stringify(statement({ attachments: [attachment] })) },
        { headers: `Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${attachment.sha2}`, body: 'hi' },
      ]),
    });
    // Attachment data is stored once per sha2 (xapi-attachments.test.ts): data that is not what its sha2 names never is.
    assert.equal(withData.status, 400);
    assert.match((withData.json as Json).message as string, /does not have the hash a{64} it names/);
    const notJsonFirst = await own.call('statements', { method: 'POST', headers, body: multipart([{ headers: 'Content-Type: text/plain', body: JSON.stringify(statement()) }]) });
    assert.equal(notJsonFirst.status, 400);
    const noBoundary = await own.call('statements', { method: 'POST', headers: { 'Content-Type': 'multipart/mixed' }, body: JSON.stringify(statement()) });
    assert.equal(noBoundary.status, 400);
    assert.equal(((await own.call('statements')).json as { statements: unknown[] }).statements.length, before, 'nothing stored');
  });
});
