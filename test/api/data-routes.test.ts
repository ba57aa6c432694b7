import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { ImportReport } from '../../server/import/import-report.js';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { aulaWithInput, startAula } from '../support/serve-process.js';
import { type Classroom, seedClassroom } from './export-support.js';
import { requestFrom } from './teacher-support.js';

type Json = Record<string, unknown>;
let laptop: Collector;
let other: Collector;
let classroom: Classroom;
let total: number;

before(async () => {
  laptop = await startTestCollector({ config: { host: '0.0.0.0', mdns: false } });
  classroom = await seedClassroom(laptop);
  total = classroom.sent.reduce((sum, n) => sum + n, 0);
  other = await startTestCollector();
  await seedClassroom(other);
});
after(async () => {
  await laptop.close();
  await other.close();
});

const api = (collector: Collector, path: string) => `${collector.url}/admin/api/data${path}`;
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

async function download(collector: Collector, query: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(api(collector, `/export?${query}`));
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function importZip(body: Buffer, type = 'application/zip') {
  return request(api(laptop, '/import'), { method: 'POST', headers: { 'Content-Type': type }, body: new Uint8Array(body) });
}

/**
 * A small LRS: stores what it accepts, answers re-sent ids with 409 for the whole batch. `posted` counts every
 * statement id POSTed; with `holdFirstPost` the first POST waits for `release()`, so an upload stays in the middle of
 * its first batch for as long as a test needs (`firstPost` says when it is there).
 */
function scriptedLrs(options: { holdFirstPost?: boolean } = {}) {
  const stored = new Map<string, Json>();
  const posted: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived = () => {};
  const firstPost = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://lrs');
      const send = (status: number, value?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
        res.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (req.headers['x-experience-api-version'] === undefined) return send(400, { message: 'version header missing' });
      if (url.pathname === '/xapi/about') return send(200, { version: ['1.0.3'] });
      if (req.method === 'GET') {
        const found = stored.get(url.searchParams.get('statementId') ?? '');
        return found ? send(200, found) : send(404, { message: 'not found' });
      }
      const statements = JSON.parse(body) as Json[];
      const first = posted.length === 0;
      posted.push(...statements.map((s) => String(s.id)));
      if (first) {
        arrived();
        if (options.holdFirstPost) await released;
      }
      if (statements.some((s) => stored.has(String(s.id)))) return send(409, { message: 'Conflict' });
      for (const s of statements) stored.set(String(s.id), s);
      send(
        200,
        statements.map((s) => s.id),
      );
    });
  });
  return { server, stored, posted, firstPost, release };
}

describe('export downloads', () => {
  test('ndjson: every statement, as a file, with its count and the progress of the download', async () => {
    const answer = await download(laptop, 'format=ndjson&progress=first-download');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-disposition') ?? '', /^attachment; filename="aula-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    assert.equal(answer.headers.get('x-aula-statements'), String(total));
    const statements = lines(answer.body.toString('utf8')).map((line) => JSON.parse(line) as Json);
    const ids = (laptop.context.db.prepare('SELECT id FROM statements ORDER BY seq').all() as Array<{ id: string }>).map((row) => row.id);
    assert.deepEqual(
      statements.map((s) => s.id),
      ids,
    );
    const progress = await request(api(laptop, '/export/progress/first-download'));
    assert.deepEqual(progress.json, { done: total, total, finished: true, failed: false });
  });

  test('zip: the progress of the download counts statements too, and ends at all of them', async () => {
    const answer = await download(laptop, 'format=zip&progress=zip-download');
    assert.equal(answer.status, 200);
    const progress = await request(api(laptop, '/export/progress/zip-download'));
    assert.deepEqual(progress.json, { done: total, total, finished: true, failed: false });
  });

  test('filters and options as in the CLI: one activity as CSV, counted first; unknown names and formats refused', async () => {
    const code = classroom.maths.trackingCode;
    const count = await request(api(laptop, `/export/count?activity=${code}`));
    assert.deepEqual(count.json, { statements: 12 });
    const csv = await download(laptop, `format=csv&activity=${code}&actors=as-sent`);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const rows = parse(csv.body.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, 12);
    assert.ok(rows.every((row) => row.activity_code === code));
    assert.ok(rows.some((row) => row.response?.startsWith("'=HYPERLINK")), 'formula cells are escaped');
    const unknown = await request(api(laptop, '/export/count?activity=nope'));
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.json, { error: { reason: 'unknown-filter-value', message: 'No activity with tracking code "nope"' } });
    const badFormat = await request(api(laptop, '/export?format=xlsx'));
    assert.equal(badFormat.status, 400);
    assert.equal((badFormat.json as { error: { reason: string } }).error.reason, 'invalid-export-options');
  });

  const lan = lanAddresses()[0];
  test('other computers without the teacher key are refused', { skip: lan ? false : 'no LAN address to connect from' }, async () => {
    for (const path of ['/export?format=ndjson', '/upload/targets', '/import/status']) {
      const refused = await requestFrom(lan, `http://${lan}:${laptop.port}/admin/api/data${path}`);
      assert.equal(refused.status, 403, path);
      assert.equal((refused.json as { error: { reason: string } }).error.reason, 'loopback-only');
    }
  });
});

describe('import of another laptop’s bundle', () => {
  let bundle: Buffer;

  before(async () => {
    bundle = (await download(other, 'format=zip')).body;
  });

  test('the bundle is merged and reported; the second time nothing changes', async () => {
    const before = laptop.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
    const first = await importZip(bundle);
    assert.equal(first.status, 200, first.text);
    const report = (first.json as { report: ImportReport }).report;
    assert.equal(report.added.statements, total);
    assert.equal(report.added.sessions, 4);
    assert.equal(report.changed, true);
    const afterFirst = laptop.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
    assert.equal(afterFirst.n, before.n + total);
    const { activities } = (await request(`${laptop.url}/admin/api/activities`)).json as { activities: Array<{ statements: number }> };
    assert.equal(
      activities.reduce((sum, a) => sum + a.statements, 0),
      afterFirst.n,
    );
    const again = await importZip(bundle);
    const second = (again.json as { report: ImportReport }).report;
    assert.equal(second.changed, false);
    assert.equal(second.alreadyThere.statements, total);
    assert.equal((laptop.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, afterFirst.n);
    assert.deepEqual((await request(api(laptop, '/import/status'))).json, {
      running: false,
      progress: { phase: 'importing', done: total, total },
    });
  });

  test('a damaged bundle, a non-zip and a JSON body are refused with a reason', async () => {
    const damaged = Buffer.from(bundle);
    // Flip bytes in the middle of the first entry's compressed data: its hash (or inflate) cannot match.
    for (let i = 200; i < 240; i++) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
    const refused = await importZip(damaged);
    assert.equal(refused.status, 422, refused.text);
    assert.match((refused.json as { error: { reason: string } }).error.reason, /^bundle-(tampered|invalid)$|^not-a-bundle$/);
    const notZip = await importZip(Buffer.from('hello'));
    assert.equal(notZip.status, 422);
    assert.equal((notZip.json as { error: { reason: string } }).error.reason, 'not-a-bundle');
    const json = await importZip(Buffer.from('{}'), 'application/json');
    assert.equal(json.status, 415);
  });
});

describe('upload to a central LRS from the dashboard', () => {
  let endpoint: string;
  let lrs: ReturnType<typeof scriptedLrs>;

  before(async () => {
    lrs = scriptedLrs();
    await new Promise<void>((resolve) => lrs.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(lrs.server.address() as AddressInfo).port}/xapi`;
  });
  after(() => lrs.server.close());

  async function finished(): Promise<Json> {
    for (;;) {
      const { job } = (await request(api(laptop, '/upload/status'))).json as { job: Json };
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test('test connection: the LRS answers, a closed port does not', async () => {
    const ok = await postJson(api(laptop, '/upload/test'), { endpoint, username: 'key', password: 'secret' });
    assert.deepEqual(ok.json, { ok: true, status: 200, message: 'Connected (xAPI 1.0.3).' });
    const closed = await postJson(api(laptop, '/upload/test'), { endpoint: 'http://127.0.0.1:9/xapi', username: 'key', password: 'secret' });
    assert.equal((closed.json as { ok: boolean }).ok, false);
    assert.match((closed.json as { message: string }).message, /Cannot reach http:\/\/127\.0\.0\.1:9\/xapi/);
    const invalid = await postJson(api(laptop, '/upload/test'), { endpoint: 'ftp://x', username: '', password: 'p' });
    assert.equal(invalid.status, 400);
  });

  test('an upload runs in the background to its summary; the target lists every statement sent; a re-run sends nothing', async () => {
    const count = (laptop.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
    const started = await postJson(api(laptop, '/upload'), { endpoint, username: 'key', password: 'secret', batch: 7 });
    assert.equal(started.status, 202);
    const job = await finished();
    assert.equal(job.state, 'done', String(job.error));
    assert.deepEqual(job.progress, { done: count, total: count });
    assert.equal((job.summary as { sent: number }).sent, count);
    assert.equal(lrs.stored.size, count);
    const statement = [...lrs.stored.values()][0] as { actor: { account: { name: string } } };
    assert.notEqual(statement.actor.account.name, 'Anonymous');
    const { targets } = (await request(api(laptop, '/upload/targets'))).json as { targets: Array<Json & { counts: Json }> };
    assert.equal(targets.length, 1);
    assert.equal(targets[0]?.endpoint, endpoint);
    assert.deepEqual(targets[0]?.counts, { pending: 0, sent: count, conflict: 0, rejected: 0 });
    assert.equal(targets[0]?.notQueued, 0);
    assert.equal(JSON.stringify(targets).includes('secret'), false, 'the password is never stored or shown');
    await postJson(api(laptop, '/upload'), { endpoint, username: 'key', password: 'secret' });
    const again = await finished();
    assert.deepEqual(
      { sent: (again.summary as Json).sent, alreadyThere: (again.summary as Json).alreadyThere },
      { sent: 0, alreadyThere: 0 },
    );
    assert.equal(lrs.stored.size, count);
  });

  describe('one upload per data folder at a time', () => {
    const statementCount = () => (laptop.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
    const cliUpload = (lrsEndpoint: string) => [
      'upload',
      '--endpoint',
      lrsEndpoint,
      '--username',
      'key',
      '--password',
      'secret',
      '--batch',
      '5',
      '--data-dir',
      laptop.config.dataDir,
    ];
    const refusedAtOnce = /^aula: Nothing sent\. Another upload from this data folder is running \(aula upload, or Data → Upload in the dashboard\)\. Wait for its summary, then run it again: it sends what is still pending\.\n$/;

    async function gatedLrs() {
      const gated = scriptedLrs({ holdFirstPost: true });
      await new Promise<void>((resolve) => gated.server.listen(0, '127.0.0.1', resolve));
      after(() => {
        gated.release();
        gated.server.closeAllConnections();
        gated.server.close();
      });
      return { ...gated, endpoint: `http://127.0.0.1:${(gated.server.address() as AddressInfo).port}/xapi` };
    }

    test('a second aula upload and the dashboard are refused while one runs; one killed with kill -9 keeps no upload out', { timeout: 120_000 }, async () => {
      const count = statementCount();
      const gated = await gatedLrs();
      const first = startAula(cliUpload(gated.endpoint));
      await gated.firstPost;

      const second = await aulaWithInput(cliUpload(gated.endpoint));
      assert.equal(second.code, 1);
      assert.match(second.stderr, refusedAtOnce);
      const fromDashboard = await postJson(api(laptop, '/upload'), { endpoint: gated.endpoint, username: 'key', password: 'secret' });
      assert.equal(fromDashboard.status, 409);
      assert.equal((fromDashboard.json as { error: { reason: string } }).error.reason, 'upload-running');
      assert.equal(gated.posted.length, 5, 'only the first upload sent anything');

      // The first one dies in the middle of its first batch: the lock goes with it.
      first.child.kill('SIGKILL');
      assert.equal((await first.done).signal, 'SIGKILL');
      gated.release();
      const third = await aulaWithInput(cliUpload(gated.endpoint));
      assert.equal(third.code, 0, third.stderr);
      assert.match(third.stderr, new RegExp(`For this LRS: ${count} sent, 0 conflicts, 0 rejected, 0 pending\\.`));
      assert.equal(gated.stored.size, count);
      // Only the batch the killed upload had in flight went twice (and was recognised as already there).
      assert.equal(gated.posted.length, count + 5);
    });

    test('while the dashboard uploads, aula upload is refused at once; the dashboard’s upload sends everything once', { timeout: 120_000 }, async () => {
      const count = statementCount();
      const gated = await gatedLrs();
      const started = await postJson(api(laptop, '/upload'), { endpoint: gated.endpoint, username: 'key', password: 'secret', batch: 5 });
      assert.equal(started.status, 202);
      await gated.firstPost;
      const cli = await aulaWithInput(cliUpload(gated.endpoint));
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, refusedAtOnce);
      gated.release();
      const job = await finished();
      assert.equal(job.state, 'done', String(job.error));
      assert.equal((job.summary as { sent: number }).sent, count);
      assert.equal(gated.posted.length, count, 'every statement was sent once');
      assert.equal(new Set(gated.posted).size, count);
    });
  });
});
