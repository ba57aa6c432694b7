import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../server/store/open-database.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

/** Root may write anywhere: as root the commands run as `nobody`, so the permissions below bind them. */
const asUser = process.getuid?.() === 0 ? { uid: 65534 } : {};
const aulaAsUser = (args: string[]) => runAula(args, asUser);

/** A temp folder the command's user can enter and read but not write. */
function readOnlyFolder(): string {
  const dir = tempDir();
  fs.chmodSync(dir, 0o555);
  return dir;
}

const CHOOSE = /Give the user \S+ permission to write to that folder and its files, or choose another folder with --data-dir DIR or the AULA_DATA_DIR environment variable\.\n$/;

describe('a data folder this user may not write', { skip: process.platform === 'win32' && 'POSIX permissions' }, () => {
  it('aula serve in a folder it cannot create: one line saying so and what to do, exit code 1, nothing created', async () => {
    const parent = readOnlyFolder();
    const dataDir = path.join(parent, 'Aula');
    const answer = await aulaAsUser(['serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0', '--no-mdns']).finally(() =>
      fs.chmodSync(parent, 0o700),
    );
    assert.equal(answer.code, 1);
    assert.equal(answer.stdout, '');
    assert.match(answer.stderr, new RegExp(`^aula: Aula cannot create the data folder ${dataDir} \\(permission denied\\)\\. `));
    assert.match(answer.stderr, CHOOSE);
    assert.equal(answer.stderr.split('\n').length, 2, 'one line, no stack trace');
    assert.equal(fs.existsSync(dataDir), false);
  });

  it('a database another account made (sudo aula serve once): serve and stats refuse it in one line and leave it as it was', async () => {
    const dataDir = tempDir();
    openDatabase(dataDir).close();
    const file = path.join(dataDir, 'aula.sqlite');
    if (asUser.uid !== undefined) fs.chmodSync(dataDir, 0o755);
    else {
      fs.chmodSync(file, 0o444);
      fs.chmodSync(dataDir, 0o555);
    }
    const before = fs.readFileSync(file);
    const attempts: Array<{ command: string[]; answer: Awaited<ReturnType<typeof aulaAsUser>> }> = [];
    try {
      for (const command of [['stats'], ['serve', '--host', '127.0.0.1', '--port', '0', '--no-mdns']]) {
        attempts.push({ command, answer: await aulaAsUser([...command, '--data-dir', dataDir]) });
      }
    } finally {
      fs.chmodSync(dataDir, 0o700);
    }
    for (const { command, answer } of attempts) {
      assert.equal(answer.code, 1, command[0]);
      assert.equal(answer.stdout, '', command[0]);
      assert.match(answer.stderr, new RegExp(`^aula: Aula cannot write to the database ${file} \\(its files are read-only for this user\\)\\. `), command[0]);
      assert.match(answer.stderr, CHOOSE, command[0]);
      assert.equal(answer.stderr.split('\n').length, 2, 'one line, no stack trace');
    }
    assert.deepEqual(fs.readFileSync(file), before);
    assert.deepEqual(fs.readdirSync(dataDir), ['aula.sqlite']);
  });
});
