import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { aula } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport } from './export-support.js';

// After a command the data folder holds the database alone: SQLite removes its -wal and -shm files when the last
// connection closes, if that connection may write. aula export read through a read-only connection, closed last.

test('after aula export the data folder holds aula.sqlite alone, as after any other command', async () => {
  const dataDir = path.join(tempDir(), 'data');
  await aula(['activity', 'create', '--name', 'Maths', '--data-dir', dataDir]);
  assert.deepEqual(fs.readdirSync(dataDir).filter((name) => name.startsWith('aula.sqlite')), ['aula.sqlite']);
  const ndjson = await aulaExport(dataDir, 'http://aula.test/', ['--format', 'ndjson']);
  assert.equal(ndjson.code, 0, ndjson.stderr);
  assert.deepEqual(fs.readdirSync(dataDir).filter((name) => name.startsWith('aula.sqlite')), ['aula.sqlite']);
  const zip = await aulaExport(dataDir, 'http://aula.test/', ['--format', 'zip', '-o', path.join(tempDir(), 'bundle.zip')]);
  assert.equal(zip.code, 0, zip.stderr);
  assert.deepEqual(fs.readdirSync(dataDir).filter((name) => name.startsWith('aula.sqlite')), ['aula.sqlite']);
});
