import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startOk, statementS, track } from '../support/rage.js';
import { aula, aulaWithInput, startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/** Statements in a database file, read as SQLite does (a WAL beside the file included). */
function statementsIn(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A data folder with one activity and `count` statements sent by a game, and a backup of it made before them. */
async function folderWithStatements(count: number): Promise<{ dataDir: string; backup: string; trackingCode: string }> {
  const dataDir = tempDir();
  const { trackingCode } = JSON.parse(await aula(['activity', 'create', '--name', 'r', '--json', '--data-dir', dataDir]));
  const backup = path.join(tempDir(), 'before.sqlite');
  await aula(['backup', backup, '--data-dir', dataDir]);
  const serve = await startServe(dataDir);
  const started = await startOk(serve.url, trackingCode);
  const body = Array.from({ length: count }, (_, i) => ({ ...statementS(started.actor), id: undefined, timestamp: new Date(i).toISOString() }));
  assert.equal((await track(serve.url, started.authToken, body)).status, 200);
  await serve.stop();
  return { dataDir, backup, trackingCode };
}

const asideFiles = (dataDir: string) => fs.readdirSync(dataDir).filter((name) => name.includes('.replaced-'));

describe('aula restore', () => {
  it('is refused while aula serve runs on the folder, and changes nothing: the acknowledged statements stay', async () => {
    const { dataDir, backup, trackingCode } = await folderWithStatements(3);
    const serve = await startServe(dataDir);
    try {
      const refused = await aulaWithInput(['restore', backup, '--data-dir', dataDir]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /is in use \(aula serve or the desktop app is running on this data folder\); stop it, then restore again/);
      assert.deepEqual(asideFiles(dataDir), []);
      const started = await startOk(serve.url, trackingCode);
      assert.equal((await track(serve.url, started.authToken, [{ ...statementS(started.actor), id: undefined }])).status, 200);
    } finally {
      await serve.stop();
    }
    assert.equal(JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir])).statements, 4);
  });

  it('after a crash keeps the replaced database aside complete, its WAL included', async () => {
    const { dataDir, backup, trackingCode } = await folderWithStatements(2);
    const serve = await startServe(dataDir);
    const started = await startOk(serve.url, trackingCode);
    const body = Array.from({ length: 5 }, () => ({ ...statementS(started.actor), id: undefined }));
    assert.equal((await track(serve.url, started.authToken, body)).status, 200);
    await serve.stop('SIGKILL');
    assert.ok(fs.existsSync(path.join(dataDir, 'aula.sqlite-wal')), 'the crash left a WAL');

    const printed = JSON.parse(await aula(['restore', backup, '--json', '--data-dir', dataDir]));
    assert.equal(printed.restored, backup);
    assert.match(path.basename(printed.keptAside), /^aula\.sqlite\.replaced-/);
    assert.equal(statementsIn(printed.keptAside), 7);
    assert.equal(JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir])).statements, 0);
  });

  it('refuses what is not a backup of Aula, and the folder stays as it was', async () => {
    const { dataDir, backup } = await folderWithStatements(1);
    const elsewhere = tempDir();
    const empty = path.join(elsewhere, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const text = path.join(elsewhere, 'roster.csv');
    fs.writeFileSync(text, 'username,name\nana,Ana\n');
    const other = path.join(elsewhere, 'other.sqlite');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE notes (body TEXT)');
    otherDb.close();
    const newer = path.join(elsewhere, 'newer.sqlite');
    await aula(['backup', newer, '--data-dir', dataDir]);
    const newerDb = new Database(newer);
    newerDb.pragma('user_version = 9999');
    newerDb.close();
    const cases: Array<[string, string, RegExp]> = [
      ['a missing file', path.join(elsewhere, 'nope.sqlite'), /No backup file at/],
      ['a folder', elsewhere, /is not a file; give the backup file itself/],
      ['the database itself', path.join(dataDir, 'aula.sqlite'), /is the data folder's database itself/],
      ['an empty file', empty, /is not an Aula database/],
      ['a text file', text, /is damaged or not a database/],
      ["another program's database", other, /is not an Aula database/],
      ['a backup of a newer Aula', newer, /was written by a newer version of Aula \(schema 9999/],
    ];
    for (const [what, file, message] of cases) {
      const refused = await aulaWithInput(['restore', file, '--data-dir', dataDir]);
      assert.equal(refused.code, 1, what);
      assert.match(refused.stderr, message, what);
      assert.deepEqual(asideFiles(dataDir), [], what);
    }
    assert.equal(JSON.parse(await aula(['stats', '--json', '--data-dir', dataDir])).statements, 1);

    const notAFolder = await aulaWithInput(['restore', backup, '--data-dir', text]);
    assert.equal(notAFolder.code, 1);
    assert.match(notAFolder.stderr, /is a file, not a data folder/);
  });

  it('into a folder that does not exist yet (a new computer) creates it', async () => {
    const { backup } = await folderWithStatements(1);
    const dataDir = path.join(tempDir(), 'new', 'aula');
    const restored = await aula(['restore', backup, '--data-dir', dataDir]);
    assert.match(restored, /^Restored .* into /m);
    assert.doesNotMatch(restored, /kept as/);
    assert.equal(JSON.parse(await aula(['activity', 'list', '--json', '--data-dir', dataDir])).length, 1);
  });
});

describe('aula backup', () => {
  it('into a folder that does not exist is refused, and creates no folder', async () => {
    const dataDir = tempDir();
    await aula(['activity', 'create', '--name', 'b', '--data-dir', dataDir]);
    const missing = path.join(tempDir(), 'typo', 'copy.sqlite');
    const refused = await aulaWithInput(['backup', missing, '--data-dir', dataDir]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /There is no folder .*typo; create it first or choose another file name/);
    assert.equal(fs.existsSync(path.dirname(missing)), false);
  });

  it('of a mistyped data folder is refused, and creates no database there', async () => {
    const typo = path.join(tempDir(), 'typo-data');
    const refused = await aulaWithInput(['backup', path.join(tempDir(), 'copy.sqlite'), '--data-dir', typo]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /No Aula database in .*typo-data/);
    assert.equal(fs.existsSync(typo), false);
  });
});
