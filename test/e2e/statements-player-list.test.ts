import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, trackStatements } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// Statements' Player list held the 1,000 most recently seen players (240 kB after a term) whatever the activity:
// it offers the chosen activity's players, and everyone only when no activity is chosen. A link's ?player= shows
// that player chosen, also when the list does not hold them.
describe('Statements offers the chosen activity’s players', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const play = (session: StartAnswer, statements: number) => trackStatements(collector.url, session, statements);

  test('the Player list follows the Activity list, and a linked player shows chosen', async () => {
    const maths = makeActivity(collector.context.db, { name: '1A maths' });
    const history = makeActivity(collector.context.db, { name: '1B history' });
    const [a1, a2, b1] = await Promise.all([
      startOk(collector.url, maths.trackingCode),
      startOk(collector.url, maths.trackingCode),
      startOk(collector.url, history.trackingCode),
    ]);
    await play(a1, 2);
    await play(a2, 3);
    await play(b1, 4);
    const rows = (await collector.context.db.prepare('SELECT id, public_id AS publicId, animal_name AS name FROM players').all()) as Array<{
      id: string;
      publicId: string;
      name: string;
    }>;
    const row = (session: StartAnswer) => rows.find((r) => r.publicId === session.playerId) as (typeof rows)[number];
    const option = (session: StartAnswer) => `${row(session).name} (anonymous)`;

    const playerList = page.getByLabel(/^Player/);
    const offered = async (expected: string[]) => {
      const deadline = Date.now() + 10_000;
      let options: string[] = [];
      while (Date.now() < deadline) {
        options = (await playerList.locator('option').allTextContents()).slice(1).sort();
        if (JSON.stringify(options) === JSON.stringify([...expected].sort())) break;
        await page.waitForTimeout(100);
      }
      return options;
    };
    const chosen = () => playerList.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');

    await page.goto(`${collector.url}/statements`);
    const everyone = [option(a1), option(a2), option(b1)].sort();
    assert.deepEqual(await offered(everyone), everyone, 'everyone without an activity');
    await page.getByLabel('Activity').selectOption({ label: '1A maths' });
    const mathsPlayers = [option(a1), option(a2)].sort();
    assert.deepEqual(await offered(mathsPlayers), mathsPlayers, "1A maths's players only");

    await page.goto(`${collector.url}/statements?player=${encodeURIComponent(row(b1).id)}`);
    await page.locator('.statements .statement').first().waitFor();
    assert.equal(await chosen(), option(b1), 'the linked player shows chosen');
    assert.equal(await page.locator('.statements .statement').count(), 4, "and the statements are that player's");

    // Chosen by a link with another activity: not among its players, still shown as the one chosen.
    await page.goto(`${collector.url}/statements?activity=${encodeURIComponent(maths.id)}&player=${encodeURIComponent(row(b1).id)}`);
    assert.deepEqual(await offered([option(b1), ...mathsPlayers]), [option(b1), ...mathsPlayers].sort());
    assert.equal(await chosen(), option(b1));
    assert.equal(await page.getByLabel('Activity').inputValue(), maths.id);
    await page.getByText('No statement matches these filters').waitFor();
  });
});
