import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { ImportReport } from '../../server/import/import-report.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { startOk } from '../support/rage.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, type Classroom, seedClassroom, unzip } from './export-support.js';

// A researcher exporting one day gets that day's statements and what they refer to, not the whole roster.

type Json = Record<string, unknown>;

const EARLIER_DAY = '2026-11-20T10:00:00.000Z';

let collector: Collector;
let classroom: Classroom;
/** Session ids of the classroom's starts, in order. */
let sessionIds: number[];

before(async () => {
  collector = await startTestCollector();
  classroom = await seedClassroom(collector);
  const db = collector.context.db;
  sessionIds = classroom.starts.map(
    (start) => (db.prepare('SELECT id FROM sessions WHERE auth_token = ?').get(start.authToken) as { id: number }).id,
  );
  // The second maths player and the history player played on an earlier day.
  const earlier = db.prepare('UPDATE statement_batches SET stored = ? WHERE session_id = ?');
  for (const index of [1, 3]) earlier.run(EARLIER_DAY, sessionIds[index]);
  // A game that started and sent nothing: a session (and player) no statement refers to.
  await startOk(collector.url, classroom.history.trackingCode);
});

async function zipOf(args: string[]): Promise<{ file: string; files: Map<string, Buffer> }> {
  const file = path.join(tempDir('aula-partial-'), 'bundle.zip');
  const run = await aulaExport(collector.config.dataDir, collector.context.homePage, ['--format', 'zip', '-o', file, ...args]);
  assert.equal(run.code, 0, run.stderr);
  return { file, files: await unzip(fs.readFileSync(file)) };
}

function rows(files: Map<string, Buffer>, name: string): Json[] {
  return (files.get(name)?.toString('utf8') ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);
}

async function importInto(file: string): Promise<{ report: ImportReport; dataDir: string }> {
  const dataDir = path.join(tempDir(), 'other-laptop');
  const run = await aulaWithInput(['import', file, '--json', '--data-dir', dataDir]);
  assert.equal(run.code, 0, run.stderr);
  return { report: JSON.parse(run.stdout) as ImportReport, dataDir };
}

describe('aula export --format zip with statement filters', () => {
  test('--since: the tables hold only the sessions, players, gameplays, activities and games its statements refer to', async () => {
    const { files } = await zipOf(['--since', '2026-11-21']);
    const statements = rows(files, 'aula/statement-rows.ndjson');
    assert.equal(statements.length, (classroom.sent[0] ?? 0) + (classroom.sent[2] ?? 0));
    const sessions = rows(files, 'sessions.ndjson');
    assert.deepEqual(sessions.map((s) => s.id).sort(), [sessionIds[0], sessionIds[2]].sort());
    // Both sessions are the same player's, in the same gameplay of the maths activity.
    assert.deepEqual(rows(files, 'players.ndjson').map((p) => p.public_id), [classroom.starts[0]?.playerId]);
    assert.equal(rows(files, 'gameplays.ndjson').length, 1);
    assert.deepEqual(rows(files, 'activities.ndjson').map((a) => a.id), [classroom.maths.id]);
    assert.equal(rows(files, 'versions.ndjson').length, 1);
    assert.deepEqual(rows(files, 'games.ndjson').map((g) => g.title), ['Number Quest']);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { counts: Record<string, number> };
    assert.deepEqual(manifest.counts, { statements: statements.length, classes: 0, games: 1, versions: 1, activities: 1, players: 1, gameplays: 1, sessions: 2 });
  });

  test("--until with --activity: only the activity's sessions of that day, and their player", async () => {
    const { files } = await zipOf(['--until', '2026-11-21', '--activity', classroom.maths.trackingCode]);
    assert.deepEqual(rows(files, 'sessions.ndjson').map((s) => s.id), [sessionIds[1]]);
    assert.deepEqual(rows(files, 'players.ndjson').map((p) => p.public_id), [classroom.starts[1]?.playerId]);
  });

  test('such a partial bundle imports completely on another laptop: every statement, nothing skipped', async () => {
    const { file, files } = await zipOf(['--since', '2026-11-21']);
    const { report, dataDir } = await importInto(file);
    assert.equal(report.skipped, 0, JSON.stringify(report.notes));
    assert.equal(report.added.statements, rows(files, 'aula/statement-rows.ndjson').length);
    assert.deepEqual({ sessions: report.added.sessions, players: report.added.players, activities: report.added.activities }, { sessions: 2, players: 1, activities: 1 });
    const stats = await aulaWithInput(['stats', '--json', '--data-dir', dataDir]);
    assert.equal((JSON.parse(stats.stdout) as { statements: number }).statements, report.added.statements);
  });

  test('without filters the bundle still holds everything, sessions without statements too', async () => {
    const { files } = await zipOf([]);
    assert.equal(rows(files, 'sessions.ndjson').length, 5);
    assert.equal(rows(files, 'players.ndjson').length, 4);
    assert.equal(rows(files, 'activities.ndjson').length, 2);
  });
});
