import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { automaticBackup, backupsDir } from '../../server/store/backups.js';
import { openDatabase } from '../../server/store/open-database.js';
import { tempDir } from '../support/temp-dir.js';

const mode = (folder: string) => fs.statSync(folder).mode & 0o777;

// The database holds the students' traces, password hashes, the login-signing secret and the teacher key: on a
// shared school computer, another account must not read the folder Aula made (POSIX only; Windows has no such bits).
test('the data folder and its backups are made readable by their user only; a folder chosen that exists keeps its mode', { skip: process.platform === 'win32' }, () => {
  const parent = tempDir();
  const dataDir = path.join(parent, 'new', 'aula');
  const db = openDatabase(dataDir);
  try {
    assert.equal(mode(dataDir), 0o700);
    automaticBackup(db, dataDir, 'closed');
    assert.equal(mode(backupsDir(dataDir)), 0o700);
  } finally {
    db.close();
  }
  const shared = path.join(parent, 'shared');
  fs.mkdirSync(shared, { mode: 0o755 });
  fs.chmodSync(shared, 0o755);
  openDatabase(shared).close();
  assert.equal(mode(shared), 0o755);
});
