import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
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
