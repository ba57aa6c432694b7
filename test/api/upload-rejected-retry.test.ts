import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { startOk, track } from '../support/rage.js';
import { type Json, startScriptedLrs } from '../support/scripted-lrs.js';
import { aulaWithInput } from '../support/serve-process.js';
import { gameStatements, seedClassroom } from './export-support.js';

/** An LRS with a request size limit its administrator can raise (as nginx's client_max_body_size in front of one). */
async function lrsWithSizeLimit(limit: { bytes: number }) {
  const stored = new Map<string, Json>();
  const lrs = await startScriptedLrs((request, send) => {
    if (request.method === 'GET') {
      const found = stored.get(request.url.searchParams.get('statementId') ?? '');
      return found ? send(200, found) : send(404, { message: 'not found' });
    }
    if (request.body.length > limit.bytes) return send(413, { message: 'Request Entity Too Large' });
    const statements = request.statements();
    for (const statement of statements) stored.set(String(statement.id), statement);
    send(
      200,
      statements.map((statement) => statement.id),
    );
  });
  return { ...lrs, stored };
}

test('statements the LRS rejected are sent when the upload runs again after the LRS was fixed', async () => {
  const collector = await startTestCollector();
  const classroom = await seedClassroom(collector);
  // A game that sends a whole level map in one extension: 300 KB in one statement.
  const started = await startOk(collector.url, classroom.maths.trackingCode);
  const [large] = gameStatements(started, 1, { context: { extensions: { 'http://example.com/level-map': 'x'.repeat(300_000) } } });
  assert.equal((await track(collector.url, started.authToken, [large])).status, 200);
  const total = classroom.sent.reduce((sum, n) => sum + n, 0) + 1;
  const dataDir = collector.config.dataDir;
  await collector.close();

  const limit = { bytes: 100_000 };
  const lrs = await lrsWithSizeLimit(limit);
  try {
    const upload = () => aulaWithInput(['upload', '--endpoint', lrs.endpoint, '--username', 'key', '--password-stdin', '--data-dir', dataDir], 'secret\n');
    const first = await upload();
    assert.equal(first.code, 2, first.stderr);
    assert.match(first.stderr, new RegExp(`Sent ${total - 1}, already there 0, conflicts 0, rejected 1\\.`));
    assert.match(first.stderr, /rejected \S+: LRS 413: Request Entity Too Large/);
    assert.equal(lrs.stored.size, total - 1);

    // The LRS's administrator raises the limit; the researcher runs the same command again.
    limit.bytes = 10_000_000;
    const second = await upload();
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, new RegExp(`Sent 1, already there 0, conflicts 0, rejected 0\\.\nFor this LRS: ${total} sent, 0 conflicts, 0 rejected, 0 pending\\.`));
    assert.equal(lrs.stored.size, total);

    const third = await upload();
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stderr, /Sent 0, already there 0, conflicts 0, rejected 0\./);
  } finally {
    await lrs.close();
  }
});
