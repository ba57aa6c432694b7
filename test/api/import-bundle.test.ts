import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile, exportToStream } from '../../server/export/export-to.js';
import { importBundle } from '../../server/import/import-bundle.js';
import { describeReport, type ImportReport } from '../../server/import/import-report.js';
import type { Collector } from '../../server/index.js';
import { rezipBundle } from '../support/bundle-entries.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { aula, aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { type Classroom, memorySink, seedClassroom } from './export-support.js';

type Json = Record<string, unknown>;
let laptopA: Collector;
let laptopB: Collector;
let classroomA: Classroom;
let bundle: string;
let sentByA: number;

before(async () => {
  laptopA = await startTestCollector();
  classroomA = await seedClassroom(laptopA);
  sentByA = classroomA.sent.reduce((sum, n) => sum + n, 0);
  bundle = path.join(tempDir('aula-bundle-'), 'laptop-a.zip');
  await exportToFile(laptopA.config.dataDir, laptopA.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
  laptopB = await startTestCollector();
  await seedClassroom(laptopB);
  // Laptop B happens to use the tracking code laptop A gave its maths activity.
  const taken = laptopB.context.db.prepare("SELECT id FROM activities WHERE name = 'History 2A'").get() as { id: string };
  laptopB.context.db.prepare('UPDATE activities SET tracking_code = ? WHERE id = ?').run(classroomA.maths.trackingCode, taken.id);
});
after(async () => {
  await laptopA.close();
  await laptopB.close();
});

const dataDirB = () => laptopB.config.dataDir;

async function cliImport(file: string): Promise<ImportReport> {
  return JSON.parse(await aula(['import', file, '--json', '--data-dir', dataDirB()])) as ImportReport;
}

async function cliImportFails(file: string): Promise<string> {
  try {
    await aula(['import', file, '--data-dir', dataDirB()]);
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error('aula import accepted the bundle');
}

async function stats(): Promise<{ statements: number; sessions: number; players: { anonymous: number }; activities: Json[] }> {
  return JSON.parse(await aula(['stats', '--json', '--data-dir', dataDirB()]));
}

async function admin<T>(collector: Collector, pathname: string): Promise<T> {
  const answer = await request(`${collector.url}/admin/api${pathname}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as T;
}

async function ndjson(collector: Collector): Promise<Map<string, Json>> {
  const sink = memorySink();
  await exportToStream(collector.config.dataDir, collector.context.homePage, exportOptionsSchema.parse({ format: 'ndjson' }), sink.stream, undefined);
  const rows = sink
    .text()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);
  return new Map(rows.map((row) => [String(row.id), row]));
}

describe('aula import: a bundle from another laptop', () => {
  let before: Awaited<ReturnType<typeof stats>>;
  let first: ImportReport;

  test('the first import adds every activity, player, session and statement, and reports the code it changed', async () => {
    before = await stats();
    first = await cliImport(bundle);
    assert.equal(first.changed, true);
    assert.deepEqual(
      { ...first.added, classes: 0 },
      { classes: 0, games: 0, versions: 2, activities: 2, players: 3, gameplays: 3, sessions: 4, statements: sentByA },
    );
    // Both laptops made the games by title: merged with the ones here; each laptop's game version stays its own.
    assert.equal(first.alreadyThere.games, 2);
    assert.equal(first.alreadyThere.statements, 0);
    const changed = first.notes.find((note) => note.type === 'code-changed');
    assert.ok(changed, 'the taken tracking code is reported');
    assert.match(changed.message, new RegExp(`tracking code ${classroomA.maths.trackingCode} is used here`));
  });

  test('aula stats and the counters include the merged data', async () => {
    const after = await stats();
    assert.equal(after.statements, before.statements + sentByA);
    assert.equal(after.sessions, before.sessions + 4);
    assert.equal(after.players.anonymous, before.players.anonymous + 3);
    const maths = after.activities.find((a) => a.name === 'Maths 3B' && a.trackingCode !== before.activities.find((b) => b.name === 'Maths 3B')?.trackingCode);
    assert.ok(maths, 'laptop A’s maths activity is listed');
    assert.notEqual(maths.trackingCode, classroomA.maths.trackingCode);
    assert.deepEqual({ statements: maths.statements, sessions: maths.sessions, players: maths.players }, { statements: 12, sessions: 3, players: 2 });
    // Maintained counters equal a recount of the rows.
    const db = laptopB.context.db;
    const off = db
      .prepare(
        `SELECT a.name FROM activities a WHERE a.statements != (SELECT count(*) FROM statements WHERE activity_id = a.id)
           OR a.sessions != (SELECT count(*) FROM sessions WHERE activity_id = a.id)
           OR a.players != (SELECT count(*) FROM gameplays WHERE activity_id = a.id)
         UNION ALL SELECT p.id FROM players p WHERE p.statements != (SELECT count(*) FROM statements WHERE player_id = p.id)
         UNION ALL SELECT s.id FROM sessions s WHERE s.statements != (SELECT count(*) FROM statements WHERE session_id = s.id)`,
      )
      .all();
    assert.deepEqual(off, []);
  });

  test('the dashboard shows the merged activity, its sessions, players, statements and results', async () => {
    const { activities } = await admin<{ activities: Array<Json & { id: string }> }>(laptopB, '/activities');
    const maths = activities.find((a) => a.id === classroomA.maths.id);
    assert.ok(maths);
    assert.equal(maths.statements, 12);
    const { sessions } = await admin<{ sessions: Array<{ statements: number; number: number }> }>(laptopB, `/activities/${maths.id}/sessions`);
    assert.deepEqual(sessions.map((s) => s.statements).sort(), [3, 4, 5]);
    // Live reads each session as laptop A did: last action with its object's type, progress, outcome and its object.
    const live = async (collector: Collector) =>
      (await admin<{ sessions: Array<Json & { statements: number }> }>(collector, `/activities/${maths.id}/sessions`)).sessions
        .sort((x, y) => x.statements - y.statements)
        .map(({ lastVerb, lastObject, lastObjectType, progress, completion, success, score, resultObject, resultObjectType, resultOfGame }) => ({
          lastVerb, lastObject, lastObjectType, progress, completion, success, score, resultObject, resultObjectType, resultOfGame,
        }));
    const liveOnA = await live(laptopA);
    assert.ok(liveOnA.some((session) => session.lastObjectType !== null && session.resultObject !== null), JSON.stringify(liveOnA));
    assert.deepEqual(await live(laptopB), liveOnA);
    const { players } = await admin<{ players: Array<{ player: { id: string }; statements: number }> }>(laptopB, '/players');
    const idsOfA = (laptopA.context.db.prepare('SELECT id FROM players').all() as Array<{ id: string }>).map((row) => row.id);
    const fromA = players.filter((p) => idsOfA.includes(p.player.id));
    assert.deepEqual(fromA.map((p) => p.statements).sort((x, y) => x - y), [3, 6, 9]);
    const { statements } = await admin<{ statements: unknown[] }>(laptopB, `/statements?activity=${maths.id}&limit=100`);
    assert.equal(statements.length, 12);
    const results = await admin<{ students: unknown[] }>(laptopB, `/activities/${maths.id}/results`);
    assert.equal(results.students.length, 2);
  });

  test('the merged statements export exactly as they did on the first laptop', async () => {
    const fromA = await ndjson(laptopA);
    const fromB = await ndjson(laptopB);
    for (const [id, statement] of fromA) assert.deepEqual(fromB.get(id), statement);
  });

  test('importing the same bundle again changes nothing', async () => {
    const statsBefore = await stats();
    const again = await cliImport(bundle);
    assert.equal(again.changed, false);
    assert.ok(Object.values(again.added).every((n) => n === 0));
    assert.equal(again.alreadyThere.statements, sentByA);
    assert.equal(again.alreadyThere.sessions, 4);
    assert.equal(again.alreadyThere.activities, 2);
    assert.deepEqual(await stats(), statsBefore);
  });

  test('a statement stored here under the same id with other content is a conflict: reported, not overwritten', async () => {
    const db = laptopB.context.db;
    const row = db.prepare('SELECT id, json FROM statements WHERE activity_id = ? ORDER BY seq LIMIT 1').get(classroomA.history.id) as {
      id: string;
      json: string;
    };
    const changed = JSON.stringify({ ...JSON.parse(row.json), result: { response: 'edited here' } });
    db.prepare('UPDATE statement_rows SET json = ? WHERE id = ?').run(changed, row.id);
    // Through the server's one writer this time, as the dashboard's import does.
    const report = await importBundle(bundle, { write: (job) => laptopB.context.writer.run(job) });
    assert.equal(report.conflicts.statements, 1);
    assert.deepEqual(
      report.notes.filter((n) => n.type === 'conflict').map((n) => n.id),
      [row.id],
    );
    assert.equal(report.alreadyThere.statements, sentByA - 1);
    assert.equal(report.changed, false);
    assert.equal((db.prepare('SELECT json FROM statements WHERE id = ?').get(row.id) as { json: string }).json, changed);
    // Its summary ends on the conflict, not on "everything in this bundle was already here".
    assert.equal(describeReport(report).at(-1), 'Nothing was added: 1 conflicting row (listed above) kept as it is here; the rest was already here.');
  });

  test('a tampered bundle is refused and changes nothing', async () => {
    const statsBefore = await stats();
    const tampered = await rezipBundle(bundle, (files) => {
      const rows = files.get('aula/statement-rows.ndjson')?.toString('utf8') ?? '';
      files.set('aula/statement-rows.ndjson', Buffer.from(rows.replace('option0', 'option9')));
    });
    assert.match(await cliImportFails(tampered), /aula\/statement-rows\.ndjson does not match its SHA-256/);
    const truncated = await rezipBundle(bundle, (files) => files.delete('sessions.ndjson'));
    assert.match(await cliImportFails(truncated), /sessions\.ndjson is listed in the manifest but missing/);
    assert.deepEqual(await stats(), statsBefore);
  });

  test('a bundle from a newer Aula is refused with what to do', async () => {
    const newer = await rezipBundle(bundle, (files) => {
      const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Json;
      files.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, format: 'aula-bundle/2' })));
    });
    assert.match(await cliImportFails(newer), /made by a newer Aula \(bundle format aula-bundle\/2.*Update Aula/);
    const notZip = path.join(tempDir(), 'notes.zip');
    fs.writeFileSync(notZip, 'not a zip at all');
    assert.match(await cliImportFails(notZip), /not a zip bundle/);
  });

  test('on a new laptop the bundle sets the data folder up (and says so); a refused one leaves no folder behind', async () => {
    const fresh = path.join(tempDir(), 'new-laptop', 'Aula');
    const refused = await aulaWithInput(['import', path.join(tempDir(), 'missing.zip'), '--data-dir', fresh]);
    assert.equal(refused.code, 1);
    const notZip = path.join(tempDir(), 'notes.zip');
    fs.writeFileSync(notZip, 'not a zip at all');
    const damaged = await aulaWithInput(['import', notZip, '--data-dir', fresh]);
    assert.equal(damaged.code, 1);
    assert.match(damaged.stderr, /not a zip bundle[^\n]*\n\(\S+ held no Aula database; none was set up there\.\)\n$/);
    assert.equal(fs.existsSync(path.dirname(fresh)), false);

    const imported = await aulaWithInput(['import', bundle, '--json', '--data-dir', fresh]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal((JSON.parse(imported.stdout) as ImportReport).added.statements, sentByA);
    assert.match(imported.stderr, new RegExp(`aula: set up a new data folder in ${fresh} \\(another one: --data-dir DIR or AULA_DATA_DIR\\)\\n$`));
    // The check of the bundle ends on all of its files, before the import starts.
    assert.match(imported.stderr, /\nVerifying 9 \/ 9 \(100%\)\nImporting 0 \//);
    const merged = JSON.parse(await aula(['stats', '--json', '--data-dir', fresh])) as { statements: number };
    assert.equal(merged.statements, sentByA);
  });
});
