import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { normalizeSettingsFor } from '../../server/export/export-options.js';
import type { Collector } from '../../server/index.js';
import { uploadStatements } from '../../server/upload/uploader.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { type Classroom, seedClassroom } from './export-support.js';

// Learning Locker's statements service (xapi-statements@5.0.1) with a local redis-server: xapi.md §12.1.
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const answer = await fetch(url, { headers: { 'X-Experience-API-Version': '1.0.3' } });
      if (answer.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

const children: ChildProcess[] = [];
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: 'ignore' });
  children.push(child);
  return child;
}

let collector: Collector;
let classroom: Classroom;
let endpoint: string;
let total: number;
before(async () => {
  const redisPort = await freePort();
  run('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no']);
  const lrsPort = await freePort();
  const cwd = tempDir('aula-lrs-');
  run(process.execPath, [path.resolve('node_modules/xapi-statements/dist/server.js')], {
    MODELS_REPO: 'memory',
    STORAGE_REPO: 'memory',
    AUTH_REPO: 'test',
    EXPRESS_PORT: String(lrsPort),
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    EXPRESS_MORGAN_DIRECTORY: cwd,
  }, cwd);
  endpoint = `http://127.0.0.1:${lrsPort}/xAPI`;
  await waitFor(`${endpoint}/about`);
  collector = await startTestCollector();
  classroom = await seedClassroom(collector);
  total = classroom.sent.reduce((sum, n) => sum + n, 0);
});
after(async () => {
  await collector?.close();
  for (const child of children) child.kill('SIGKILL');
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
