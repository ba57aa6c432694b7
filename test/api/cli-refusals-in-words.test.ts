import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

test('a tracking code typed in capitals or with a letter off is refused naming the code meant, by export, upload and the activity commands', async () => {
  const dataDir = tempDir();
  const created = await runAula(['activity', 'create', '--name', 'Fractions 3B', '--json', '--data-dir', dataDir]);
  assert.equal(created.code, 0, created.stderr);
  const { trackingCode } = JSON.parse(created.stdout) as { trackingCode: string };
  const capitals = trackingCode.toUpperCase();
  const oneOff = `${trackingCode.slice(0, -1)}${trackingCode.endsWith('x') ? 'y' : 'x'}`;

  const exported = await runAula(['export', '--format', 'csv', '--activity', capitals, '--data-dir', dataDir]);
  assert.equal(exported.code, 1);
  assert.equal(exported.stderr, `aula: No activity with tracking code "${capitals}" (did you mean ${trackingCode}?)\n`);
  assert.equal(exported.stdout, '');

  const shown = await runAula(['activity', 'show', oneOff, '--data-dir', dataDir]);
  assert.equal(shown.code, 1);
  assert.equal(shown.stderr, `aula: No activity with tracking code "${oneOff}" (did you mean ${trackingCode}?). See: aula activity list\n`);

  // Before the LRS is asked: offline, the typo was hidden behind "Cannot reach http://…/about".
  const uploaded = await runAula(['upload', '--endpoint', 'http://127.0.0.1:9/xAPI', '--username', 'k', '--password', 's', '--activity', oneOff, '--data-dir', dataDir]);
  assert.equal(uploaded.code, 1);
  assert.equal(uploaded.stderr, `aula: No activity with tracking code "${oneOff}" (did you mean ${trackingCode}?)\n`);

  const closed = await runAula(['activity', 'close', capitals, '--data-dir', dataDir]);
  assert.equal(closed.code, 1);
  assert.equal(closed.stderr, `aula: No activity with tracking code "${capitals}" (did you mean ${trackingCode}?). See: aula activity list\n`);

  // A code like none of them is refused as before, without a guess.
  const unrelated = await runAula(['export', '--activity', 'zzzzzzzz', '--data-dir', dataDir]);
  assert.equal(unrelated.stderr, 'aula: No activity with tracking code "zzzzzzzz"\n');
});

test('aula export --format xapi is refused in words, naming the formats that hold xAPI statements', async () => {
  const dataDir = tempDir();
  assert.equal((await runAula(['activity', 'create', '--name', 'Fractions 3B', '--data-dir', dataDir])).code, 0);
  const run = await runAula(['export', '--format', 'xapi', '--data-dir', dataDir]);
  assert.equal(run.code, 1);
  assert.equal(
    run.stderr,
    'aula: --format: "xapi" is not a format: use ndjson (xAPI statements, one a line), json (an xAPI array), csv, traces-csv or zip\n',
  );
  assert.equal(run.stdout, '');
});
