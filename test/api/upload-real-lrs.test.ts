import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { normalizeSettingsFor } from '../../server/export/export-options.js';
import type { Collector } from '../../server/index.js';
import { pseudonym, readPseudonymSalt } from '../../server/normalize/pseudonym.js';
import { openDatabase } from '../../server/store/open-database.js';
import { uploadStatements } from '../../server/upload/uploader.js';
import { startTestCollector } from '../support/collector.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { type Classroom, seedClassroom } from './export-support.js';

const AULA = path.resolve(import.meta.dirname, '../../bin/aula.js');
const execFileAsync = promisify(execFile);

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

test('a pseudonymised upload (dashboard, then aula upload --pseudonymize): account names are the stable salted hashes, never the playerIds', async () => {
  const second = await startTestCollector();
  const lesson = await seedClassroom(second);
  const count = lesson.sent.reduce((sum, n) => sum + n, 0);
  const started = await fetch(`${second.url}/admin/api/data/upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ endpoint, username: 'key-2', password: 'secret', pseudonymize: true }),
  });
  assert.equal(started.status, 202, await started.text());
  let job: { state: string; summary: { sent: number; conflicts: number } | null; error: string | null } | undefined;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = ((await (await fetch(`${second.url}/admin/api/data/upload/status`)).json()) as { job: typeof job }).job;
  } while (job?.state === 'running');
  assert.equal(job?.state, 'done', job?.error ?? undefined);
  assert.equal(job?.summary?.sent, count);

  const ids = new Set((second.context.db.prepare('SELECT id FROM statements').all() as Array<{ id: string }>).map((row) => row.id));
  const mine = (await upstream()).filter((statement) => ids.has(statement.id as string));
  assert.equal(mine.length, count);
  const salt = readPseudonymSalt(second.context.db);
  assert.ok(salt, 'the salt was created and stays in the data folder');
  const expected = new Set(lesson.starts.map((start) => pseudonym(salt, start.playerId)));
  const names = new Set(mine.map((statement) => (statement.actor as { account: { name: string } }).account.name));
  assert.deepEqual(names, expected);
  for (const start of lesson.starts) assert.ok(!names.has(start.playerId));
  await second.close();

  // The CLI, on another laptop's data folder (closed): its own salt, the same rule.
  const third = await startTestCollector();
  const other = await seedClassroom(third);
  const otherCount = other.sent.reduce((sum, n) => sum + n, 0);
  const dataDir = third.config.dataDir;
  await third.close();
  const cli = await execFileAsync(process.execPath, [AULA, 'upload', '--endpoint', endpoint, '--username', 'key-3', '--password', 'secret', '--pseudonymize', '--data-dir', dataDir]);
  assert.match(cli.stderr, new RegExp(`Sent ${otherCount}, already there 0, conflicts 0, rejected 0\\.`));
  const db = openDatabase(dataDir, { readonly: true });
  const otherSalt = readPseudonymSalt(db);
  const otherIds = new Set((db.prepare('SELECT id FROM statements').all() as Array<{ id: string }>).map((row) => row.id));
  db.close();
  assert.ok(otherSalt && otherSalt !== salt, 'each installation has its own salt');
  const uploaded = (await upstream()).filter((statement) => otherIds.has(statement.id as string));
  assert.equal(uploaded.length, otherCount);
  assert.deepEqual(
    new Set(uploaded.map((statement) => (statement.actor as { account: { name: string } }).account.name)),
    new Set(other.starts.map((start) => pseudonym(otherSalt, start.playerId))),
  );
});
