import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { type Activity, createActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { runJsTracker } from '../support/js-tracker.js';
import { type StartAnswer, seriousGameStatement, startOk, trackTaken } from '../support/rage.js';

const MIN = 60_000;
let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
let collector: Collector;

async function admin(path: string, init: { method?: string; body?: unknown } = {}) {
  const answer = await request(`${collector.url}/admin/api${path}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  return answer;
}

async function setRules(activity: Activity, rules: unknown) {
  const answer = await admin(`/activities/${activity.id}/rules`, { method: 'PUT', body: rules });
  assert.equal(answer.status, 200, answer.text);
  return answer.json as { rules: Record<string, unknown> };
}

/** What the Alerts & Warnings screen reads, once the engine's grouped writes are committed. */
async function alertsOf(activity: Activity, player?: string) {
  await rulesEngineFor(collector.context).flush();
  const answer = await admin(`/alerts?activity=${activity.id}${player ? `&player=${player}` : ''}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as {
    rulesOn: number;
    students: Array<{ player: { id: string; animalName: string }; alerts: number; warnings: number; items: Array<{ id: number; rule: string; severity: string; message: string }> }>;
    history?: Array<{ rule: string; cleared: string | null; acknowledged: string | null }>;
  };
}

const statement = (start: StartAnswer, verb: string, type: string, name: string, result?: Record<string, unknown>) =>
  seriousGameStatement(start, verb, type, name, clock, result);

const send = (start: StartAnswer, ...statements: unknown[]) => trackTaken(collector.url, start.authToken, statements);

describe('alerts raised live by the rules of an activity', () => {
  before(async () => {
    collector = await startTestCollector({ now: () => clock });
  });
  after(() => collector.close());

  test('rules are off until switched on, stored with the activity, and invalid ones refused', async () => {
    const activity = createActivity(collector.context.db, { name: 'Rules 1', game: 'Quest' });
    const initial = (await admin(`/activities/${activity.id}/rules`)).json as { rules: { idle: { enabled: boolean } } };
    assert.equal(initial.rules.idle.enabled, false);
    const refused = await admin(`/activities/${activity.id}/rules`, { method: 'PUT', body: { wrongAnswers: { inARow: 0 } } });
    assert.equal(refused.status, 400);
    assert.equal((refused.json as { error: { reason: string } }).error.reason, 'invalid-request');
    assert.match((refused.json as { error: { message: string } }).error.message, /^wrongAnswers\.inARow: /);
    await setRules(activity, { idle: { enabled: true, minutes: 4 } });
    const stored = collector.context.db.prepare('SELECT rules FROM activities WHERE id = ?').get(activity.id) as { rules: string };
    assert.equal(JSON.parse(stored.rules).idle.minutes, 4);
    assert.equal((await alertsOf(activity)).rulesOn, 1);
  });

  test('wrong answers in a row, idle and quit: raised, cleared, acknowledged', async () => {
    const activity = createActivity(collector.context.db, { name: 'Fractions', game: 'Math Quest' });
    await setRules(activity, {
      idle: { enabled: true, minutes: 2 },
      wrongAnswers: { enabled: true, inARow: 2 },
      quit: { enabled: true },
    });
    const ana = await startOk(collector.url, activity.trackingCode);
    const ben = await startOk(collector.url, activity.trackingCode);
    await send(ana, statement(ana, 'initialized', 'level', 'level1'), statement(ana, 'selected', 'question', 'q1', { response: 'A', success: false }));
    await send(ben, statement(ben, 'initialized', 'level', 'level1'));
    assert.deepEqual((await alertsOf(activity)).students, []);

    await send(ana, statement(ana, 'selected', 'question', 'q2', { response: 'C', success: false }));
    let view = await alertsOf(activity);
    assert.equal(view.students.length, 1);
    assert.equal(view.students[0]?.player.animalName, ana.playerAnimalName);
    assert.deepEqual(
      view.students[0]?.items.map((i) => [i.rule, i.severity, i.message]),
      [['wrong-in-a-row', 'alert', '2 wrong answers in a row (last: q2 → C)']],
    );

    // Two minutes pass; Ben keeps playing, Ana does not.
    clock += 1.5 * MIN;
    await send(ben, statement(ben, 'progressed', 'level', 'level1'));
    clock += 0.5 * MIN;
    rulesEngineFor(collector.context).tick();
    view = await alertsOf(activity);
    assert.deepEqual(
      view.students.map((s) => [s.player.animalName, s.alerts, s.warnings]),
      [[ana.playerAnimalName, 1, 1]],
      'sorted by severity; Ben is not idle',
    );
    assert.match(view.students[0]?.items[0]?.message ?? '', /^Idle for 2 min/);

    // Ana answers right: both of her alerts clear (she is active, and the run of wrong answers ended).
    await send(ana, statement(ana, 'selected', 'question', 'q3', { response: 'B', success: true }));
    view = await alertsOf(activity, ana.playerId);
    assert.deepEqual(view.students, []);
    const anaId = (collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(ana.playerId) as { id: string }).id;
    const history = (await alertsOf(activity, anaId)).history ?? [];
    assert.deepEqual(history.map((h) => [h.rule, h.cleared !== null]).sort(), [['idle', true], ['wrong-in-a-row', true]]);

    // Ben quits with level1 open; the teacher acknowledges it.
    const end = await request(`${collector.url}/api/collector/end`, { method: 'POST', headers: { Authorization: ben.authToken } });
    assert.equal(end.status, 200, end.text);
    view = await alertsOf(activity);
    assert.deepEqual(view.students.map((s) => s.items.map((i) => i.message)), [['Quit without completing level1']]);
    const count = (await admin('/alerts/count')).json as { alerts: number; warnings: number };
    assert.deepEqual([count.alerts, count.warnings], [0, 1]);
    const id = view.students[0]?.items[0]?.id;
    assert.equal((await admin(`/alerts/${id}/acknowledge`, { method: 'POST' })).status, 200);
    assert.deepEqual((await alertsOf(activity)).students, []);
    assert.deepEqual((await admin('/alerts/count')).json, { alerts: 0, warnings: 0, activities: {} });
    assert.equal((await admin('/alerts/999999/acknowledge', { method: 'POST' })).status, 404);
  });

  test('no progress and the wrong-answer total; acknowledging a whole student', async () => {
    const activity = createActivity(collector.context.db, { name: 'Progress', game: 'Math Quest' });
    await setRules(activity, { noProgress: { enabled: true, minutes: 3 }, wrongAnswers: { enabled: true, inARow: null, total: 2 } });
    const cy = await startOk(collector.url, activity.trackingCode);
    const progress = (value: number) =>
      statement(cy, 'progressed', 'level', 'level1', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': value } });
    await send(cy, progress(0.1));
    clock += 2 * MIN;
    await send(cy, statement(cy, 'selected', 'question', 'q1', { response: 'A', success: false }), statement(cy, 'selected', 'question', 'q1', { response: 'A', success: true }));
    clock += 1 * MIN;
    rulesEngineFor(collector.context).tick();
    await send(cy, statement(cy, 'selected', 'question', 'q2', { response: 'D', success: false }));
    let view = await alertsOf(activity);
    assert.deepEqual(view.students[0]?.items.map((i) => i.message).sort(), [
      '2 wrong answers in this session (last: q2 → D)',
      'No progress for 3 min (at 10 %)',
    ]);
    await send(cy, progress(0.4));
    view = await alertsOf(activity);
    assert.deepEqual(view.students[0]?.items.map((i) => i.rule), ['wrong-total'], 'progress cleared "no progress"');
    const ack = await admin('/alerts/acknowledge', { method: 'POST', body: { activity: activity.id, player: view.students[0]?.player.id } });
    assert.deepEqual(ack.json, { acknowledged: 1 });
    assert.deepEqual((await alertsOf(activity)).students, []);
  });

  test('under the real js-tracker: a custom rule and a low score on its completed level', async () => {
    const activity = createActivity(collector.context.db, { name: 'Real tracker', game: 'Math Quest' });
    await setRules(activity, {
      lowScore: { enabled: true, below: 0.95 },
      custom: [{ id: 'answered', name: 'Answered a question', verb: 'selected', objectType: 'question', count: 1, severity: 'warning' }],
    });
    const run = await runJsTracker(collector.url, activity.trackingCode);
    assert.deepEqual(run.flushed, [true, true]);
    const view = await alertsOf(activity);
    assert.equal(view.students.length, 1);
    assert.deepEqual(view.students[0]?.items.map((i) => [i.severity, i.message]).sort(), [
      ['alert', 'Scored 0.9 on level1 (below 0.95)'],
      ['warning', 'Answered a question'],
    ]);
  });
  test("an alert is written within a fifth of a second; results once a second, not after every batch", async () => {
    const activity = createActivity(collector.context.db, { name: 'Timing', game: 'Quest' });
    await setRules(activity, { wrongAnswers: { enabled: true, inARow: 2 } });
    const start = await startOk(collector.url, activity.trackingCode);
    const { db } = collector.context;
    const rows = (table: 'results' | 'alerts') =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE activity_id = ?`).get(activity.id) as { n: number }).n;
    const within = async (ms: number, done: () => boolean) => {
      const until = performance.now() + ms;
      while (!done() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      return done();
    };

    await send(start, statement(start, 'progressed', 'level', 'level1', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 } }));
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.equal(rows('results'), 0, 'no flush of results for each batch');
    assert.ok(await within(3000, () => rows('results') > 0), 'the results are written within their second');

    const wrong = (question: string, response: string) => statement(start, 'selected', 'question', question, { response, success: false });
    await send(start, wrong('q1', 'A'), wrong('q2', 'B'));
    assert.ok(await within(900, () => rows('alerts') > 0), 'the alert is not held for the results');
  });

  test('a student who finished the game is not reported idle or without progress, also after a restart', async () => {
    const activity = createActivity(collector.context.db, { name: 'Geometry', game: 'Shape Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 2 }, noProgress: { enabled: true, minutes: 3 } });
    const cara = await startOk(collector.url, activity.trackingCode);
    // The trackers send `completed` on the game and seldom end the session: the game stays open on the student's screen.
    await send(cara, statement(cara, 'initialized', 'serious-game', 'shapes'), statement(cara, 'completed', 'serious-game', 'shapes', { success: true }));
    clock += 5 * MIN;
    rulesEngineFor(collector.context).tick();
    assert.deepEqual((await alertsOf(activity)).students, []);

    // The rules remember in memory only: a restart must not forget that she is done.
    const { dataDir } = collector.config;
    await collector.close();
    collector = await startTestCollector({ dataDir, now: () => clock });
    await send(cara, statement(cara, 'accessed', 'screen', 'credits'));
    clock += 5 * MIN;
    rulesEngineFor(collector.context).tick();
    assert.deepEqual((await alertsOf(activity)).students, []);
  });
});
