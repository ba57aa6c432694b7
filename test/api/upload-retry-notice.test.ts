import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { type Json, startScriptedLrs } from '../support/scripted-lrs.js';
import { aulaWithInput } from '../support/serve-process.js';
import { seedClassroom } from './export-support.js';

/** An LRS behind a proxy that is overloaded for its first `busy` POSTs: 503 with Retry-After: 1, then it stores. */
async function overloadedLrs(busy: number) {
  const stored = new Map<string, Json>();
  let posts = 0;
  const lrs = await startScriptedLrs((request, send) => {
    if (++posts <= busy) return send(503, '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>', { 'Retry-After': '1' });
    const statements = request.statements();
    for (const statement of statements) stored.set(String(statement.id), statement);
    send(
      200,
      statements.map((statement) => statement.id),
    );
  });
  return { ...lrs, stored };
}

test('aula upload says when the LRS is busy and when it tries again, instead of sitting silent through the waits', async () => {
  const collector = await startTestCollector();
  const classroom = await seedClassroom(collector);
  const total = classroom.sent.reduce((sum, n) => sum + n, 0);
  const dataDir = collector.config.dataDir;
  await collector.close();
  const lrs = await overloadedLrs(2);
  try {
    const run = await aulaWithInput(['upload', '--endpoint', lrs.endpoint, '--username', 'key', '--password-stdin', '--data-dir', dataDir], 'secret\n');
    assert.equal(run.code, 0, run.stderr);
    const notes = run.stderr.split('\n').filter((line) => line.startsWith('aula: '));
    assert.deepEqual(notes, [
      'aula: the LRS answered 503; trying again in 1 s (attempt 2 of 7). Ctrl+C stops; running the upload again resumes.',
      'aula: the LRS answered 503; trying again in 1 s (attempt 3 of 7). Ctrl+C stops; running the upload again resumes.',
    ]);
    assert.match(run.stderr, new RegExp(`Sent ${total}, already there 0, conflicts 0, rejected 0\\.`));
    assert.equal(lrs.stored.size, total);
  } finally {
    await lrs.close();
  }
});
