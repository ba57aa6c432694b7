import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { databaseFile } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, type Classroom, type CliRun, seedClassroom } from './export-support.js';

// `aula export` refuses what it cannot do well before it reads or writes anything: one line on stderr prefixed
// "aula:", exit code 1, no output, no file (not even a stray .partial), the database untouched.

let collector: Collector;
let dataDir: string;
let total: number;
let classroom: Classroom;

before(async () => {
  collector = await startTestCollector();
  dataDir = collector.config.dataDir;
  classroom = await seedClassroom(collector);
  total = classroom.sent.reduce((sum, n) => sum + n, 0);
});
after(() => collector.close());

const aula = (...args: string[]): Promise<CliRun> => aulaExport(dataDir, collector.context.homePage, args);

/** Refused: exit 1, exactly one line on stderr (no progress, no stack), nothing on stdout. */
function assertRefused(run: CliRun, message: RegExp): void {
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^aula: [^\n]+\n$/, 'one line');
  assert.match(run.stderr, message);
}

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const statementCount = () => (collector.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;

describe('aula export -o FILE', () => {
  test("never writes over the data folder's database, its WAL or shared memory, or a backup, even with --force", async () => {
    const database = databaseFile(dataDir);
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const backup = path.join(dataDir, 'backups', 'aula-before-exam.sqlite');
    fs.writeFileSync(backup, 'a backup');
    const before = sha256(database);
    const folderBefore = fs.readdirSync(dataDir).sort();
    // Through another path to the same folder, too.
    const link = path.join(tempDir(), 'data-link');
    fs.symlinkSync(dataDir, link);
    const attempts = [
      [database],
      [database, '--force'],
      [`${database}-wal`, '--force'],
      [`${database}-shm`, '--force'],
      [backup, '--force'],
      [path.join(dataDir, 'backups', 'new.ndjson')],
      [path.join(link, 'aula.sqlite'), '--force'],
    ];
    const runs = await Promise.all(attempts.map(([target, ...force]) => aula('-o', target as string, ...force)));
    for (const run of runs) assertRefused(run, /is part of Aula's data \(its database or a backup\) and is never written over; choose another file name/);
    assert.equal(sha256(database), before);
    assert.equal(fs.readFileSync(backup, 'utf8'), 'a backup');
    assert.deepEqual(fs.readdirSync(dataDir).sort(), folderBefore, 'no .partial or other file left');
    assert.equal(statementCount(), total);
  });

  test('refuses an existing file unless --force is given, and then replaces it', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'lesson.ndjson');
    fs.writeFileSync(file, 'yesterday’s analysis');
    assertRefused(await aula('-o', file), new RegExp(`aula: ${file} already exists; choose another file name, or add --force to replace it`));
    assert.equal(fs.readFileSync(file, 'utf8'), 'yesterday’s analysis');
    assert.deepEqual(fs.readdirSync(folder), ['lesson.ndjson']);
    const forced = await aula('-o', file, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(fs.readFileSync(file, 'utf8').trim().split('\n').length, total);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['lesson.ndjson', 'lesson.ndjson.manifest.json']);
  });

  test('never replaces a pipe or a device with a file, even with --force', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, async () => {
    const folder = tempDir();
    const fifo = path.join(folder, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const link = path.join(folder, 'null-link');
    fs.symlinkSync('/dev/null', link);
    const [intoFifo, intoDevice] = await Promise.all([aula('-o', fifo, '--force'), aula('-o', link, '--force')]);
    assertRefused(intoFifo, new RegExp(`aula: ${fifo} is not a regular file \\(a device, pipe or socket\\) and is never replaced`));
    assertRefused(intoDevice, /is not a regular file/);
    assert.ok(fs.lstatSync(fifo).isFIFO(), 'the pipe is still a pipe');
    assert.ok(fs.lstatSync(link).isSymbolicLink() && fs.statSync(link).isCharacterDevice(), 'the link still leads to the device');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['null-link', 'pipe'], 'no stray .partial file');
  });

  test('a folder that does not exist, or a folder instead of a file: a clear error first, nothing written', async () => {
    const folder = tempDir();
    const missing = path.join(folder, 'no-such-folder', 'out.ndjson');
    const [intoMissing, intoFolder, zipIntoFolder] = await Promise.all([
      aula('-o', missing),
      aula('-o', folder),
      aula('--format', 'zip', '-o', folder, '--force'),
    ]);
    assertRefused(intoMissing, new RegExp(`aula: There is no folder ${path.dirname(missing)}; create it first or choose another file name`));
    assertRefused(intoFolder, new RegExp(`aula: ${folder} is a folder; give the name of the file to write`));
    assertRefused(zipIntoFolder, /is a folder/);
    assert.deepEqual(fs.readdirSync(folder), [], 'no stray .partial file');
  });
});

describe('aula export filters and options', () => {
  test('--since and --until take a plain date (00:00 UTC) and times with an offset', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    // 00:00 UTC today is 01:00 at +01:00: the same instant, the same statements.
    const [all, east, none] = await Promise.all([
      aula('--since', today, '--until', tomorrow),
      aula('--since', `${today}T01:00+01:00`, '--until', `${tomorrow}T00:00:00.000Z`),
      aula('--until', today),
    ]);
    assert.equal(all.code, 0, all.stderr);
    assert.equal(all.stdout.trim().split('\n').length, total);
    assert.equal(east.stdout, all.stdout);
    assert.equal(none.code, 0, none.stderr);
    assert.equal(none.stdout, '');
  });

  test('--since not before --until, or a time without a zone, is refused', async () => {
    const [later, same, noDay, noZone] = await Promise.all([
      aula('--since', '2026-11-28', '--until', '2026-11-27'),
      aula('--since', '2026-11-27T10:00:00Z', '--until', '2026-11-27T11:00:00+01:00'),
      aula('--since', '2026-02-30'),
      aula('--until', '2026-11-27T10:00'),
    ]);
    assertRefused(later, /aula: --since: 2026-11-28 is not before --until 2026-11-27/);
    assertRefused(same, /is not before --until/);
    assertRefused(noDay, /aula: --since: "2026-02-30" is not an ISO 8601 date or time: give a date \(2026-11-27, meaning 00:00 UTC\)/);
    assertRefused(noZone, /--until: "2026-11-27T10:00" is not an ISO 8601 date or time/);
  });

  test('--session: an unknown id is an error, not an empty file; a value that is not an id says what a session id is', async () => {
    const sessionId = (collector.context.db.prepare('SELECT min(id) AS id FROM sessions').get() as { id: number }).id;
    const [unknown, text, one] = await Promise.all([aula('--session', '999'), aula('--session', 'adxy2uere4xi'), aula('--session', String(sessionId))]);
    assertRefused(unknown, /^aula: No session with id 999\n$/);
    assertRefused(text, /aula: --session: "adxy2uere4xi" is not a session id: a session is given by its id, a whole number such as 12/);
    assert.doesNotMatch(text.stderr, /NaN/);
    assert.equal(one.code, 0, one.stderr);
    assert.ok(one.stdout.trim().split('\n').length > 0);
  });

  test('a filter given twice is refused, not narrowed to its last value: --class 1A --class 1B is not 1B alone', async () => {
    const [maths, history] = [classroom.maths.trackingCode, classroom.history.trackingCode];
    const folder = tempDir();
    const [activities, since] = await Promise.all([
      aula('--activity', maths, '--activity', history, '-o', path.join(folder, 'both.ndjson')),
      aula('--since', '2026-11-27', '--since', '2026-11-28'),
    ]);
    assertRefused(
      activities,
      new RegExp(`^aula: --activity was given twice \\("${maths}", then "${history}"\\): it takes one value; export each to a file of its own, or leave the filter out to export them all\\. Nothing was done\\.\n$`),
    );
    assertRefused(since, /^aula: --since was given twice \("2026-11-27", then "2026-11-28"\)/);
    assert.deepEqual(fs.readdirSync(folder), [], 'no file, no manifest');
    const one = await aula('--activity', history);
    assert.equal(one.code, 0, one.stderr);
  });

  test('--as-received is refused for csv, traces-csv and zip (it only exists for ndjson and json)', async () => {
    const folder = tempDir();
    const formats = ['csv', 'traces-csv', 'zip'];
    const runs = await Promise.all(formats.map((format) => aula('--format', format, '--as-received', '-o', path.join(folder, `out.${format}`))));
    for (const [i, run] of runs.entries()) {
      assertRefused(run, new RegExp(`aula: --as-received: only ndjson and json can hold the statements as received, not ${formats[i]}`));
    }
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  test('a zip export counts its progress in statements', async () => {
    const file = path.join(tempDir(), 'bundle.zip');
    const run = await aula('--format', 'zip', '-o', file);
    assert.equal(run.code, 0, run.stderr);
    const counts = [...run.stderr.matchAll(/Exporting ([\d,]+) \/ ([\d,]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
    assert.ok(counts.length > 0, run.stderr);
    for (const [done, of] of counts) {
      assert.equal(of, total);
      assert.ok((done ?? 0) <= total);
    }
    assert.match(run.stderr, new RegExp(`Exporting ${total} / ${total} \\(100%\\)`));
  });
});
