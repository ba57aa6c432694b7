import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { xapiEndpoint } from '../api/xapi-support.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';

const dataDir = tempDir();
let collector: Collector;
after(() => collector?.close());

const agent = (name: string) => ({ objectType: 'Agent', name, mbox: `mailto:${name.toLowerCase()}@example.com` });

/** An answer as an xAPI game sends it (ADL's `answered`), right or wrong. */
function answered(name: string, question: string, success: boolean) {
  return {
    id: randomUUID(),
    actor: agent(name),
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    object: { objectType: 'Activity', id: `http://example.com/quiz/${question}`, definition: { type: 'http://adlnet.gov/expapi/activities/question' } },
    result: { success, response: 'C' },
  };
}

async function post(auth: string, statements: unknown[]): Promise<void> {
  const answer = await request(`${collector.url}/xapi/statements`, {
    method: 'POST',
    headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    body: JSON.stringify(statements),
  });
  assert.equal(answer.status, 200, answer.text);
}

// One request may carry several students' statements (a class's tool, a game sending a queue for two players): each
// student's earlier statements, read back after a restart, end before that student's first in the request.
test('after a restart, an xAPI request with two students counts each answer once for the wrong-answer rule', async () => {
  collector = await startTestCollector({ dataDir });
  const xapi = xapiEndpoint(collector, 'Quiz');
  const rules = await request(`${collector.url}/admin/api/activities/${xapi.activityId}/rules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ wrongAnswers: { enabled: true, inARow: 3 } }),
  });
  assert.equal(rules.status, 200, rules.text);
  await post(xapi.auth, [answered('Ana', 'q1', false)]);

  await collector.close();
  collector = await startTestCollector({ dataDir });
  await rulesEngineFor(collector.context).resumed;
  // Ana's second wrong answer in a row, then Ben's statements after hers in the same request.
  await post(xapi.auth, [answered('Ana', 'q2', false), answered('Ben', 'q1', true), answered('Ben', 'q2', true)]);
  await rulesEngineFor(collector.context).flush();

  const alerts = await adminApi(collector.url, `/alerts?activity=${xapi.activityId}`);
  assert.equal(alerts.status, 200, alerts.text);
  const { students } = alerts.json as { students: Array<{ items: Array<{ message: string }> }> };
  assert.deepEqual(
    students.flatMap((student) => student.items.map((item) => item.message)),
    [],
    'two wrong answers in a row are not three',
  );
  // The third one is.
  await post(xapi.auth, [answered('Ana', 'q3', false)]);
  await rulesEngineFor(collector.context).flush();
  const third = await adminApi(collector.url, `/alerts?activity=${xapi.activityId}`);
  const listed = (third.json as { students: Array<{ items: Array<{ message: string }> }> }).students.flatMap((student) => student.items.map((item) => item.message));
  assert.deepEqual(listed, ['3 wrong answers in a row (last: q3 → C)']);
});
