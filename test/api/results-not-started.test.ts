import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityResults } from '../../server/admin/api-types.js';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});

after(async () => {
  await collector?.close();
});

function completedLevel(start: StartAnswer): Record<string, unknown> {
  return {
    actor: start.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: `${start.objectId}/level/level1`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
    result: { score: { raw: 7 } },
  };
}

/** The CSV's lines as cells (no quoted commas in this one), the byte-order mark left out. */
const rowsOf = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));

test("Results lists the class's students who have not played yet, with no figures, in the screen's answer and the CSV", async () => {
  const { db, writer } = collector.context;
  const group = await writer.run((tx) => createClass(tx, '3B'));
  await createAccounts(db, (job) => writer.run(job), group.id, [
    { username: 'ana', password: 'sol-y-luna' },
    { username: 'carla', password: 'luna-y-sol', name: 'Carla Ruiz' },
    { username: 'ben', password: 'mar-y-tierra' },
    // Not a student of the class: never listed as missing (Live does not either).
    { username: 'tom', password: 'tierra-y-mar', role: 'assistant' },
  ]);
  const activity = makeActivity(db, { name: 'Fractions', classId: group.id });

  const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'sol-y-luna' });
  assert.equal(login.status, 200, login.text);
  const token = (login.json as { user: { token: string } }).user.token;
  const ana = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
  const anonymous = await startOk(collector.url, activity.trackingCode);
  for (const start of [ana, anonymous]) assert.equal((await track(collector.url, start.authToken, [completedLevel(start)])).status, 200);

  const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/results`);
  assert.equal(answer.status, 200, answer.text);
  const results = answer.json as ActivityResults;
  assert.deepEqual(
    results.notStarted.map((s) => [s.username, s.name]),
    [
      ['ben', null],
      ['carla', 'Carla Ruiz'],
    ],
    'by the name shown, as the students who played',
  );
  assert.equal(results.students.length, 2, 'the players who played, as before');
  assert.equal(results.aggregates.students, 2, 'the class figures count those who played');

  const csv = await request(`${collector.url}/admin/api/activities/${activity.id}/results.csv`);
  assert.equal(csv.status, 200, csv.text);
  const [header, ...rows] = rowsOf(csv.text);
  assert.deepEqual(header, [
    'player',
    'kind',
    'name',
    'sessions',
    'minutes_played',
    'progress',
    'finished',
    'completed',
    'correct',
    'incorrect',
    'best_score',
    'last_score',
    'player_id',
    'other_class',
  ]);
  assert.equal(rows.length, 4, csv.text);
  // Those who played first (by name, as before), with their figures: player, sessions, completed.
  assert.deepEqual(
    new Set(rows.slice(0, 2).map((row) => [row[0], row[3], row[7]].join())),
    new Set([`ana,1,1`, `${anonymous.playerAnimalName},1,1`]),
  );
  // Then the students not started: 0 sessions, no figures (not zeros), their username as player_id, no other class.
  assert.deepEqual(rows.slice(2), [
    ['ben', 'identified', '', '0', '', '', '', '', '', '', '', '', 'ben', ''],
    ['carla', 'identified', 'Carla Ruiz', '0', '', '', '', '', '', '', '', '', 'carla', ''],
  ]);
});

test('an activity without a class lists no one as not started', async () => {
  const activity = makeActivity(collector.context.db, { name: 'Open day' });
  const start = await startOk(collector.url, activity.trackingCode);
  assert.equal((await track(collector.url, start.authToken, [completedLevel(start)])).status, 200);
  const results = (await request(`${collector.url}/admin/api/activities/${activity.id}/results`)).json as ActivityResults;
  assert.deepEqual(results.notStarted, []);
  const csv = await request(`${collector.url}/admin/api/activities/${activity.id}/results.csv`);
  assert.deepEqual(
    rowsOf(csv.text)
      .slice(1)
      .map((row) => row[0]),
    [start.playerAnimalName],
  );
});
