import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportReport } from '../../server/import/import-report.js';
import { openDatabase } from '../../server/store/open-database.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { classroomBundle } from './export-support.js';

// A student withdraws consent after the researcher merged the classroom laptop's bundle into the central laptop:
// the researcher erases the student there, then re-runs the imports of the bundles collected so far.

const statementCount = (dataDir: string): number => {
  const db = openDatabase(dataDir, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

test('a player erased here does not come back when a bundle made before the erasure is imported again', async () => {
  const { classroom, bundle } = await classroomBundle();
  const { starts, sent, history } = classroom;
  const total = sent.reduce((sum, n) => sum + n, 0);

  const central = tempDir();
  const first = await aulaWithInput(['import', bundle, '--json', '--data-dir', central]);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(statementCount(central), total);

  // Everywhere: the first maths player (two sessions, 5 + 4 statements). In one activity: the history player (6), whose
  // only activity it is: his player record goes with the last of his data, and stays out of later imports too.
  const [ana, , , carlos] = starts;
  assert.ok(ana && carlos);
  const erasedEverywhere = await aulaWithInput(['player', 'erase', ana.playerId, '--yes', '--data-dir', central]);
  assert.equal(erasedEverywhere.code, 0, erasedEverywhere.stderr);
  const erasedInHistory = await aulaWithInput(['player', 'erase', carlos.playerId, '--activity', history.trackingCode, '--yes', '--data-dir', central]);
  assert.equal(erasedInHistory.code, 0, erasedInHistory.stderr);
  const left = total - 5 - 4 - 6;
  assert.equal(statementCount(central), left);

  const again = await aulaWithInput(['import', bundle, '--json', '--data-dir', central]);
  assert.equal(again.code, 0, again.stderr);
  const report = JSON.parse(again.stdout) as ImportReport;
  assert.equal(statementCount(central), left, 'nothing erased came back');
  assert.equal(report.added.statements, 0);
  assert.equal(report.added.players, 0);
  assert.equal(report.added.sessions, 0);
  assert.equal(report.alreadyThere.statements, left);
  const erasedNotes = report.notes.filter((note) => note.message === 'erased here (aula player erase or aula activity erase): not imported again');
  assert.equal(erasedNotes.filter((note) => note.kind === 'players').length, 2);
  assert.equal(erasedNotes.filter((note) => note.kind === 'sessions').length, 3);
  assert.equal(erasedNotes.filter((note) => note.kind === 'statements').length, 15);
  const noAna = await aulaWithInput(['export', '--player', ana.playerId, '--data-dir', central]);
  assert.equal(noAna.code, 1);
  assert.match(noAna.stderr, /No player/);

  // The people reading the CLI's table learn why rows were left out.
  const table = await aulaWithInput(['import', bundle, '--data-dir', central]);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /^22 row\(s\) skipped\.$/m);
  assert.match(table.stdout, /skipped players \S+: erased here \(aula player erase or aula activity erase\): not imported again/);
  assert.match(table.stdout, /\nNothing changed: the rest of this bundle was already here\.\n$/);
});
