import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startOk, statementS, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const ok = async (args: string[]) => {
  const run = await runAula(args);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
};

test('closing an activity already closed says so and keeps no other backup; opening an open one says so too', async () => {
  const dataDir = tempDir();
  const { trackingCode } = JSON.parse(await ok(['activity', 'create', '--name', 'Fractions 3B', '--json', '--data-dir', dataDir])) as {
    trackingCode: string;
  };
  const backups = async () => (JSON.parse(await ok(['backup', 'list', '--json', '--data-dir', dataDir])) as { backups: unknown[] }).backups.length;

  assert.match(await ok(['activity', 'close', trackingCode, '--data-dir', dataDir]), /is now closed\.\nBackup kept: /);
  assert.equal(await backups(), 1);
  // Each repeated close made another backup ("is now closed"), and five of them rotated every earlier backup away.
  assert.equal(await ok(['activity', 'close', trackingCode, '--data-dir', dataDir]), `Activity Fractions 3B (${trackingCode}) is already closed.\n`);
  assert.equal(await backups(), 1);

  assert.equal(await ok(['activity', 'open', trackingCode, '--data-dir', dataDir]), `Activity Fractions 3B (${trackingCode}) is now open.\n`);
  assert.equal(await ok(['activity', 'open', trackingCode, '--data-dir', dataDir]), `Activity Fractions 3B (${trackingCode}) is already open.\n`);
});

test('aula activity delete of an activity with data ends with the command that closes it, as a sentence of its own', async () => {
  const dataDir = tempDir();
  const { trackingCode } = JSON.parse(await ok(['activity', 'create', '--name', 'Played', '--json', '--data-dir', dataDir])) as { trackingCode: string };
  const serve = await startServe(dataDir);
  try {
    const started = await startOk(serve.url, trackingCode);
    assert.equal((await track(serve.url, started.authToken, [statementS(started.actor)])).status, 200);
  } finally {
    await serve.stop();
  }
  const refused = await runAula(['activity', 'delete', trackingCode, '--data-dir', dataDir]);
  assert.equal(refused.code, 1);
  // It read "…erase its data first (…), then delete it: aula activity close CODE".
  assert.match(refused.stderr, new RegExp(`then delete it\\. To close it: aula activity close ${trackingCode}\\n$`));
});
