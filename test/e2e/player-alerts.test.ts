import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import type { ServeProcess } from '../support/serve-process.js';
import { chromiumMissing, type DashboardSession, serveDashboard } from './browser-support.js';

const SELECTED = 'https://w3id.org/xapi/adb/verbs/selected';

/** A wrong answer to one of the game's questions, as the trackers send it. */
const wrong = (start: StartAnswer, question: string, response: string) => ({
  actor: start.actor,
  verb: { id: SELECTED },
  object: { id: `${start.objectId}/question/${question}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/question' } },
  result: { success: false, response },
  timestamp: new Date().toISOString(),
});

describe("A player's page shows what Aula raised about them", { skip: chromiumMissing }, () => {
  let serve: ServeProcess;
  let page: Page;
  let session: DashboardSession | undefined;
  before(async () => {
    session = await serveDashboard({ width: 1280, height: 900 });
    ({ serve, page } = session);
  });
  after(() => session?.close());

  test('two wrong answers in a row: the alert is on the player page, with its activity, and acknowledged there', { timeout: 60_000 }, async () => {
    const created = await fetch(`${serve.url}/admin/api/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Fractions 3B', game: 'Math Quest' }),
    });
    assert.ok(created.ok, await created.clone().text());
    const { activity } = (await created.json()) as { activity: { id: string; trackingCode: string } };
    const rulesUrl = `${serve.url}/admin/api/activities/${activity.id}/rules`;
    const { rules } = (await (await fetch(rulesUrl)).json()) as { rules: { wrongAnswers: Record<string, unknown> } };
    rules.wrongAnswers = { ...rules.wrongAnswers, enabled: true, inARow: 2, severity: 'alert' };
    const saved = await fetch(rulesUrl, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rules) });
    assert.ok(saved.ok, await saved.clone().text());

    const start = await startOk(serve.url, activity.trackingCode);
    const sent = await track(serve.url, start.authToken, [wrong(start, 'q1', 'optionA'), wrong(start, 'q2', 'optionC')]);
    assert.equal(sent.status, 200, sent.text);

    const { players } = (await (await fetch(`${serve.url}/admin/api/players`)).json()) as { players: { player: { id: string } }[] };
    assert.equal(players.length, 1);
    const playerId = players[0]?.player.id ?? '';
    await page.goto(`${serve.url}/players/${encodeURIComponent(playerId)}`);
    await page.getByRole('heading', { name: 'Alerts & warnings' }).waitFor();
    const item = page.locator('.player-alerts li', { hasText: '2 wrong answers in a row (last: q2 → optionC)' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /● alert/);
    assert.match((await item.textContent()) ?? '', /Fractions 3B · session #1/);

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await item.getByText(/acknowledged /).waitFor();
    assert.equal(await item.getByRole('button', { name: 'Acknowledge' }).count(), 0);
    const answer = (await (await fetch(`${serve.url}/admin/api/alerts?activity=${activity.id}`)).json()) as { students: unknown[] };
    assert.equal(answer.students.length, 0, 'acknowledged here, it is no longer active on Alerts & Warnings');
  });

  test('the alerts of a player that is not there: 404, as the player page itself', async () => {
    const answer = await fetch(`${serve.url}/admin/api/players/no-such-player/alerts`);
    assert.equal(answer.status, 404);
    assert.equal(((await answer.json()) as { error: { reason: string } }).error.reason, 'player-not-found');
  });
});
