import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportReport } from '../../server/import/import-report.js';
import { openDatabase } from '../../server/store/open-database.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { classroomBundle } from './export-support.js';

// The study on Maths ends: the researcher erases that activity's data on the central laptop, then re-runs the imports
// of the bundles collected so far. Nothing of Maths may come back; History is untouched.

function count(dataDir: string, sql: string, ...args: unknown[]): number {
  const db = openDatabase(dataDir, { readonly: true });
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
}

test("an activity's erased data does not come back when a bundle made before the erasure is imported again", async () => {
  const { classroom, bundle } = await classroomBundle();
  const { maths, history, sent } = classroom;

  const central = tempDir();
  const first = await aulaWithInput(['import', bundle, '--json', '--data-dir', central]);
  assert.equal(first.code, 0, first.stderr);
  const mathsStatements = (sent[0] ?? 0) + (sent[1] ?? 0) + (sent[2] ?? 0);
  assert.equal(count(central, 'SELECT count(*) AS n FROM statements WHERE activity_id = ?', maths.id), mathsStatements);

  // Imported sessions were played on the other laptop, not here: no wait for them to fall silent.
  const erased = await aulaWithInput(['activity', 'erase', maths.trackingCode, '--yes', '--data-dir', central]);
  assert.equal(erased.code, 0, erased.stderr);
  assert.match(erased.stdout, new RegExp(`^Erased from activity Maths 3B \\(${maths.trackingCode}\\):\\n {2}3 sessions, ${mathsStatements} statements\\n {2}2 players \\(2 of them`));
  assert.match(erased.stdout, /The activity is now closed and empty; delete it with aula activity delete/);
  assert.match(erased.stdout, /Backups made before the erasure still hold the data/);

  const again = await aulaWithInput(['import', bundle, '--json', '--data-dir', central]);
  assert.equal(again.code, 0, again.stderr);
  const report = JSON.parse(again.stdout) as ImportReport;
  assert.deepEqual([report.added.statements, report.added.sessions, report.added.players, report.added.gameplays], [0, 0, 0, 0]);
  assert.equal(count(central, 'SELECT count(*) AS n FROM statements WHERE activity_id = ?', maths.id), 0, 'nothing erased came back');
  assert.equal(count(central, 'SELECT count(*) AS n FROM sessions WHERE activity_id = ?', maths.id), 0);
  assert.equal(count(central, 'SELECT statements AS n FROM activities WHERE id = ?', maths.id), 0);
  assert.equal(count(central, 'SELECT count(*) AS n FROM statements WHERE activity_id = ?', history.id), sent[3]);
});
