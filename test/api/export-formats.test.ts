import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { ExportReport } from '../../server/export/export-data.js';
import { type ExportOptionsInput, exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToStream } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { pseudonym, readPseudonymSalt } from '../../server/normalize/index.js';
import { validateXapiStatement } from '../../server/xapi/validation/validate-statement.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { type Classroom, memorySink, seedClassroom, unzip } from './export-support.js';

const run = promisify(execFile);
let collector: Collector;
let classroom: Classroom;
let dataDir: string;
let total: number;
let storedIds: string[];

// An `after` registered inside a hook does not run: close explicitly, or the open server keeps the process alive.
before(async () => {
  collector = await startTestCollector();
  classroom = await seedClassroom(collector);
  dataDir = collector.config.dataDir;
  total = classroom.sent.reduce((sum, n) => sum + n, 0);
  storedIds = (collector.context.db.prepare('SELECT id FROM statements ORDER BY seq').all() as Array<{ id: string }>).map(
    (row) => row.id,
  );
});
after(() => collector.close());

async function exported(input: ExportOptionsInput, salt?: string): Promise<{ text: string; buffer: Buffer; report: ExportReport }> {
  const sink = memorySink();
  const report = await exportToStream(dataDir, collector.context.homePage, exportOptionsSchema.parse(input), sink.stream, salt);
  return { text: sink.text(), buffer: sink.buffer(), report };
}

const ndjsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

type Json = Record<string, unknown>;

describe('export formats', () => {
  test('ndjson: every stored statement once, in storage order, valid xAPI with per-player actors and IRI keys', async () => {
    const { text, report } = await exported({ format: 'ndjson' });
    const statements = ndjsonLines(text);
    assert.equal(statements.length, total);
    assert.deepEqual(
      statements.map((s) => s.id),
      storedIds,
    );
    for (const statement of statements) assert.equal(validateXapiStatement(statement, { version: '1.0' }), null);
    assert.equal(report.invalid, 0);
    const players = new Set(statements.map((s) => (s.actor as { account: { name: string } }).account.name));
    assert.deepEqual(players, new Set(classroom.starts.map((start) => start.playerId)));
    const first = statements[0] as Json;
    assert.ok(Object.keys((first.result as { extensions: Json }).extensions).every((key) => key.startsWith('http')));
  });

  test('json: one array with the same statements as ndjson', async () => {
    const [json, ndjson] = await Promise.all([exported({ format: 'json' }), exported({ format: 'ndjson' })]);
    assert.deepEqual(JSON.parse(json.text), ndjsonLines(ndjson.text));
    const empty = await exported({ format: 'json', filters: { since: '2999-01-01T00:00:00Z' } });
    assert.deepEqual(JSON.parse(empty.text), []);
  });

  test('as-received: the statements exactly as the games sent them (plus the collector augmentation)', async () => {
    const { text } = await exported({ format: 'ndjson', asReceived: true });
    const statements = ndjsonLines(text);
    assert.equal(statements.length, total);
    const first = statements[0] as Json;
    assert.equal((first.actor as { account: { name: string } }).account.name, 'Anonymous');
    assert.equal(((first.result as Json).extensions as Json).custom_ext, 'value 0');
  });

  test('csv: the expected columns, one row per statement, injection strings escaped', async () => {
    const { text } = await exported({ format: 'csv' });
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte order mark for spreadsheets');
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, total);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'statement_id', 'stored', 'timestamp', 'activity', 'activity_code', 'session', 'player_id', 'player_type',
      'actor_name', 'verb', 'object_id', 'object_type', 'success', 'completion', 'score_raw', 'score_scaled',
      'response', 'duration', 'progress', 'extensions', 'session_id', 'voided',
    ]);
    const first = rows[0] as Record<string, string>;
    assert.equal(first.activity, 'Maths 3B');
    assert.equal(first.session, '1');
    assert.equal(first.player_type, 'anonymous');
    assert.equal(first.player_id, classroom.starts[0]?.playerId);
    assert.equal(first.actor_name, classroom.starts[0]?.playerAnimalName);
    assert.equal(first.object_type, 'https://w3id.org/xapi/seriousgames/activity-types/area');
    const injected = rows.filter((row) => row.response?.includes('HYPERLINK'));
    assert.equal(injected.length, classroom.starts.length);
    for (const row of injected) assert.equal(row.response, `'=HYPERLINK("http://evil.example","click")`);
    assert.deepEqual(JSON.parse(first.extensions ?? ''), { 'http://aula.test/xapi/extensions/custom_ext': 'value 0' });
    const secondSession = rows.filter((row) => row.player_id === classroom.starts[0]?.playerId && row.session === '2');
    assert.equal(secondSession.length, classroom.sent[2]);
    // Every player's first attempt is session 1: session_id tells the attempts apart, as --session takes it.
    const db = collector.context.db;
    const sessionIds = classroom.starts.map((start) => String((db.prepare('SELECT id FROM sessions WHERE auth_token = ?').get(start.authToken) as { id: number }).id));
    assert.equal(new Set(sessionIds).size, classroom.starts.length);
    for (const [index, sessionId] of sessionIds.entries()) {
      assert.equal(rows.filter((row) => row.session_id === sessionId).length, classroom.sent[index]);
      const one = await exported({ format: 'csv', filters: { session: sessionId } });
      const sessionRows = parse(one.text, { bom: true, columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(
        sessionRows.map((row) => row.statement_id),
        rows.filter((row) => row.session_id === sessionId).map((row) => row.statement_id),
      );
    }
  });

  test("traces-csv: RAGE's trace columns with short names", async () => {
    const { text } = await exported({ format: 'traces-csv' });
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, total);
    const first = rows[0] as Record<string, string>;
    assert.deepEqual(Object.keys(first), [
      'name', 'timestamp', 'event', 'target', 'type', 'score', 'success', 'completion', 'response', 'gameplayId',
      'session', 'versionId', 'stored', 'ext',
    ]);
    assert.equal(first.name, classroom.starts[0]?.playerId);
    assert.equal(first.event, 'progressed');
    assert.equal(first.target, 'room 0');
    assert.equal(first.type, 'area');
    assert.equal(first.score, '0');
    assert.deepEqual(JSON.parse(first.ext ?? ''), { custom_ext: 'value 0', progress: 0 });
  });

  test('filters: activity, player, session, since/until select the right statements', async () => {
    const maths = ndjsonLines((await exported({ filters: { activity: classroom.maths.trackingCode } })).text);
    assert.equal(maths.length, total - (classroom.sent[3] ?? 0));
    const player = ndjsonLines((await exported({ filters: { player: classroom.starts[0]?.playerId } })).text);
    assert.equal(player.length, (classroom.sent[0] ?? 0) + (classroom.sent[2] ?? 0));
    const sessionId = (collector.context.db.prepare('SELECT max(id) AS id FROM sessions').get() as { id: number }).id;
    const session = ndjsonLines((await exported({ filters: { session: sessionId } })).text);
    assert.equal(session.length, classroom.sent[3]);
    const stored = (collector.context.db.prepare('SELECT stored FROM statements ORDER BY seq').all() as Array<{ stored: string }>).map(
      (row) => row.stored,
    );
    const cut = stored[(classroom.sent[0] ?? 0) + 1] as string;
    const since = ndjsonLines((await exported({ filters: { since: cut } })).text);
    const until = ndjsonLines((await exported({ filters: { until: cut } })).text);
    assert.equal(since.length + until.length, total);
    assert.equal(since.length, stored.filter((value) => value >= cut).length);
    await assert.rejects(exported({ filters: { activity: 'nope' } }), /No activity with tracking code "nope"/);
  });

  test('pseudonymised export: no playerId appears, stable pseudonyms instead', async () => {
    const salt = 'test-salt';
    const { text } = await exported({ format: 'ndjson', pseudonymize: true }, salt);
    for (const start of classroom.starts) assert.ok(!text.includes(start.playerId));
    const names = new Set(ndjsonLines(text).map((s) => (s.actor as { account: { name: string } }).account.name));
    assert.deepEqual(names, new Set(classroom.starts.map((start) => pseudonym(salt, start.playerId))));
  });

  test('zip: bundle with statements, tables and a manifest whose hashes and counts match', async () => {
    const { buffer, report } = await exported({ format: 'zip' });
    const files = await unzip(buffer);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
      format: string;
      schemaVersion: number;
      counts: Record<string, number>;
      files: Record<string, { sha256: string; bytes: number; lines: number }>;
    };
    assert.equal(manifest.format, 'aula-bundle/1');
    assert.equal(manifest.counts.statements, total);
    assert.equal(manifest.counts.sessions, classroom.starts.length);
    assert.equal(manifest.counts.players, 3);
    assert.equal(manifest.counts.activities, 2);
    for (const [name, info] of Object.entries(manifest.files)) {
      const content = files.get(name);
      assert.ok(content, name);
      assert.equal(createHash('sha256').update(content).digest('hex'), info.sha256, name);
      assert.equal(content.length, info.bytes);
    }
    const statements = ndjsonLines(files.get('statements.ndjson')?.toString('utf8') ?? '');
    assert.deepEqual(
      statements.map((s) => s.id),
      storedIds,
    );
    const sessions = ndjsonLines(files.get('sessions.ndjson')?.toString('utf8') ?? '');
    assert.ok(sessions.every((session) => !('auth_token' in session)), 'no session credentials in a bundle');
    assert.equal(report.statements, total);
  });

  test('aula export CLI: writes the file, progress and summary on stderr, same content as the library', async () => {
    const out = path.join(tempDir(), 'maths.ndjson');
    const bin = path.resolve('bin/aula.js');
    const { stderr } = await run(process.execPath, [bin, 'export', '--data-dir', dataDir, '--format', 'ndjson', '--activity', classroom.maths.trackingCode, '-o', out], {
      env: { ...process.env, AULA_HOME_PAGE: collector.context.homePage },
    });
    assert.match(stderr, /Exporting \d+ \/ \d+ \(100%\)/);
    assert.match(stderr, new RegExp(`Exported ${total - (classroom.sent[3] ?? 0)} statements \\(ndjson\\)`));
    const library = await exported({ format: 'ndjson', filters: { activity: classroom.maths.trackingCode } });
    assert.equal(fs.readFileSync(out, 'utf8'), library.text);
    const bad = await run(process.execPath, [bin, 'export', '--data-dir', dataDir, '--activity', 'nope']).catch((error: { stderr: string; code: number }) => error);
    assert.equal((bad as { code: number }).code, 1);
    assert.match((bad as { stderr: string }).stderr, /No activity with tracking code "nope"/);
    const pseudo = await run(process.execPath, [bin, 'export', '--data-dir', dataDir, '--pseudonymize'], {
      env: { ...process.env, AULA_HOME_PAGE: collector.context.homePage },
    });
    const salt = readPseudonymSalt(collector.context.db);
    assert.ok(salt, 'the salt was created in the data folder');
    assert.ok(pseudo.stdout.includes(pseudonym(salt, classroom.starts[0]?.playerId ?? '')));
  });
});
