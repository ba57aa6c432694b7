import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

test('aula upload given only --endpoint asks for the key and the secret at once, and sends nothing', async () => {
  const dataDir = tempDir();
  const run = await runAula(['upload', '--endpoint', 'http://127.0.0.1:9/xAPI', '--data-dir', dataDir]);
  assert.equal(run.code, 1);
  // It asked for the secret only; once given, the key was asked for in a second refusal.
  assert.equal(
    run.stderr,
    'aula: The LRS key and secret are needed: --username KEY and --password SECRET (or --password-stdin), as the LRS gave them (or KEY:SECRET@ in the endpoint URL).\n',
  );
  assert.equal(run.stdout, '');
});

test('aula upload given --activity twice refuses, naming both, instead of uploading the last one alone', async () => {
  const dataDir = tempDir();
  const run = await runAula([
    'upload', '--endpoint', 'http://127.0.0.1:9/xAPI', '--username', 'key', '--password', 'secret',
    '--activity', 'k7m2qx9a', '--activity', 'p3n8tz4w', '--data-dir', dataDir,
  ]);
  assert.equal(run.code, 1);
  assert.equal(
    run.stderr,
    'aula: --activity was given twice ("k7m2qx9a", then "p3n8tz4w"): it takes one value; upload each activity in turn, or leave --activity out to upload them all. Nothing was done.\n',
  );
  assert.equal(run.stdout, '');
});
