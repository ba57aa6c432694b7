import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { RawConnection, requestHead } from '../support/raw-http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

test('xAPI batches beyond the writer queue limit get 503 with Retry-After, and nothing of a refused batch is kept', async () => {
  const small = await startTestCollector({ config: { ingestQueueLimit: 5 } });
  const xapi = xapiEndpoint(small, 'tiny queue');
  const body = (batch: number) =>
    JSON.stringify(Array.from({ length: 4 }, (_, index) => statement({ object: { objectType: 'Activity', id: `http://example.com/b${batch}/i${index}` } })));
  const answers = await Promise.all(Array.from({ length: 20 }, (_, batch) => xapi.call('statements', { method: 'POST', body: body(batch) })));
  const ok = answers.filter((answer) => answer.status === 200);
  const busy = answers.filter((answer) => answer.status === 503);
  assert.equal(ok.length + busy.length, 20);
  assert.ok(busy.length > 0, 'some batches should have been refused');
  for (const answer of busy) {
    assert.equal(answer.headers.get('retry-after'), '1');
    assert.deepEqual(JSON.parse(answer.text), { message: 'The collector is busy, retry shortly' });
  }
  const acknowledged = ok.flatMap((answer) => JSON.parse(answer.text) as string[]);
  const stored = small.context.db.prepare('SELECT id FROM statements ORDER BY seq').all() as Array<{ id: string }>;
  assert.deepEqual(stored.map((row) => row.id).sort(), acknowledged.sort());
});

test('an xAPI body over the in-flight budget gets 503 + Retry-After before it arrives, and the connection carries on', { timeout: 20_000 }, async () => {
  const small = await startTestCollector({ config: { inflightBodyBytes: 100_000 } });
  const xapi = xapiEndpoint(small, 'tiny budget');
  const port = Number(new URL(small.url).port);
  const batchOf = (tag: string, bytes: number) => {
    const statements: string[] = [];
    while (statements.join(',').length < bytes) {
      statements.push(JSON.stringify(statement({ object: { objectType: 'Activity', id: `http://example.com/${tag}/${statements.length}` } })));
    }
    return { body: `[${statements.join(',')}]`, count: statements.length };
  };
  const head = (body: string) =>
    requestHead('POST', '/xapi/statements', [
      ['Host', 'aula.test'],
      ['Authorization', xapi.auth],
      ['X-Experience-API-Version', '1.0.3'],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(Buffer.byteLength(body))],
    ]);
  const held = batchOf('held', 98_500);
  const refused = batchOf('refused', 80_000);
  const a = await RawConnection.open(port);
  const b = await RawConnection.open(port);
  try {
    await a.write(head(held.body) + held.body.slice(0, 1000));
    await b.write(head(refused.body) + refused.body.slice(0, 1000));
    const busy = await b.nextResponse();
    assert.equal(busy.status, 503);
    assert.equal(busy.headers['retry-after'], '1');
    assert.equal(busy.headers['x-experience-api-version'], '1.0.3');
    assert.deepEqual(JSON.parse(busy.body), { message: 'The collector is busy, retry shortly' });
    await b.write(refused.body.slice(1000));
    await a.write(held.body.slice(1000));
    const stored = await a.nextResponse();
    assert.equal(stored.status, 200, stored.body);
    assert.equal((JSON.parse(stored.body) as string[]).length, held.count);
    // Once the budget is free again, the refused batch goes through on the same connection.
    await b.write(head(refused.body) + refused.body);
    const retried = await b.nextResponse();
    assert.equal(retried.status, 200, retried.body);
  } finally {
    a.close();
    b.close();
  }
  const count = (tag: string) =>
    (small.context.db.prepare('SELECT count(*) AS n FROM statements WHERE object_id LIKE ?').get(`http://example.com/${tag}/%`) as { n: number }).n;
  assert.equal(count('held'), held.count);
  assert.equal(count('refused'), refused.count, 'stored once, by the retry');
  await small.close();
});
