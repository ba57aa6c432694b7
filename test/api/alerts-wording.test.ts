import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AlertItem } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, request } from '../support/http.js';
import { type StartAnswer, seriousGameStatement, startOk, trackTaken } from '../support/rage.js';
import { xapiEndpoint, statement as xapiStatement } from './xapi-support.js';

const MIN = 60_000;
let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
let collector: Collector;
before(async () => {
  collector = await startTestCollector({ now: () => clock });
});
after(() => collector.close());

const statement = (start: StartAnswer, verb: string, type: string, name: string, result?: unknown) =>
  seriousGameStatement(start, verb, type, name, clock, result);

const send = (start: StartAnswer, ...statements: unknown[]) => trackTaken(collector.url, start.authToken, statements);

async function end(start: StartAnswer) {
  const answer = await request(`${collector.url}/api/collector/end`, { method: 'POST', headers: { Authorization: start.authToken } });
  assert.equal(answer.status, 200, answer.text);
}

/** Every active alert of the activity as the admin API gives it: its English message and its wording as data. */
async function shown(activityId: string): Promise<Array<Pick<AlertItem, 'message' | 'wording'>>> {
  await rulesEngineFor(collector.context).flush();
  const answer = await adminApi(collector.url, `/alerts?activity=${activityId}`);
  assert.equal(answer.status, 200, answer.text);
  const { students } = answer.json as { students: Array<{ items: AlertItem[] }> };
  return students.flatMap((s) => s.items.map(({ message, wording }) => ({ message, wording }))).sort((a, b) => a.message.localeCompare(b.message));
}

test('an alert raised by real statements carries its wording as data, beside the same English message as before', async () => {
  const activity = createActivity(collector.context.db, { name: 'Wording', game: 'Math Quest' });
  const rules = await adminApi(
    collector.url,
    `/activities/${activity.id}/rules`,
    {
      idle: { enabled: true, minutes: 0.5 },
      noProgress: { enabled: true, minutes: 2.5 },
      wrongAnswers: { enabled: true, inARow: 2, total: 3 },
      lowScore: { enabled: true, below: 0.5 },
      quit: { enabled: true },
      custom: [{ id: 'hints', name: 'Asked for hints', verb: 'interacted', objectType: 'item', count: 2, windowMinutes: 1.5 }],
    },
    'PUT',
  );
  assert.equal(rules.status, 200, rules.text);

  // Ana answers wrong three times and scores low on a level.
  const ana = await startOk(collector.url, activity.trackingCode);
  const wrong = (question: string, response?: string) =>
    statement(ana, 'selected', 'question', question, response ? { response, success: false } : { success: false });
  await send(
    ana,
    statement(ana, 'initialized', 'level', 'level1'),
    wrong('q1', 'A'),
    wrong('q2', 'C'),
    wrong('q3'),
    statement(ana, 'completed', 'level', 'level1', { completion: true, score: { raw: 3, min: 0, max: 10 } }),
  );
  // Cy asks for hints twice and quits with a level open; Dan quits having done nothing.
  const cy = await startOk(collector.url, activity.trackingCode);
  await send(cy, statement(cy, 'initialized', 'level', 'level2'), statement(cy, 'interacted', 'item', 'hint'), statement(cy, 'interacted', 'item', 'hint'));
  await end(cy);
  const dan = await startOk(collector.url, activity.trackingCode);
  await send(dan, statement(dan, 'accessed', 'screen', 'menu'));
  await end(dan);
  assert.deepEqual(await shown(activity.id), [
    { message: '2 wrong answers in a row (last: q2 → C)', wording: { rule: 'wrongInARow', values: { count: 2, object: 'q2', response: 'C' } } },
    { message: '3 wrong answers in this session (last: q3)', wording: { rule: 'wrongTotal', values: { count: 3, object: 'q3' } } },
    { message: 'Asked for hints 2 times within 1.5 min', wording: { rule: 'custom', values: { name: 'Asked for hints', count: 2, minutes: 1.5 } } },
    { message: 'Quit without completing anything', wording: { rule: 'quitAnything', values: {} } },
    { message: 'Quit without completing level2', wording: { rule: 'quit', values: { object: 'level2' } } },
    { message: 'Scored 0.3 on level1 (below 0.5)', wording: { rule: 'lowScore', values: { score: 0.3, object: 'level1', threshold: 0.5 } } },
  ]);

  // Ben's progress stops at 42 % and his game goes silent: the clock's rules.
  const ben = await startOk(collector.url, activity.trackingCode);
  const progress = { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.42 } };
  await send(ben, statement(ben, 'progressed', 'level', 'level1', progress));
  clock += 2.5 * MIN;
  rulesEngineFor(collector.context).tick();
  const ofClock = (await shown(activity.id)).filter((item) => item.wording?.rule === 'idle' || item.wording?.rule === 'noProgress');
  assert.deepEqual(ofClock, [
    // Ana's game has been silent as long (her session is not ended): seconds under a minute.
    { message: 'Idle for 30 s or more', wording: { rule: 'idle', values: { minutes: 0.5 } } },
    { message: 'Idle for 30 s or more', wording: { rule: 'idle', values: { minutes: 0.5 } } },
    // Ana's game never said its progress: no percent.
    { message: 'No progress for 2.5 min', wording: { rule: 'noProgress', values: { minutes: 2.5 } } },
    { message: 'No progress for 2.5 min (at 42 %)', wording: { rule: 'noProgress', values: { minutes: 2.5, percent: 42 } } },
  ]);
  const stored = collector.context.db
    .prepare("SELECT wording FROM alerts WHERE activity_id = ? AND rule_key = 'no-progress' ORDER BY wording")
    .all(activity.id) as Array<{ wording: string }>;
  assert.deepEqual(
    stored.map((row) => JSON.parse(row.wording)),
    [
      { rule: 'noProgress', values: { minutes: 2.5, percent: 42 } },
      { rule: 'noProgress', values: { minutes: 2.5 } },
    ],
    'stored with the alert',
  );
});

test("an xAPI game's name for the object is in the wording as in the message, in the laptop's language", async () => {
  const xapi = xapiEndpoint(collector, 'Named');
  const rules = await adminApi(collector.url, `/activities/${xapi.activityId}/rules`, { lowScore: { enabled: true, below: 0.5 } }, 'PUT');
  assert.equal(rules.status, 200, rules.text);
  const level = {
    objectType: 'Activity',
    id: 'http://example.com/quiz/level/l1',
    definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level', name: { 'en-US': 'First level' } },
  };
  const completed = xapiStatement({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: level, result: { completion: true, score: { scaled: 0.3 } } });
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify([completed]) });
  assert.equal(posted.status, 200, posted.text);
  assert.deepEqual(await shown(xapi.activityId), [
    { message: 'Scored 0.3 on First level (below 0.5)', wording: { rule: 'lowScore', values: { score: 0.3, object: 'First level', threshold: 0.5 } } },
  ]);
});

test('an alert stored before Aula kept the wording has none: the dashboard shows its English message', async () => {
  const activity = createActivity(collector.context.db, { name: 'Stored before', game: 'Math Quest' });
  const eve = await startOk(collector.url, activity.trackingCode);
  await send(eve, statement(eve, 'accessed', 'screen', 'menu'));
  const { db } = collector.context;
  const session = db.prepare('SELECT s.id, s.player_id AS playerId FROM sessions s WHERE s.activity_id = ?').get(activity.id) as {
    id: number;
    playerId: string;
  };
  // As migration 21 leaves the alerts raised before it.
  db.prepare(
    `INSERT INTO alerts (activity_id, session_id, player_id, rule_key, severity, message, raised) VALUES (?, ?, ?, 'idle', 'warning', ?, ?)`,
  ).run(activity.id, session.id, session.playerId, 'Idle for 3 min or more', new Date(clock).toISOString());
  assert.deepEqual(await shown(activity.id), [{ message: 'Idle for 3 min or more', wording: null }]);
  const onPage = await adminApi(collector.url, `/players/${encodeURIComponent(session.playerId)}/alerts`);
  assert.deepEqual(
    (onPage.json as { alerts: AlertItem[] }).alerts.map(({ message, wording }) => ({ message, wording })),
    [{ message: 'Idle for 3 min or more', wording: null }],
  );
});
