import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDataFolder } from '../support/data-folder.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

/** Root may write anywhere: as root the command runs as `nobody`, so the folder's permissions bind it. */
const asUser = process.getuid?.() === 0 ? { uid: 65534 } : {};

describe('aula backup FILE where the copy cannot go', () => {
  it('a folder given instead of a file: says so and suggests a file name in it; nothing written', async () => {
    const dataDir = tempDataFolder();
    const folder = tempDir();
    const answer = await runAula(['backup', folder, '--data-dir', dataDir]);
    assert.equal(answer.code, 1);
    assert.match(answer.stderr, new RegExp(`^aula: ${folder} is a folder; give a file name in it, such as ${folder}/aula-\\d{4}-\\d{2}-\\d{2}\\.sqlite\\n$`));
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('a folder this user may not write: one line saying so and what to do, exit code 1, no partial file', { skip: process.platform === 'win32' && 'POSIX permissions' }, async () => {
    const dataDir = tempDataFolder();
    // The data folder is this user's; only the backup's folder is not writable for it.
    fs.chmodSync(dataDir, 0o777);
    for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), 0o666);
    const readOnly = tempDir();
    fs.chmodSync(readOnly, 0o555);
    const target = path.join(readOnly, 'aula-before-exam.sqlite');
    const answer = await runAula(['backup', target, '--data-dir', dataDir], asUser).finally(() => fs.chmodSync(readOnly, 0o700));
    assert.equal(answer.code, 1);
    assert.equal(
      answer.stderr,
      `aula: Cannot write ${target} (no permission to write in ${readOnly}, or a read-only disk); choose a folder you can write to\n`,
    );
    assert.deepEqual(fs.readdirSync(readOnly), []);
  });
});
