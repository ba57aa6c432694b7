import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { normalizeSettingsFor } from '../../server/export/export-options.js';
import type { Collector } from '../../server/index.js';
import { uploadStatements } from '../../server/upload/uploader.js';
import { startTestCollector } from '../support/collector.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { type Classroom, seedClassroom } from './export-support.js';

// Learning Locker's statements service (xapi-statements@5.0.1) with a local redis-server: xapi.md §12.1.
let lrs: LearningLocker;
let collector: Collector;
let classroom: Classroom;
let endpoint: string;
let total: number;
before(async () => {
  lrs = await startLearningLocker();
  endpoint = lrs.endpoint;
  collector = await startTestCollector();
  classroom = await seedClassroom(collector);
  total = classroom.sent.reduce((sum, n) => sum + n, 0);
});
after(async () => {
  await collector?.close();
  await lrs?.stop();
});

function upload(options: { batchSize?: number; stopAfter?: number } = {}) {
  const db = collector.context.db;
  let calls = 0;
  return uploadStatements(db, {
    target: { endpoint, username: 'key', password: 'secret' },
    filters: {},
    batchSize: options.batchSize ?? 100,
    settings: normalizeSettingsFor(db, collector.context.homePage, { actors: 'per-player', pseudonymize: false }, undefined),
    write: (job) => {
      // A crash in the middle: the process dies right after a state write, before the next batch.
      if (options.stopAfter !== undefined && ++calls > options.stopAfter) return Promise.reject(new Error('crashed'));
      return collector.context.writer.run(job);
    },
    retryDelays: [10],
  });
}

async function upstream(): Promise<Array<Record<string, unknown>>> {
  const answer = await fetch(`${endpoint}/statements?limit=1000`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` },
  });
  assert.equal(answer.status, 200);
  return ((await answer.json()) as { statements: Array<Record<string, unknown>> }).statements;
}

test('upload into Learning Locker: interrupted, resumed, every statement once with per-player actors and IRI keys', async () => {
  await assert.rejects(upload({ batchSize: 5, stopAfter: 3 }), /crashed/);
  const partial = await upstream();
  assert.ok(partial.length > 0 && partial.length < total, `partial upload: ${partial.length}`);
  const resumed = await upload({ batchSize: 5 });
  assert.equal(resumed.rejected + resumed.conflicts, 0);
  assert.equal(resumed.totals.sent, total);
  const statements = await upstream();
  assert.equal(statements.length, total);
  assert.equal(new Set(statements.map((s) => s.id)).size, total);
  const stored = (collector.context.db.prepare('SELECT id FROM statements').all() as Array<{ id: string }>).map((r) => r.id);
  assert.deepEqual(new Set(statements.map((s) => s.id)), new Set(stored));
  const actors = new Set(statements.map((s) => (s.actor as { account: { name: string } }).account.name));
  assert.deepEqual(actors, new Set(classroom.starts.map((start) => start.playerId)));
  for (const statement of statements) {
    const extensions = Object.keys(((statement.result as Record<string, unknown>).extensions ?? {}) as object);
    assert.ok(extensions.every((key) => /^https?:\/\//.test(key)), extensions.join());
  }
  const again = await upload();
  assert.equal(again.sent + again.alreadyThere + again.conflicts + again.rejected, 0, 'a second run sends nothing');
  assert.equal((await upstream()).length, total);
});
