import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { databaseFile } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, type CliRun, seedClassroom } from './export-support.js';

// `aula export` refuses what it cannot do well before it reads or writes anything: one line on stderr prefixed
// "aula:", exit code 1, no output, no file (not even a stray .partial), the database untouched.

let collector: Collector;
let dataDir: string;
let total: number;

before(async () => {
  collector = await startTestCollector();
  dataDir = collector.config.dataDir;
  const classroom = await seedClassroom(collector);
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
    assert.deepEqual(fs.readdirSync(folder), ['lesson.ndjson']);
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
