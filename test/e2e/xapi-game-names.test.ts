import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type XapiEndpoint, xapiEndpoint } from '../api/xapi-support.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const ADL = 'http://adlnet.gov/expapi/';

// A first lesson with an xAPI game (not a RAGE tracker): it names its objects in `definition.name` and identifies its
// players by their e-mail, none of them a roster student who logged in to Aula.
describe('an xAPI game, as the teacher sees it', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let xapi: XapiEndpoint;
  before(async () => {
    dashboard = await collectorDashboard();
    xapi = xapiEndpoint(dashboard.collector, 'Quiz 3B');
    const actor = { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.com' };
    // Spanish first: the browser's English is chosen, not the first language the game gave.
    const question = {
      objectType: 'Activity',
      id: 'http://example.com/quiz/q1',
      definition: { type: `${ADL}activities/question`, name: { es: 'Pregunta 1', 'en-US': 'Question 1' } },
    };
    const level = {
      objectType: 'Activity',
      id: 'http://example.com/quiz/level/l1',
      definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level', name: { fr: 'Premier niveau' } },
    };
    const statements = [
      { actor, verb: { id: `${ADL}verbs/answered` }, object: question, result: { response: 'b', success: true } },
      { actor, verb: { id: `${ADL}verbs/completed` }, object: level, result: { completion: true, score: { scaled: 0.8 } } },
    ];
    const answer = await xapi.call('statements', { method: 'POST', body: JSON.stringify(statements) });
    assert.equal(answer.status, 200, answer.text);
  });
  after(() => dashboard?.close());

  test('objects are read by the name the game gave them', { timeout: 60_000 }, async () => {
    const { collector, page } = dashboard;
    await page.goto(`${collector.url}/statements`);
    await page.locator('.statement-action', { hasText: 'answered "b" in question "Question 1"' }).waitFor();
    await page.locator('.statement-action', { hasText: 'completed level "Premier niveau"' }).waitFor();

    // Live's last action: the session's last object is the level.
    await page.goto(`${collector.url}/`);
    await page.getByRole('cell', { name: 'completed level "Premier niveau"' }).waitFor();

    await page.goto(`${collector.url}/results`);
    await page.getByRole('heading', { name: 'Answers to Question 1' }).waitFor();
    await page.locator('.levels-figures', { hasText: 'Premier niveau: 1 completed' }).waitFor();
    assert.equal(await page.getByText('q1', { exact: true }).count(), 0, 'no "q1" is left on Results');
  });

  test('a player the game identified is an xAPI player, not a student', { timeout: 60_000 }, async () => {
    const { collector, page } = dashboard;
    await page.goto(`${collector.url}/activities`);
    await page.locator('.players-count').filter({ hasText: '0 anonymous · 0 students · 1 xAPI player' }).waitFor();
    const players = page.locator('[data-total="players"]').locator('..');
    await players.filter({ hasText: '(0 students, 1 xAPI player, 0 anonymous)' }).waitFor();

    const overview = (await (await fetch(`${collector.url}/admin/api/overview`)).json()) as { players: Record<string, number> };
    assert.deepEqual(overview.players, { anonymous: 0, identified: 1, xapi: 1 }, 'identified keeps its meaning; xapi is added');

    await page.goto(`${collector.url}/players`);
    const rows = page.locator('.players-table tbody tr');
    await rows.filter({ hasText: 'Ana' }).waitFor();
    await page.getByLabel('Show').selectOption('identified');
    await page.waitForFunction(() => document.querySelectorAll('.players-table tbody tr').length === 0 || !document.querySelector('.players-table'));
    await page.getByLabel('Show').selectOption('xapi');
    await rows.filter({ hasText: 'Ana' }).waitFor();
    assert.equal(await rows.count(), 1);
  });
});
