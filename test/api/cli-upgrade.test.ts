import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createActivity } from '../../server/store/activities-repo.js';
import { AUTOMATIC_BACKUPS_KEPT, automaticBackup, backupsDir } from '../../server/store/backups.js';
import { migrations, schemaVersion } from '../../server/store/migrations/index.js';
import { databaseFile, openDatabase } from '../../server/store/open-database.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

/** A data folder as the previous release left it: one schema version behind, with an activity in it. */
function folderOfPreviousRelease(): string {
  const dataDir = tempDir();
  const db = new Database(databaseFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const up of migrations.slice(0, schemaVersion - 1)) up(db);
    db.pragma(`user_version = ${schemaVersion - 1}`);
    createActivity(db, { name: 'Maths 3B' });
  })();
  db.close();
  return dataDir;
}

const userVersion = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('upgrading a data folder made by the previous release (after a git pull)', () => {
  it('keeps a copy as the old version left it in backups/ before upgrading, once, and the rotation never removes it', async () => {
    const dataDir = folderOfPreviousRelease();
    const first = await runAula(['activity', 'list', '--json', '--data-dir', dataDir]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal((JSON.parse(first.stdout) as unknown[]).length, 1);
    assert.equal(userVersion(databaseFile(dataDir)), schemaVersion, 'upgraded');

    const copies = fs.readdirSync(backupsDir(dataDir));
    assert.equal(copies.length, 1, copies.join(' '));
    const [copy] = copies as [string];
    assert.match(copy, new RegExp(`^aula-\\d{4}-.*-before-upgrade-schema-${schemaVersion - 1}-to-${schemaVersion}\\.sqlite$`));
    const kept = path.join(backupsDir(dataDir), copy);
    assert.equal(userVersion(kept), schemaVersion - 1, 'the copy is the database as the old version left it');
    const old = new Database(kept, { readonly: true });
    assert.deepEqual(old.prepare('SELECT name FROM activities').all(), [{ name: 'Maths 3B' }]);
    old.close();

    const again = await runAula(['stats', '--data-dir', dataDir]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(fs.readdirSync(backupsDir(dataDir)), [copy], 'no second copy once upgraded');

    // Closing activities keeps the newest five automatic backups; the copy before the upgrade stays besides them.
    const db = openDatabase(dataDir);
    for (let i = 0; i <= AUTOMATIC_BACKUPS_KEPT; i++) automaticBackup(db, dataDir, `close-${i}`, new Date(Date.UTC(2030, 0, 1, 0, i)));
    db.close();
    const after = fs.readdirSync(backupsDir(dataDir));
    assert.equal(after.length, AUTOMATIC_BACKUPS_KEPT + 1);
    assert.ok(after.includes(copy));
  });
});
