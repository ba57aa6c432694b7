import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, } from '../support/http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const ADL = 'http://adlnet.gov/expapi/';

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

const admin = (path: string, init: { method?: string; body?: unknown } = {}) => adminApi(collector.url, path, init.body, init.method);

const ana = { objectType: 'Agent', name: 'Ana', account: { homePage: 'http://school.example/', name: 'ana' } };
/** A question as an xAPI game sends it: named in `definition.name` when `name` is given. */
const question = (id: string, name?: Record<string, string>) => ({
  objectType: 'Activity',
  id: `http://example.com/quiz/question/${id}`,
  definition: { type: `${ADL}activities/question`, ...(name ? { name } : {}) },
});
const answered = (object: ReturnType<typeof question>, response: string) =>
  statement({ actor: ana, verb: { id: `${ADL}verbs/answered` }, object, result: { response, success: false } });

test("an alert names the object as the xAPI game named it, as Results and Live do, and by its id's last part when it did not", async () => {
  const xapi = xapiEndpoint(collector, 'Quiz 3B');
  const rules = await admin(`/activities/${xapi.activityId}/rules`, {
    method: 'PUT',
    body: { wrongAnswers: { enabled: true, inARow: 2, total: 3 }, lowScore: { enabled: true, below: 0.5 } },
  });
  assert.equal(rules.status, 200, rules.text);

  const level = {
    objectType: 'Activity',
    id: 'http://example.com/quiz/level/l1',
    definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level', name: { 'en-US': 'First level' } },
  };
  const statements = [
    answered(question('q1', { 'en-US': 'Question 1' }), 'A'),
    answered(question('q2', { 'en-US': 'Question 2' }), 'C'),
    // A question the game did not name keeps the last part of its id.
    answered(question('q3'), 'B'),
    statement({ actor: ana, verb: { id: `${ADL}verbs/completed` }, object: level, result: { completion: true, score: { scaled: 0.3 } } }),
  ];
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify(statements) });
  assert.equal(posted.status, 200, posted.text);
  await rulesEngineFor(collector.context).flush();

  const alerts = (await admin(`/alerts?activity=${xapi.activityId}`)).json as {
    students: Array<{ player: { id: string }; items: Array<{ rule: string; message: string }> }>;
  };
  const shown = alerts.students.flatMap((s) => s.items.map((i) => i.message)).sort();
  assert.deepEqual(shown, [
    '2 wrong answers in a row (last: Question 2 → C)',
    '3 wrong answers in this session (last: q3 → B)',
    'Scored 0.3 on First level (below 0.5)',
  ]);

  // The player's page reads the same alerts.
  const playerId = alerts.students[0]?.player.id ?? '';
  const onPage = (await admin(`/players/${encodeURIComponent(playerId)}/alerts`)).json as { alerts: Array<{ message: string }> };
  assert.ok(
    onPage.alerts.some((a) => a.message === 'Scored 0.3 on First level (below 0.5)'),
    JSON.stringify(onPage.alerts),
  );
});
