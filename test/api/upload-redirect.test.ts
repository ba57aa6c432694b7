import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { aulaWithInput } from '../support/serve-process.js';
import { seedClassroom } from './export-support.js';

// Learning Locker's statements service (xapi-statements@5.0.1) with a local redis-server (xapi.md §12.1), behind an
// address that only redirects to it, as an LRS does for a typed http:// it serves on https://.
let lrs: LearningLocker;
let mover: http.Server;
let typed: string;
before(async () => {
  lrs = await startLearningLocker();
  mover = http.createServer((req, res) => {
    res.writeHead(301, { Location: `${lrs.endpoint}${(req.url ?? '').replace(/^\/xAPI/, '')}` });
    res.end();
  });
  await new Promise<void>((resolve) => mover.listen(0, '127.0.0.1', resolve));
  typed = `http://127.0.0.1:${(mover.address() as AddressInfo).port}/xAPI`;
});
after(async () => {
  mover?.close();
  await lrs?.stop();
});

const advice = () => `${typed} redirects to ${lrs.endpoint}: give that address as the endpoint (an upload cannot follow a redirect: the key, the secret and the statements would not go along).`;

test('an endpoint that redirects is refused naming the address to give instead; that address uploads', async () => {
  const collector = await startTestCollector();
  const { sent } = await seedClassroom(collector);
  const dataDir = collector.config.dataDir;
  const total = sent.reduce((sum, n) => sum + n, 0);

  const tested = await postJson(`${collector.url}/admin/api/data/upload/test`, { endpoint: typed, username: 'key', password: 'secret' });
  assert.deepEqual(tested.json, { ok: false, status: 301, message: advice() });

  // The dashboard's upload goes straight to the statements: refused there with the same advice, nothing sent.
  const started = await postJson(`${collector.url}/admin/api/data/upload`, { endpoint: typed, username: 'key', password: 'secret' });
  assert.equal(started.status, 202, started.text);
  let job: { state: string; error: string | null; summary: unknown } | undefined;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = ((await request(`${collector.url}/admin/api/data/upload/status`)).json as { job: typeof job }).job;
  } while (job?.state === 'running');
  assert.equal(job?.state, 'failed');
  assert.equal(job?.error, advice());
  await collector.close();

  const refused = await aulaWithInput(['upload', '--endpoint', typed, '--username', 'key', '--password-stdin', '--data-dir', dataDir], 'secret\n');
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, `aula: Nothing sent. ${advice()}\n`);

  const given = await aulaWithInput(['upload', '--endpoint', lrs.endpoint, '--username', 'key', '--password-stdin', '--data-dir', dataDir], 'secret\n');
  assert.equal(given.code, 0, given.stderr);
  assert.match(given.stderr, new RegExp(`Sent ${total}, already there 0, conflicts 0, rejected 0\\.`));
});
