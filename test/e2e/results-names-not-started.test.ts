import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import { createClass } from '../../server/store/classes-repo.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const ADL = 'http://adlnet.gov/expapi/';
const LEVEL = 'https://w3id.org/xapi/seriousgames/activity-types/level';

// A lesson of class 3B with an xAPI quiz that names its questions and levels in `definition.name`, whose ids say
// nothing of that order; one student logged in and played, two of the class have not started.
describe("Results in the order of the names shown, with the class's students who have not started", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let classId: string;
  before(async () => {
    dashboard = await collectorDashboard();
    const { collector } = dashboard;
    const { db, writer } = collector.context;
    const group = await writer.run((tx) => createClass(tx, '3B'));
    classId = group.id;
    await createAccounts(db, (job) => writer.run(job), group.id, [
      { username: 'ana', password: 'sol-y-luna' },
      { username: 'ben', password: 'mar-y-tierra' },
      { username: 'carla', password: 'luna-y-sol', name: 'Carla Ruiz' },
    ]);
    const activity = makeActivity(db, { name: 'Quiz 3B', classId: group.id });

    // Ana logs in and plays (a RAGE tracker).
    const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'sol-y-luna' });
    const token = (login.json as { user: { token: string } }).user.token;
    const ana = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    const level = { id: `${ana.objectId}/level/intro`, definition: { type: LEVEL } };
    const played = await track(collector.url, ana.authToken, [
      { actor: ana.actor, verb: { id: `${ADL}verbs/completed` }, object: level, result: { score: { raw: 9, max: 10 } }, timestamp: new Date().toISOString() },
    ]);
    assert.equal(played.status, 200, played.text);

    // The xAPI quiz: ids a, b, c name "Question 10", "question 2", "Question 1".
    const credential = activeXapiCredential(db, activity.id);
    assert.ok(credential);
    const actor = { objectType: 'Agent', name: 'Dana', mbox: 'mailto:dana@example.com' };
    const question = (id: string, name: string) => ({
      objectType: 'Activity',
      id: `http://example.com/quiz/${id}`,
      definition: { type: `${ADL}activities/question`, name: { 'en-US': name } },
    });
    const named = (id: string, name: string) => ({ objectType: 'Activity', id: `http://example.com/quiz/level/${id}`, definition: { type: LEVEL, name: { 'en-US': name } } });
    const statements = [
      ...[question('a', 'Question 10'), question('b', 'question 2'), question('c', 'Question 1')].map((object) => ({
        actor,
        verb: { id: `${ADL}verbs/answered` },
        object,
        result: { response: 'yes', success: true },
      })),
      ...[named('l1', 'Level 10'), named('l2', 'Level 9')].map((object) => ({
        actor,
        verb: { id: `${ADL}verbs/completed` },
        object,
        result: { completion: true, score: { scaled: 0.5 } },
      })),
    ];
    const posted = await request(`${collector.url}/xapi/statements`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(statements),
    });
    assert.equal(posted.status, 200, posted.text);
  });
  after(() => dashboard?.close());

  test('questions and levels by the names shown, numbers in numeric order and case aside', { timeout: 60_000 }, async () => {
    const { collector, page } = dashboard;
    await page.goto(`${collector.url}/results`);
    await page.getByRole('heading', { name: 'Answers to Question 10' }).waitFor();
    const headings = await page.locator('.chart-grid .card h2').allTextContents();
    assert.deepEqual(headings, ['Levels and quizzes', 'Answers to Question 1', 'Answers to question 2', 'Answers to Question 10']);
    const figures = await page.locator('.levels-figures').textContent();
    assert.equal(figures, 'intro: 1 completed · average score 0.9 · Level 9: 1 completed · average score 0.5 · Level 10: 1 completed · average score 0.5');
  });

  test("the class's students who have not started are listed last, marked, with no figures", { timeout: 60_000 }, async () => {
    const { collector, page } = dashboard;
    await page.goto(`${collector.url}/results`);
    const rows = page.locator('.results-table tbody tr');
    await rows.filter({ hasText: 'Carla Ruiz (carla)' }).waitFor();
    await page.getByText('Not started yet: 2 students of 3B, listed last.').waitFor();
    const table = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
    assert.equal(table.length, 4, JSON.stringify(table));
    assert.deepEqual(
      table.slice(2),
      [
        ['bennot started', '0', '—', '—', '—', '—', '—', '—', '—'],
        ['Carla Ruiz (carla)not started', '0', '—', '—', '—', '—', '—', '—', '—'],
      ],
      'after those who played, by name',
    );
    assert.ok(
      table.slice(0, 2).every((cells) => !cells[0]?.includes('not started')),
      'those who played are not marked',
    );

    // A student added to the class from another tab shows up without a reload.
    const added = await postJson(`${collector.url}/admin/api/classes/${classId}/students`, { username: 'dario', password: 'rio-y-monte' });
    assert.equal(added.status, 201, added.text);
    await rows.filter({ hasText: 'dario' }).filter({ hasText: 'not started' }).waitFor();
    await page.getByText('Not started yet: 3 students of 3B, listed last.').waitFor();
  });

  test('before anyone plays, the next step and the whole class as not started', { timeout: 60_000 }, async () => {
    const { collector, page } = dashboard;
    const later = makeActivity(collector.context.db, { name: 'Fractions 3B', classId });
    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(later.id);
    await page.getByText('Nobody has played this activity yet').waitFor();
    await page.getByText('Not started yet: 4 students of 3B.').waitFor();
    const names = await page.locator('.results-table tbody tr .player-name').allTextContents();
    assert.deepEqual(names, ['ana', 'ben', 'Carla Ruiz (carla)', 'dario'], 'dario was added to the class above');
  });
});
