import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const MIN = 60_000;
/** The laptop's clock as the collector reads it (ctx.now): real time plus this. */
let offset = 0;

describe("the teacher's screens agree with each other", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened), { now: () => Date.now() + offset });

  const putRules = async (activityId: string, rules: unknown) => {
    const answer = await request(`${collector.url}/admin/api/activities/${activityId}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rules),
    });
    assert.equal(answer.status, 200, answer.text);
  };

  test("Live calls a student idle after the Idle alert's minutes when that rule is on, and says so", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const game = await startOk(collector.url, activity.trackingCode);
    const sent = await track(collector.url, game.authToken, [{ ...statementS(game.actor), id: undefined }]);
    assert.equal(sent.status, 200, sent.text);
    offset += 2 * MIN;
    await putRules(activity.id, { idle: { enabled: true, minutes: 1 } });

    await page.goto(`${collector.url}/`);
    const lastSeen = page.locator('.live-table tbody tr', { hasText: game.playerAnimalName }).locator('.last-seen');
    // Alerts says "Idle for 1 minute or more": Live agrees, and says where its minutes come from.
    await lastSeen.getByText('idle 2 min', { exact: true }).waitFor();
    const ruleNote = page.getByTestId('idle-after');
    assert.equal(await ruleNote.textContent(), 'Idle after 1 min, as the Idle alert of this activity (change it in Alerts)');
    assert.equal(await ruleNote.getByRole('link', { name: 'change it in Alerts' }).getAttribute('href'), `/alerts?activity=${activity.id}`);

    // The rule switched off (in Alerts, another tab): the default 3 minutes apply again, as in the header and Diagnostics.
    await putRules(activity.id, { idle: { enabled: false, minutes: 1 } });
    await lastSeen.getByText('2 min ago', { exact: true }).waitFor();
    assert.equal(await ruleNote.textContent(), 'Idle after 3 min, the default while the Idle alert of this activity is off (change it in Alerts)');
  });

  test('Classes: with no student account at all, Add an existing student says how to make one', async () => {
    const created = await postJson(`${collector.url}/admin/api/classes`, { name: '3B' });
    assert.equal(created.status, 201, created.text);
    const classId = (created.json as { class: { id: string } }).class.id;
    await page.goto(`${collector.url}/classes?class=${classId}`);
    const join = page.locator('form', { has: page.getByRole('heading', { name: 'Add an existing student' }) });
    await join.getByText('No student has an account yet: create one with Add a student above, or import a roster below.').waitFor();
    assert.equal(await join.getByText('Every account is in this class already.').count(), 0);

    // With the one account in this class, the other message stands.
    const added = await postJson(`${collector.url}/admin/api/classes/${classId}/students`, { username: 'ana', password: 'Sol-y-Luna-31' });
    assert.equal(added.status, 201, added.text);
    await page.reload();
    await join.getByText('Every account is in this class already.').waitFor();
    assert.equal(await join.getByText('No student has an account yet').count(), 0);
  });

  test("A player's page for an unknown id says there is no such player and leads back to Players", async () => {
    await page.goto(`${collector.url}/players/no-such-player`);
    await page.getByRole('heading', { name: 'There is no such player' }).waitFor();
    await page.getByText('Aula holds no player with this id: they were erased, or the link is wrong.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    assert.equal(await page.getByText('Something went wrong').count(), 0);
    await page.getByRole('main').getByRole('link', { name: 'Players', exact: true }).click();
    await page.getByRole('heading', { name: 'Players', exact: true }).waitFor();
  });
});
