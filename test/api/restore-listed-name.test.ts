import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

const ok = async (args: string[]) => {
  const run = await runAula(args);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
};

test('aula restore takes a backup by the name aula backup list and Settings show, from the data folder\'s backups/', async () => {
  const dataDir = tempDir();
  const { trackingCode } = JSON.parse(await ok(['activity', 'create', '--name', 'Fractions 3B', '--json', '--data-dir', dataDir])) as {
    trackingCode: string;
  };
  // Closing the lesson keeps an automatic backup; an activity created afterwards is not in it.
  await ok(['activity', 'close', trackingCode, '--data-dir', dataDir]);
  const { backups } = JSON.parse(await ok(['backup', 'list', '--json', '--data-dir', dataDir])) as { backups: Array<{ name: string }> };
  const name = backups[0]?.name as string;
  await ok(['activity', 'create', '--name', 'Created after the backup', '--data-dir', dataDir]);

  // Typed as listed, it was looked for in the folder the command ran in: "No backup file at <cwd>/aula-….sqlite".
  const restored = await runAula(['restore', name, '--data-dir', dataDir]);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, new RegExp(`Restored ${path.join(dataDir, 'backups', name).replace(/[.]/g, '\\.')} into `));
  const activities = JSON.parse(await ok(['activity', 'list', '--json', '--data-dir', dataDir])) as Array<{ name: string }>;
  assert.deepEqual(
    activities.map((activity) => activity.name),
    ['Fractions 3B'],
  );

  // A name of no backup is refused as before, naming where it was looked for.
  const missing = await runAula(['restore', 'aula-none.sqlite', '--data-dir', dataDir]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^aula: No backup file at .*aula-none\.sqlite\n$/);
});
