import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportData } from '../../server/export/export-data.js';
import { exportOptionsSchema, normalizeSettingsFor } from '../../server/export/export-options.js';
import { openReadConnection } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { rezipBundle } from '../support/bundle-entries.js';
import { startTestCollector } from '../support/collector.js';
import { startOk, track } from '../support/rage.js';
import { aula, aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, memorySink, seedClassroom } from './export-support.js';
import { statement, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

// Each laptop has its own home page, so its own namespace (`<homePage>xapi`), as two classrooms' laptops do.
const HOME_B = 'http://laptop-b.test/';
const HOME_A = 'http://laptop-a.test/';
const HOME_C = 'http://laptop-c.test/';

let laptopA: Collector;
let laptopB: Collector;
let bundleB: string;
let fromB: Map<string, Json>;

function parseNdjson(text: string): Map<string, Json> {
  const rows = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);
  return new Map(rows.map((row) => [String(row.id), row]));
}

async function exportNdjson(dataDir: string, homePage: string): Promise<Map<string, Json>> {
  const run = await aulaExport(dataDir, homePage, ['--format', 'ndjson']);
  assert.equal(run.code, 0, run.stderr);
  return parseNdjson(run.stdout);
}

async function exportZip(dataDir: string, homePage: string): Promise<string> {
  const file = path.join(tempDir('aula-origin-'), 'bundle.zip');
  const run = await aulaExport(dataDir, homePage, ['--format', 'zip', '-o', file]);
  assert.equal(run.code, 0, run.stderr);
  return file;
}

/** Where one statement differs from another, member by member, so a failure names what moved. */
function differences(expected: Json, actual: Json | undefined): string[] {
  if (!actual) return ['missing'];
  return [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter(
    (key) => JSON.stringify(expected[key]) !== JSON.stringify(actual[key]),
  );
}

function assertSameStatements(expected: Map<string, Json>, actual: Map<string, Json>): void {
  const differing = [...expected].flatMap(([id, statement]) => {
    const members = differences(statement, actual.get(id));
    return members.length > 0 ? [`${id}: ${members.join(', ')}`] : [];
  });
  assert.deepEqual(differing, [], 'statements that differ (id: members)');
  for (const [id, statement] of expected) assert.deepEqual(actual.get(id), statement);
}

/** An LRS that accepts everything and keeps what it received, by id. */
async function capturingLrs(): Promise<{ endpoint: string; received: Map<string, Json> }> {
  const received = new Map<string, Json>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Experience-API-Version', '1.0.3');
      if (req.url?.endsWith('/about')) {
        res.writeHead(200).end('{"version":["1.0.3"]}');
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(404).end('{"message":"not found"}');
        return;
      }
      const statements = JSON.parse(body) as Json[];
      for (const s of statements) received.set(String(s.id), s);
      res.writeHead(200).end(JSON.stringify(statements.map((s) => s.id)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`, received };
}

async function upload(dataDir: string, homePage: string): Promise<Map<string, Json>> {
  const lrs = await capturingLrs();
  await aula(['upload', '--endpoint', lrs.endpoint, '--username', 'key', '--password', 'secret', '--data-dir', dataDir], {
    AULA_HOME_PAGE: homePage,
  });
  return lrs.received;
}

before(async () => {
  laptopB = await startTestCollector({ homePage: HOME_B });
  await seedClassroom(laptopB);
  // What leans on the namespace and the home page: a tracker's short verb, a relative object id (resolved against
  // the game version's object id), an extension key that is not an IRI, and no usable timestamp.
  const db = laptopB.context.db;
  const code = (db.prepare("SELECT tracking_code AS code FROM activities WHERE name = 'Maths 3B'").get() as { code: string }).code;
  const start = await startOk(laptopB.url, code);
  const odd = await track(laptopB.url, start.authToken, [
    { actor: start.actor, verb: { id: 'skipped' }, object: { id: 'level/lvl 2', definition: { type: 'checkpoint' } }, timestamp: '1700000000', result: { extensions: { lives: 2 } } },
  ]);
  assert.equal(odd.status, 200, odd.text);
  // A standard xAPI client's statement (its actor an e-mail address; Aula adds the authority and derives the id).
  const xapi = xapiEndpoint(laptopB, 'Science lab');
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify([statement(), statement({ actor: { objectType: 'Agent', account: { homePage: HOME_B, name: 'bea' } } })]) });
  assert.equal(posted.status, 200, posted.text);

  bundleB = await exportZip(laptopB.config.dataDir, HOME_B);
  fromB = await exportNdjson(laptopB.config.dataDir, HOME_B);

  laptopA = await startTestCollector({ homePage: HOME_A });
  await seedClassroom(laptopA);
  await aula(['import', bundleB, '--data-dir', laptopA.config.dataDir]);
});

describe('aula import: statements keep the home page and namespace of the laptop that collected them', () => {
  test('exported from the laptop they were imported into, they are the same JSON as exported where they were collected', async () => {
    const fromA = await exportNdjson(laptopA.config.dataDir, HOME_A);
    assertSameStatements(fromB, fromA);
  });

  test('the encoding thread of large exports normalises them as the laptop that collected them, too', async () => {
    const db = openReadConnection(laptopA.config.dataDir);
    try {
      const options = exportOptionsSchema.parse({ format: 'ndjson' });
      const sink = memorySink();
      let taken = '';
      await exportData(db, normalizeSettingsFor(db, HOME_A, options, undefined), options, sink.stream, undefined, {
        workerFrom: 0,
        onPath: (p, reason) => {
          taken = reason ? `${p}: ${reason}` : p;
        },
      });
      assert.equal(taken, 'worker');
      assertSameStatements(fromB, parseNdjson(sink.text()));
    } finally {
      db.close();
    }
  });

  test('players an xAPI game identified keep the name it sent, as the dashboard shows them', () => {
    const names = (collector: typeof laptopA) =>
      (collector.context.db.prepare("SELECT xapi_name AS name FROM players WHERE public_id LIKE 'xapi-%' ORDER BY name").all() as Array<{ name: string }>).map(
        (row) => row.name,
      );
    assert.deepEqual(names(laptopB), ['Ana', 'bea']);
    assert.deepEqual(names(laptopA), names(laptopB));
  });

  test("the importing laptop's own statements keep its own home page", async () => {
    const fromA = await exportNdjson(laptopA.config.dataDir, HOME_A);
    const own = [...fromA.values()].filter((s) => !fromB.has(String(s.id)));
    assert.ok(own.length > 0);
    for (const s of own) {
      assert.equal((s.actor as { account: { homePage: string } }).account.homePage, HOME_A);
      assert.equal((s.authority as { account: { homePage: string } }).account.homePage, HOME_A);
    }
  });

  test('uploaded from either laptop, a statement is the same JSON, so a central LRS sees no conflict', async () => {
    const uploadedByB = await upload(laptopB.config.dataDir, HOME_B);
    const uploadedByA = await upload(laptopA.config.dataDir, HOME_A);
    assert.equal(uploadedByB.size, fromB.size);
    assertSameStatements(uploadedByB, uploadedByA);
  });

  test('handed on again (B → A → C), they still keep the home page of B, and those of A keep A', async () => {
    const fromA = await exportNdjson(laptopA.config.dataDir, HOME_A);
    const bundleA = await exportZip(laptopA.config.dataDir, HOME_A);
    const dataDirC = path.join(tempDir(), 'laptop-c');
    const imported = await aulaWithInput(['import', bundleA, '--data-dir', dataDirC]);
    assert.equal(imported.code, 0, imported.stderr);
    const fromC = await exportNdjson(dataDirC, HOME_C);
    assertSameStatements(fromA, fromC);
  });

  test('a bundle from before sessions named their origin: the home page is read off its default namespace', async () => {
    const older = await rezipBundle(bundleB, (files) => {
      const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Json & { options: Json; files: Record<string, Json> };
      delete manifest.options.homePage;
      const sessions = (files.get('sessions.ndjson')?.toString('utf8') ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const { origin_home_page: _home, origin_namespace: _ns, origin_game_id: _game, ...rest } = JSON.parse(line) as Json;
          return `${JSON.stringify(rest)}\n`;
        })
        .join('');
      const bytes = Buffer.from(sessions);
      manifest.files['sessions.ndjson'] = { ...manifest.files['sessions.ndjson'], bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      files.set('sessions.ndjson', bytes);
      files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });

    const dataDirD = path.join(tempDir(), 'laptop-d');
    const imported = await aulaWithInput(['import', older, '--data-dir', dataDirD]);
    assert.equal(imported.code, 0, imported.stderr);
    assertSameStatements(fromB, await exportNdjson(dataDirD, 'http://laptop-d.test/'));
  });
});
