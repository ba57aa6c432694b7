import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, } from '../support/http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

const admin = (path: string, init: { method?: string; body?: unknown } = {}) => adminApi(collector.url, path, init.body, init.method);

const ana = { objectType: 'Agent', name: 'Ana', account: { homePage: 'http://school.example/', name: 'ana' } };
const answer = (question: string, response: string, success: boolean) =>
  statement({
    actor: ana,
    verb: { id: 'https://w3id.org/xapi/adb/verbs/selected', display: { 'en-US': 'selected' } },
    object: { objectType: 'Activity', id: `http://example.com/quiz/question/${question}`, definition: { type: 'http://adlnet.gov/expapi/activities/question' } },
    result: { response, success },
  });

test('an xAPI game feeds the alerts and the results like a RAGE game', async () => {
  const xapi = xapiEndpoint(collector, 'xAPI quiz');
  const rules = await admin(`/activities/${xapi.activityId}/rules`, { method: 'PUT', body: { wrongAnswers: { enabled: true, inARow: 2 } } });
  assert.equal(rules.status, 200, rules.text);

  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify([answer('q1', 'A', false), answer('q2', 'C', false)]) });
  assert.equal(posted.status, 200, posted.text);
  await rulesEngineFor(collector.context).flush();

  const alerts = (await admin(`/alerts?activity=${xapi.activityId}`)).json as {
    students: Array<{ items: Array<{ rule: string; severity: string; message: string }> }>;
  };
  assert.deepEqual(
    alerts.students.map((s) => s.items.map((i) => [i.rule, i.severity, i.message])),
    [[['wrong-in-a-row', 'alert', '2 wrong answers in a row (last: q2 → C)']]],
  );
  const results = (await admin(`/activities/${xapi.activityId}/results`)).json as { students: Array<{ correct: number; incorrect: number }> };
  assert.deepEqual(
    results.students.map((s) => [s.correct, s.incorrect]),
    [[0, 2]],
  );
});
