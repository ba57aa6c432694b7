import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { ActivityResults } from '../../server/admin/api-types.js';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { databaseFile } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { aula } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/** A student's answers to one question, as the trackers send them (`selected` with `result.success`). */
function answers(start: StartAnswer, question: string, outcomes: boolean[]): unknown[] {
  return outcomes.map((success, i) => ({
    actor: start.actor,
    verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
    object: { id: `${start.objectId}/question/${question}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/question' } },
    timestamp: new Date(Date.UTC(2026, 10, 27, 9, 0, i)).toISOString(),
    result: { success, response: success ? 'right' : 'wrong' },
  }));
}

async function answered(collector: Collector, start: StartAnswer, question: string, outcomes: boolean[]): Promise<void> {
  const answer = await track(collector.url, start.authToken, answers(start, question, outcomes));
  assert.equal(answer.status, 200, answer.text);
}

/** What the Results screen shows: per student (by animal name), correct / incorrect. */
async function shownResults(collector: Collector, activityId: string): Promise<Record<string, [number, number]>> {
  const engine = rulesEngineFor(collector.context);
  await engine.caughtUp;
  await engine.flush();
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/results`);
  assert.equal(answer.status, 200, answer.text);
  const results = answer.json as ActivityResults;
  return Object.fromEntries(results.students.map((student) => [student.player.animalName, [student.correct, student.incorrect]]));
}

/**
 * What a crash (power cut, SIGKILL) within a second of the last answers leaves: the statements are stored, the
 * results that were still in memory are not. test/reliability/crash.test.ts kills a real process for this; here the
 * store is put in that state directly so that an import can come in between.
 */
function loseResultsInMemory(dataDir: string): void {
  withDatabase(dataDir, (db) =>
    db.exec("DELETE FROM results; DELETE FROM answer_counts; UPDATE settings SET value = '0' WHERE key = 'results_through_seq'"),
  );
}

test('results missed by a crash are folded at the next start, once; an imported bundle is not counted twice', async () => {
  // Another laptop's class, brought over as a bundle after the crash.
  const laptopA = await startTestCollector();
  const imported = makeActivity(laptopA.context.db, { name: 'Imported class' });
  const visitor = await startOk(laptopA.url, imported.trackingCode);
  await answered(laptopA, visitor, 'q1', [true, true]);
  const bundle = path.join(tempDir('aula-bundle-'), 'laptop-a.zip');
  await laptopA.close();
  await exportToFile(laptopA.config.dataDir, laptopA.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);

  const dataDir = tempDir();
  const before = await startTestCollector({ dataDir });
  const activity = makeActivity(before.context.db, { name: 'Quiz' });
  const ana = await startOk(before.url, activity.trackingCode);
  const ben = await startOk(before.url, activity.trackingCode);
  await answered(before, ana, 'q1', [true, false, true]);
  await answered(before, ben, 'q1', [false]);
  await before.close();
  loseResultsInMemory(dataDir);
  await aula(['import', bundle, '--data-dir', dataDir]);

  const after = await startTestCollector({ dataDir });
  const expected = { [ana.playerAnimalName]: [2, 1], [ben.playerAnimalName]: [0, 1] };
  assert.deepEqual(await shownResults(after, activity.id), expected, 'the crashed class has its results back');
  assert.deepEqual(await shownResults(after, imported.id), { [visitor.playerAnimalName]: [2, 0] }, 'the import folded its own, once');
  await after.close();

  const again = await startTestCollector({ dataDir });
  assert.deepEqual(await shownResults(again, activity.id), expected, 'a later start folds nothing a second time');
  assert.deepEqual(await shownResults(again, imported.id), { [visitor.playerAnimalName]: [2, 0] });
  await again.close();
});

/** Runs SQL on the data folder's database from a connection of the test's own, as another program would. */
function withDatabase<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(dataDir));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const storedThrough = (db: Database.Database) =>
  Number((db.prepare("SELECT value FROM settings WHERE key = 'results_through_seq'").get() as { value: string } | undefined)?.value ?? 0);

test('a write of results and alerts that fails is tried again with the next one: nothing is lost, nothing counted twice', async () => {
  const dataDir = tempDir();
  const collector = await startTestCollector({ dataDir });
  const activity = makeActivity(collector.context.db, { name: 'Quiz' });
  const rules = await request(`${collector.url}/admin/api/activities/${activity.id}/rules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ wrongAnswers: { enabled: true, inARow: 2 } }),
  });
  assert.equal(rules.status, 200, rules.text);
  const engine = rulesEngineFor(collector.context);
  await engine.caughtUp;
  const ana = await startOk(collector.url, activity.trackingCode);
  // Every write of results fails for now, as a full disk would fail it: the whole transaction is rolled back, the
  // alerts written with the results too.
  withDatabase(dataDir, (db) => db.exec("CREATE TRIGGER refuse_results BEFORE INSERT ON results BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
  const throughBefore = withDatabase(dataDir, storedThrough);
  await answered(collector, ana, 'q1', [true, false, false]);
  await engine.flush();
  withDatabase(dataDir, (db) => {
    assert.equal((db.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n, 0, 'the failed write stored nothing');
    assert.equal((db.prepare('SELECT count(*) AS n FROM alerts').get() as { n: number }).n, 0, 'not even the alert');
    assert.equal(storedThrough(db), throughBefore, 'nor claimed the statements it did not fold');
  });

  withDatabase(dataDir, (db) => db.exec('DROP TRIGGER refuse_results'));
  await answered(collector, ana, 'q1', [false]);
  const expected = { [ana.playerAnimalName]: [1, 3] };
  assert.deepEqual(await shownResults(collector, activity.id), expected, 'the failed write’s answers come with the next one');
  const alerts = await request(`${collector.url}/admin/api/alerts?activity=${activity.id}`);
  const shown = alerts.json as { students: Array<{ player: { animalName: string }; items: Array<{ rule: string }> }> };
  assert.deepEqual(
    shown.students.map((student) => [student.player.animalName, student.items.map((item) => item.rule)]),
    [[ana.playerAnimalName, ['wrong-in-a-row']]],
    'and so does the alert raised meanwhile',
  );
  await collector.close();

  const again = await startTestCollector({ dataDir });
  assert.deepEqual(await shownResults(again, activity.id), expected, 'and the next start folds nothing a second time');
  await again.close();
});
