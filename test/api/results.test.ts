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

async function loginToken(username: string): Promise<string> {
  const answer = await postJson(`${collector.url}/api/login`, { username, password: `${username}-pw` });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { user: { token: string } }).user.token;
}

function scored(start: StartAnswer, level: string, score: number): Record<string, unknown> {
  return {
    actor: start.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: `${start.objectId}/level/${level}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
    result: { score: { raw: score } },
  };
}

test('results list students by their shown name and levels in numeric order, as a teacher reads them', async () => {
  const { db, writer } = collector.context;
  const group = await writer.run((tx) => createClass(tx, '5B'));
  const usernames = ['student10', 'student9', 'student2'];
  await createAccounts(
    db,
    (job) => writer.run(job),
    group.id,
    usernames.map((username) => ({ username, password: `${username}-pw` })),
  );
  const activity = makeActivity(db, { name: 'Levels', classId: group.id, allowAnonymous: false });

  // Levels arrive out of order, and level10 sorts before level2 as text.
  for (const [position, username] of usernames.entries()) {
    const start = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${await loginToken(username)}` } });
    const levels = ['level10', 'level2', 'level1'].map((level, index) => scored(start, level, 10 * position + index));
    assert.equal((await track(collector.url, start.authToken, levels)).status, 200);
  }

  const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/results`);
  assert.equal(answer.status, 200, answer.text);
  const results = answer.json as ActivityResults;
  assert.deepEqual(
    results.students.map((student) => student.player.username),
    ['student2', 'student9', 'student10'],
  );
  for (const student of results.students) {
    assert.deepEqual(
      student.objects.map((object) => object.name),
      ['level1', 'level2', 'level10'],
    );
  }
  assert.deepEqual(
    results.aggregates.objects.map((object) => [object.name, object.completed]),
    [
      ['level1', 3],
      ['level2', 3],
      ['level10', 3],
    ],
  );
  // student2 sent level10 with 20 + 0: each student's own scores stay with them once sorted.
  const student2 = results.students[0];
  assert.deepEqual(
    student2?.objects.map((object) => object.bestScore),
    [22, 21, 20],
  );

  // The CSV download lists the students in the same order.
  const csv = await request(`${collector.url}/admin/api/activities/${activity.id}/results.csv`);
  assert.equal(csv.status, 200);
  const order = ['student2', 'student9', 'student10'].map((name) => csv.text.indexOf(name));
  assert.ok(order.every((at) => at > 0) && order[0]! < order[1]! && order[1]! < order[2]!, csv.text);
  // For Excel (UTF-8 names) a byte-order mark first, as the statements CSV has; player_id joins it with that export.
  // (fetch's text() drops a byte-order mark: the bytes are read as they are.)
  const bytes = Buffer.from(await (await fetch(`${collector.url}/admin/api/activities/${activity.id}/results.csv`)).arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const [header, ...rows] = csv.text.trim().split(/\r?\n/);
  // player_id, then other_class (added after it; empty for players of no class's activity).
  assert.deepEqual(header?.split(',').slice(-2), ['player_id', 'other_class']);
  // Students by username, as the export's player_id names them (results-csv-player-id.test.ts joins the two).
  assert.deepEqual(
    rows.map((row) => row.split(',').at(-2)),
    ['student2', 'student9', 'student10'],
  );
});

test("a student's last score is the latest one sent, even after another level is visited again", async () => {
  const activity = makeActivity(collector.context.db, { name: 'Quizzes' });
  const start = await startOk(collector.url, activity.trackingCode);
  const readLastScore = async () => {
    const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/results`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as ActivityResults).students[0]?.lastScore;
  };
  const revisit = {
    actor: start.actor,
    verb: { id: 'https://w3id.org/xapi/seriousgames/verbs/accessed' },
    object: { id: `${start.objectId}/level/quiz1`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
  };

  assert.equal((await track(collector.url, start.authToken, [scored(start, 'quiz1', 3)])).status, 200);
  assert.equal(await readLastScore(), 3);
  // Two scores in one batch: the later statement's.
  assert.equal((await track(collector.url, start.authToken, [scored(start, 'quiz2', 9), scored(start, 'quiz3', 5)])).status, 200);
  assert.equal(await readLastScore(), 5);
  // quiz1 visited again, without a score: its row changes, the last score does not.
  assert.equal((await track(collector.url, start.authToken, [revisit])).status, 200);
  assert.equal(await readLastScore(), 5);
  // A later session with a score replaces it.
  const again = await startOk(collector.url, activity.trackingCode, { body: { anonymous: start.playerId } });
  assert.equal((await track(collector.url, again.authToken, [scored(again, 'quiz1', 8)])).status, 200);
  assert.equal(await readLastScore(), 8);
});

test("a game that sends completed on its serious-game (as the trackers do, without result.completion) counts as finished", async () => {
  const activity = makeActivity(collector.context.db, { name: 'Whole game' });
  const finisher = await startOk(collector.url, activity.trackingCode);
  const quitter = await startOk(collector.url, activity.trackingCode);
  // The shape js-tracker sends (fixtures/real-clients/js-tracker-12afa09-node-track-500-resend.jsonl).
  const game = (start: typeof finisher, verb: string, result?: Record<string, unknown>) => ({
    actor: start.actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: `${start.objectId}/game/g`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/serious-game' } },
    timestamp: new Date().toISOString(),
    ...(result ? { result } : {}),
  });
  assert.equal((await track(collector.url, finisher.authToken, [game(finisher, 'initialized'), game(finisher, 'completed', { success: true, score: { raw: 1 } })])).status, 200);
  // A level completed is not the game completed.
  assert.equal((await track(collector.url, quitter.authToken, [game(quitter, 'initialized'), scored(quitter, 'level1', 1)])).status, 200);

  const sessions = await request(`${collector.url}/admin/api/activities/${activity.id}/sessions`);
  assert.equal(sessions.status, 200, sessions.text);
  const completionOf = new Map(
    (sessions.json as { sessions: Array<{ player: { id: string; animalName: string }; completion: boolean | null }> }).sessions.map((s) => [s.player.animalName, s.completion]),
  );
  assert.equal(completionOf.get(finisher.playerAnimalName), true);
  assert.equal(completionOf.get(quitter.playerAnimalName), null);

  const results = (await request(`${collector.url}/admin/api/activities/${activity.id}/results`)).json as ActivityResults;
  assert.equal(results.aggregates.completionRate, 0.5);
  assert.deepEqual(
    results.students.map((s) => [s.player.animalName, s.finished]).sort(),
    [
      [finisher.playerAnimalName, true],
      [quitter.playerAnimalName, false],
    ].sort(),
  );
});

test("a level's result.completion is not the game's: the session stays unfinished until the game itself is completed", async () => {
  const activity = makeActivity(collector.context.db, { name: 'Level completion' });
  const student = await startOk(collector.url, activity.trackingCode);
  // What js-tracker sends after setVar('completion', true) on a level's Completed, and what xAPI clients send.
  const level = { ...scored(student, 'level1', 1), result: { completion: true, success: true, score: { raw: 1 } } };
  assert.equal((await track(collector.url, student.authToken, [level])).status, 200);
  const completion = async () => {
    const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/sessions`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as { sessions: Array<{ completion: boolean | null }> }).sessions[0]?.completion;
  };
  const finishedRate = async () => ((await request(`${collector.url}/admin/api/activities/${activity.id}/results`)).json as ActivityResults).aggregates.completionRate;
  assert.equal(await completion(), null);
  assert.equal(await finishedRate(), 0);

  const game = {
    actor: student.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: `${student.objectId}/game/g`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/serious-game' } },
    timestamp: new Date().toISOString(),
    result: { completion: true },
  };
  assert.equal((await track(collector.url, student.authToken, [game])).status, 200);
  assert.equal(await completion(), true);
  assert.equal(await finishedRate(), 1);
});

test("a game's own progress is its session's and its student's: the levels' progress does not replace it, and a finished game is 100 %", async () => {
  const activity = makeActivity(collector.context.db, { name: 'Progress' });
  const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';
  const both = await startOk(collector.url, activity.trackingCode);
  const levelsOnly = await startOk(collector.url, activity.trackingCode);
  // The trackers' Completable.Progressed on the game and on a level (real-clients.md §7.1).
  const progressed = (start: StartAnswer, type: 'serious-game' | 'level', progress: number) => ({
    actor: start.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${start.objectId}/${type}/x`, definition: { type: `https://w3id.org/xapi/seriousgames/activity-types/${type}` } },
    timestamp: new Date().toISOString(),
    result: { extensions: { [PROGRESS]: progress } },
  });
  const progressOf = async (start: StartAnswer): Promise<number | null> => {
    const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/sessions`);
    assert.equal(answer.status, 200, answer.text);
    const sessions = (answer.json as { sessions: Array<{ player: { animalName: string }; progress: number | null }> }).sessions;
    return sessions.find((s) => s.player.animalName === start.playerAnimalName)?.progress ?? null;
  };
  const send = async (start: StartAnswer, statements: unknown[]) => assert.equal((await track(collector.url, start.authToken, statements)).status, 200);

  // A game that reports only its levels still shows their progress.
  await send(levelsOnly, [progressed(levelsOnly, 'level', 0.5)]);
  assert.equal(await progressOf(levelsOnly), 0.5);
  // Before the game has reported one, a level's progress is all there is.
  await send(both, [progressed(both, 'level', 0.3)]);
  assert.equal(await progressOf(both), 0.3);
  // In one batch, a level finished after the game's progress does not make the game look finished.
  await send(both, [progressed(both, 'serious-game', 0.2), progressed(both, 'level', 1)]);
  assert.equal(await progressOf(both), 0.2);
  // Nor in a later batch.
  await send(both, [progressed(both, 'level', 0.9)]);
  assert.equal(await progressOf(both), 0.2);
  await send(both, [progressed(both, 'serious-game', 0.4)]);
  assert.equal(await progressOf(both), 0.4);

  const results = (await request(`${collector.url}/admin/api/activities/${activity.id}/results`)).json as ActivityResults;
  const studentProgress = new Map(results.students.map((s) => [s.player.animalName, s.progress]));
  assert.equal(studentProgress.get(both.playerAnimalName), 0.4);
  assert.equal(studentProgress.get(levelsOnly.playerAnimalName), 0.5);

  // The trackers end the game with `completed` on it and no progress: finished is all the way through.
  const finish = { ...progressed(both, 'serious-game', 0), verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, result: { success: true, score: { raw: 7 } } };
  await send(both, [finish, progressed(both, 'level', 0.1)]);
  assert.equal(await progressOf(both), 1);
  const finished = (await request(`${collector.url}/admin/api/activities/${activity.id}/results`)).json as ActivityResults;
  const student = finished.students.find((s) => s.player.animalName === both.playerAnimalName);
  assert.deepEqual({ progress: student?.progress, finished: student?.finished }, { progress: 1, finished: true });
});

test('an answer re-sent with its id in a later batch is counted once in the results, as it is stored once', async () => {
  const activity = makeActivity(collector.context.db, { name: 'Re-sent answers' });
  const start = await startOk(collector.url, activity.trackingCode);
  const answer = (id: string, question: string, success: boolean) => ({
    id,
    actor: start.actor,
    verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
    object: { id: `${start.objectId}/question/${question}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/question' } },
    timestamp: '2026-11-27T09:00:00.000Z',
    result: { success, response: success ? 'right' : 'wrong' },
  });
  const first = answer('6f1c1a52-6d35-4c8e-9d0b-0a5a4f1f0001', 'q1', true);
  assert.equal((await track(collector.url, start.authToken, [first, answer('6f1c1a52-6d35-4c8e-9d0b-0a5a4f1f0002', 'q2', false)])).status, 200);
  // The game did not get the first answer and sends its first statement again, with a new one.
  assert.equal((await track(collector.url, start.authToken, [first, answer('6f1c1a52-6d35-4c8e-9d0b-0a5a4f1f0003', 'q3', true)])).status, 200);

  const results = (await request(`${collector.url}/admin/api/activities/${activity.id}/results`)).json as ActivityResults;
  const student = results.students.find((s) => s.player.animalName === start.playerAnimalName);
  assert.deepEqual({ correct: student?.correct, incorrect: student?.incorrect }, { correct: 2, incorrect: 1 });
  assert.deepEqual(
    student?.objects.map((object) => [object.name, object.correct]),
    [
      ['q1', 1],
      ['q2', 0],
      ['q3', 1],
    ],
  );
});
