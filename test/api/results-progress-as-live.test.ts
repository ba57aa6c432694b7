import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityResults, SessionRow } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, seriousGameStatement, startOk } from '../support/rage.js';
import { nextLesson, sent } from '../support/two-lessons.js';

/**
 * The trackers send a level's progress while it is played, then `completed` on the level with no progress (the real
 * clients' fixtures end that way: "completed level level1"). Live reads 100 % then (README: a level's progress reads
 * 100 % while the last action is `completed` on a level); Results, its JSON and its CSV read the 50 % the game last
 * sent, so a teacher saw the same student half-way on one screen and done on the other.
 */
const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});

after(async () => {
  await collector?.close();
});

const halfWay = (start: StartAnswer) => seriousGameStatement(start, 'progressed', 'level', 'level1', Date.now(), { extensions: { [PROGRESS]: 0.5 } });
const levelDone = (start: StartAnswer) => seriousGameStatement(start, 'completed', 'level', 'level1', Date.now(), { success: true });

/** Each player's progress as Live's JSON gives it (the bar reads it), by animal name. */
async function liveProgress(activityId: string): Promise<Map<string, number | null>> {
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/sessions`);
  assert.equal(answer.status, 200, answer.text);
  return new Map((answer.json as { sessions: SessionRow[] }).sessions.map((session) => [session.player.animalName, session.progress]));
}

async function resultsProgress(activityId: string, query = ''): Promise<Map<string, number | null>> {
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/results${query}`);
  assert.equal(answer.status, 200, answer.text);
  return new Map((answer.json as ActivityResults).students.map((student) => [student.player.animalName, student.progress]));
}

/** The CSV's progress cells by its player column (an anonymous player's animal name). */
async function csvProgress(activityId: string, query = ''): Promise<Map<string, string>> {
  const answer = await request(`${collector.url}/admin/api/activities/${activityId}/results.csv${query}`);
  assert.equal(answer.status, 200, answer.text);
  const [header, ...rows] = answer.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const columns = header?.split(',') ?? [];
  return new Map(
    rows.map((row) => {
      const cells = row.split(',');
      return [cells[columns.indexOf('player')] as string, cells[columns.indexOf('progress')] as string];
    }),
  );
}

test("Results, its JSON and its CSV read a completed level's progress as Live does: 100 %", async () => {
  const activity = makeActivity(collector.context.db, { name: 'Levels' });
  const done = await startOk(collector.url, activity.trackingCode);
  const playing = await startOk(collector.url, activity.trackingCode);
  const finished = await startOk(collector.url, activity.trackingCode);
  await sent(collector, done, [halfWay(done)]);
  await sent(collector, finished, [seriousGameStatement(finished, 'completed', 'serious-game', 'g', Date.now(), { success: true })]);
  await sent(collector, done, [levelDone(done)]);
  await sent(collector, playing, [halfWay(playing)]);

  const live = await liveProgress(activity.id);
  assert.equal(live.get(done.playerAnimalName), 1, "Live's rule, as test/e2e/live-level-completed.test.ts reads it");
  assert.equal(live.get(playing.playerAnimalName), 0.5);
  assert.equal(live.get(finished.playerAnimalName), 1);

  const results = await resultsProgress(activity.id);
  assert.equal(results.get(done.playerAnimalName), 1, 'Results says what Live says');
  assert.equal(results.get(playing.playerAnimalName), 0.5, 'a level still being played stays where the game says');
  assert.equal(results.get(finished.playerAnimalName), 1, 'a finished game is all the way through on both');
  const csv = await csvProgress(activity.id);
  assert.equal(csv.get(done.playerAnimalName), '1');
  assert.equal(csv.get(playing.playerAnimalName), '0.5');
  assert.equal(csv.get(finished.playerAnimalName), '1');
});

test("this lesson's Results (?lesson=current) read it as Live does too", async () => {
  const activity = makeActivity(collector.context.db, { name: 'Levels, two lessons' });
  const earlier = await startOk(collector.url, activity.trackingCode);
  await sent(collector, earlier, [halfWay(earlier)]);
  await nextLesson(collector, activity.id);
  const today = await startOk(collector.url, activity.trackingCode);
  await sent(collector, today, [halfWay(today)]);
  await sent(collector, today, [levelDone(today)]);

  assert.equal((await liveProgress(activity.id)).get(today.playerAnimalName), 1);
  const lesson = await resultsProgress(activity.id, '?lesson=current');
  assert.deepEqual([...lesson.entries()], [[today.playerAnimalName, 1]]);
  const csv = await csvProgress(activity.id, '?lesson=current');
  assert.deepEqual([...csv.entries()], [[today.playerAnimalName, '1']]);
});
