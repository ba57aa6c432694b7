import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { newRowId } from '../../server/util/random-ids.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { aulaWithInput } from '../support/serve-process.js';
import { seedClassroom } from './export-support.js';

// A researcher pastes the endpoint as the LRS's admin page shows it, key and secret inside: https://KEY:SECRET@host/xAPI.
const KEY = 'lrs-key';
const SECRET = 'Zq9-s3cr3t';

/**
 * Learning Locker's statements service (xapi-statements@5.0.1) behind a front that notes the Basic credentials of
 * each request: the service itself accepts any (AUTH_REPO=test).
 */
let lrs: LearningLocker;
let front: http.Server;
let endpoint: string;
const credentialsSeen = new Set<string>();
before(async () => {
  lrs = await startLearningLocker();
  const upstream = new URL(lrs.endpoint);
  front = http.createServer((req, res) => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (basic) credentialsSeen.add(Buffer.from(basic, 'base64').toString('utf8'));
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(front.address() as AddressInfo).port}/xAPI`;
});
after(async () => {
  front?.close();
  await lrs?.stop();
});

const withCredentials = (url: string) => url.replace('http://', `http://${KEY}:${SECRET}@`);
const statementsAt = async (ids: Set<string>) => {
  const answer = await fetch(`${lrs.endpoint}/statements?limit=1000`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}` },
  });
  const { statements } = (await answer.json()) as { statements: Array<{ id: string }> };
  return statements.filter((statement) => ids.has(statement.id)).length;
};

async function closedClassroom() {
  const collector = await startTestCollector();
  const classroom = await seedClassroom(collector);
  const dataDir = collector.config.dataDir;
  const ids = new Set((collector.context.db.prepare('SELECT id FROM statements').all() as Array<{ id: string }>).map((row) => row.id));
  await collector.close();
  return { dataDir, ids, total: classroom.sent.reduce((sum, n) => sum + n, 0) };
}

test('aula upload with KEY:SECRET@ in the endpoint uses them as key and secret, and neither stores nor shows the secret', async () => {
  const { dataDir, ids, total } = await closedClassroom();
  credentialsSeen.clear();
  const run = await aulaWithInput(['upload', '--endpoint', withCredentials(endpoint), '--data-dir', dataDir]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`Sent ${total}, already there 0, conflicts 0, rejected 0\\.`));
  assert.ok(!run.stderr.includes(SECRET) && !run.stdout.includes(SECRET), run.stderr);
  assert.deepEqual([...credentialsSeen], [`${KEY}:${SECRET}`], 'the LRS got them as Basic credentials');
  assert.equal(await statementsAt(ids), total);

  // The Data screen lists the target as the endpoint without the secret; the database holds it nowhere.
  const collector = await startTestCollector({ dataDir });
  const { targets } = (await request(`${collector.url}/admin/api/data/upload/targets`)).json as { targets: Array<{ endpoint: string; username: string }> };
  assert.deepEqual(
    targets.map((target) => [target.endpoint, target.username]),
    [[endpoint, KEY]],
  );
  const stored = collector.context.db.prepare("SELECT count(*) AS n FROM upload_targets WHERE endpoint LIKE '%' || ? || '%'").get(SECRET) as {
    n: number;
  };
  assert.equal(stored.n, 0);
  await collector.close();

  // The documented flags name the same target: nothing is sent again.
  const again = await aulaWithInput(['upload', '--endpoint', endpoint, '--username', KEY, '--password-stdin', '--data-dir', dataDir], `${SECRET}\n`);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, new RegExp(`Sent 0, already there 0, conflicts 0, rejected 0\\.\nFor this LRS: ${total} sent`));

  // Typed again in other letter case (the LRS answers /xapi as /xAPI): the same LRS, nothing sent twice.
  const lowerCase = await aulaWithInput(['upload', '--endpoint', endpoint.replace('/xAPI', '/xapi'), '--username', KEY, '--password-stdin', '--data-dir', dataDir], `${SECRET}\n`);
  assert.equal(lowerCase.code, 0, lowerCase.stderr);
  assert.match(lowerCase.stderr, new RegExp(`Sent 0, already there 0, conflicts 0, rejected 0\\.\nFor this LRS: ${total} sent`));
});

test('a key or secret in the endpoint that differs from --username / --password is refused, saying how to give them; nothing is stored', async () => {
  const { dataDir } = await closedClassroom();
  const otherKey = await aulaWithInput(['upload', '--endpoint', withCredentials(endpoint), '--username', 'another', '--data-dir', dataDir]);
  assert.equal(otherKey.code, 1);
  assert.equal(otherKey.stderr, 'aula: The key in the endpoint URL differs from --username KEY: give it once, with --username KEY.\n');
  const otherSecret = await aulaWithInput(['upload', '--endpoint', withCredentials(endpoint), '--password', 'other', '--data-dir', dataDir]);
  assert.equal(otherSecret.code, 1);
  assert.match(otherSecret.stderr, /^aula: The secret in the endpoint URL differs from --password SECRET \(or --password-stdin\)/);
  assert.ok(!otherSecret.stderr.includes(SECRET));
  const noKey = await aulaWithInput(['upload', '--endpoint', endpoint, '--password', SECRET, '--data-dir', dataDir]);
  assert.equal(noKey.code, 1);
  assert.equal(noKey.stderr, 'aula: The LRS key is needed: --username KEY.\n');
  const collector = await startTestCollector({ dataDir });
  assert.deepEqual((await request(`${collector.url}/admin/api/data/upload/targets`)).json, { targets: [] });
  await collector.close();
});

test('Data → Upload and Test connection take KEY:SECRET@ out of the endpoint; a secret an older Aula stored in one is forgotten at start', async () => {
  const { dataDir, ids, total } = await closedClassroom();
  const collector = await startTestCollector({ dataDir });
  const api = `${collector.url}/admin/api/data`;
  const tested = await postJson(`${api}/upload/test`, { endpoint: withCredentials(endpoint) });
  assert.deepEqual(tested.json, { ok: true, status: 200, message: 'Connected (xAPI 1.0.3).' });

  credentialsSeen.clear();
  const started = await postJson(`${api}/upload`, { endpoint: withCredentials(endpoint), username: '', password: '' });
  assert.equal(started.status, 202, started.text);
  assert.ok(!started.text.includes(SECRET), started.text);
  let job: { state: string; endpoint: string; summary: { sent: number } | null; error: string | null } | undefined;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = ((await request(`${api}/upload/status`)).json as { job: typeof job }).job;
  } while (job?.state === 'running');
  assert.equal(job?.state, 'done', job?.error ?? undefined);
  assert.equal(job?.endpoint, endpoint);
  assert.equal(job?.summary?.sent, total);
  assert.deepEqual([...credentialsSeen], [`${KEY}:${SECRET}`]);
  assert.equal(await statementsAt(ids), total);

  const conflicting = await postJson(`${api}/upload`, { endpoint: withCredentials(endpoint), username: 'another', password: SECRET });
  assert.equal(conflicting.status, 400);
  assert.deepEqual(conflicting.json, {
    error: { reason: 'invalid-request', message: 'The key in the endpoint URL differs from the Key field: give it once, with the Key field.' },
  });

  // What an Aula before this change stored when the endpoint was typed with the key and secret in it.
  const legacy = `http://${KEY}:${SECRET}@127.0.0.1:9/xAPI`;
  collector.context.db
    .prepare('INSERT INTO upload_targets (id, endpoint, username, created) VALUES (?, ?, ?, ?)')
    .run(newRowId(), legacy, KEY, new Date().toISOString());
  await collector.close();
  const restarted = await startTestCollector({ dataDir });
  const listed = (await request(`${restarted.url}/admin/api/data/upload/targets`)).text;
  assert.ok(!listed.includes(SECRET), listed);
  assert.match(listed, /"endpoint":"http:\/\/127\.0\.0\.1:9\/xAPI"/);
  // Forgotten by a write at start-up, so it is gone from the database as well.
  await restarted.context.writer.run(() => {});
  const kept = restarted.context.db.prepare('SELECT endpoint FROM upload_targets').all() as Array<{ endpoint: string }>;
  assert.deepEqual(new Set(kept.map((row) => row.endpoint)), new Set(['http://127.0.0.1:9/xAPI', endpoint]));
  await restarted.close();
});
