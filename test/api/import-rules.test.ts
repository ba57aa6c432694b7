import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import yauzl from 'yauzl';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { ImportReport } from '../../server/import/import-report.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';
import { type Classroom, seedClassroom } from './export-support.js';

// Issue 10: an activity's rules are stored with it and travel with it in the zip bundle.

type Json = Record<string, unknown>;
let laptopA: Collector;
let laptopB: Collector;
let classroom: Classroom;

const mathsRules = {
  idle: { enabled: true, minutes: 5, severity: 'warning' },
  wrongAnswers: { enabled: true, inARow: 2, total: null, severity: 'alert' },
  custom: [
    {
      id: 'door',
      enabled: true,
      name: 'Opened the door three times',
      verb: 'http://adlnet.gov/expapi/verbs/interacted',
      objectType: 'item',
      condition: 'any',
      count: 3,
      windowMinutes: null,
      severity: 'warning',
    },
  ],
};
const tunedHere = { idle: { enabled: true, minutes: 1, severity: 'alert' } };
const historyRules = { quit: { enabled: true, severity: 'alert' } };

async function rules(collector: Collector, activityId: string): Promise<Json> {
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/rules`);
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { rules: Json }).rules;
}

async function setRules(collector: Collector, activityId: string, settings: unknown): Promise<Json> {
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/rules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { rules: Json }).rules;
}

async function exportBundle(collector: Collector, name: string): Promise<string> {
  const file = path.join(tempDir('aula-rules-bundle-'), name);
  await exportToFile(collector.config.dataDir, collector.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), file, undefined);
  return file;
}

/** Through the dashboard's import (raw zip body), as a teacher would. */
async function importInto(collector: Collector, file: string): Promise<ImportReport> {
  const answer = await request(`${collector.url}/admin/api/data/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: fs.readFileSync(file),
  });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { report: ImportReport }).report;
}

async function bundleActivities(file: string): Promise<Json[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'activities.ndjson') continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks)
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Json);
    }
  } finally {
    zip.close();
  }
  throw new Error('no activities.ndjson in the bundle');
}

function rulesInDatabase(collector: Collector): Array<{ id: string; rules: string | null }> {
  return collector.context.db.prepare('SELECT id, rules FROM activities ORDER BY id').all() as Array<{ id: string; rules: string | null }>;
}

before(async () => {
  laptopA = await startTestCollector();
  classroom = await seedClassroom(laptopA);
  laptopB = await startTestCollector();
});
after(async () => {
  await laptopA.close();
  await laptopB.close();
});

describe('activity rules in the zip bundle', () => {
  let first: string;
  let mathsOnA: Json;

  test('the bundle carries each activity’s rules as an object, null for an activity without any', async () => {
    mathsOnA = await setRules(laptopA, classroom.maths.id, mathsRules);
    first = await exportBundle(laptopA, 'first.zip');
    const activities = new Map((await bundleActivities(first)).map((row) => [row.id, row]));
    assert.deepEqual(activities.get(classroom.maths.id)?.rules, mathsOnA);
    assert.equal(activities.get(classroom.history.id)?.rules, null);
  });

  test('importing it on another laptop gives the new activities the same rules', async () => {
    const report = await importInto(laptopB, first);
    assert.equal(report.added.activities, 2);
    assert.deepEqual(await rules(laptopB, classroom.maths.id), mathsOnA);
    assert.deepEqual(await rules(laptopB, classroom.history.id), await rules(laptopA, classroom.history.id));
    assert.equal(rulesInDatabase(laptopB).find((row) => row.id === classroom.history.id)?.rules, null);
  });

  test('importing the same bundle again changes nothing', async () => {
    const before = rulesInDatabase(laptopB);
    const report = await importInto(laptopB, first);
    assert.equal(report.changed, false);
    assert.equal(report.alreadyThere.activities, 2);
    assert.deepEqual(rulesInDatabase(laptopB), before);
  });

  test('an activity here keeps the rules set here; one without rules takes the bundle’s', async () => {
    const tunedOnB = await setRules(laptopB, classroom.maths.id, tunedHere);
    const historyOnA = await setRules(laptopA, classroom.history.id, historyRules);
    const second = await exportBundle(laptopA, 'second.zip');

    const report = await importInto(laptopB, second);
    assert.equal(report.changed, true);
    assert.deepEqual(await rules(laptopB, classroom.maths.id), tunedOnB);
    assert.deepEqual(await rules(laptopB, classroom.history.id), historyOnA);
    const notes = report.notes.filter((note) => note.type === 'rules').map((note) => `${note.id} ${note.message}`);
    assert.deepEqual(notes.sort(), [
      `${classroom.history.id} "History 2A": had no rules here; took the bundle's`,
      `${classroom.maths.id} "Maths 3B": kept the rules set here; the bundle's differ`,
    ].sort());

    const before = rulesInDatabase(laptopB);
    const again = await importInto(laptopB, second);
    assert.equal(again.changed, false);
    assert.deepEqual(rulesInDatabase(laptopB), before);
  });
});
