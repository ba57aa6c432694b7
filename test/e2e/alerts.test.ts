import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT, type ServeProcess } from '../support/serve-process.js';
import { chromiumMissing, type DashboardSession, scriptedTracker, serveDashboard } from './browser-support.js';

const SHOTS = path.join(ROOT, 'test-results', 'alerts');
const DRIVER = path.join(import.meta.dirname, 'alerts-tracker-session.cjs');

/** The real js-tracker in its own process, driven phase by phase through stdin/stdout. */
const playSession = (url: string, code: string) => scriptedTracker(DRIVER, url, code);

async function go(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label, exact: true }).click();
}

describe('Alerts & Warnings, live, against a real aula serve and the real js-tracker', { skip: chromiumMissing }, () => {
  let serve: ServeProcess;
  let page: Page;
  let session: DashboardSession | undefined;
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    session = await serveDashboard({ width: 1280, height: 900 });
    ({ serve, page } = session);
  });

  after(() => session?.close());

  test('the teacher switches rules on; a wrong-answer alert and an idle student appear live; acknowledge; erase', { timeout: 120_000 }, async () => {
    const created = await fetch(`${serve.url}/admin/api/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Fractions 3B', game: 'Math Quest' }),
    });
    const text = await created.text();
    assert.ok(created.ok, text);
    const { activity } = JSON.parse(text) as { activity: { id: string; trackingCode: string } };

    await page.goto(`${serve.url}/`);
    await page.getByText('● live').waitFor();
    await go(page, 'Alerts & Warnings');
    await page.getByRole('heading', { name: 'Alerts & Warnings' }).waitFor();
    await page.getByText('No rules are switched on for this activity').waitFor();

    // Rules: wrong answers (2 in a row, alert) and idle after 0.1 min (a warning).
    await page.getByRole('checkbox', { name: 'Wrong answers' }).check();
    await page.getByLabel('Wrong answers in a row').fill('2');
    await page.getByRole('checkbox', { name: 'Idle' }).check();
    await page.getByLabel('Idle minutes').fill('0.1');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Rules saved.').waitFor();
    await page.getByRole('heading', { name: 'Nobody needs you right now' }).waitFor();
    const stored = (await (await fetch(`${serve.url}/admin/api/activities/${activity.id}/rules`)).json()) as {
      rules: { idle: { enabled: boolean; minutes: number }; wrongAnswers: { inARow: number } };
    };
    assert.deepEqual([stored.rules.idle.enabled, stored.rules.idle.minutes, stored.rules.wrongAnswers.inARow], [true, 0.1, 2]);

    const game = playSession(serve.url, activity.trackingCode);
    try {
      const started = await game.phase('started');
      assert.equal(started.ok, true);
      game.send('wrong question1 optionA');
      await game.phase('flushed-1');
      game.send('wrong question2 optionC');
      await game.phase('flushed-2');

      // The alert appears without reloading: over the SSE stream.
      const row = page.locator('.alerts-table tbody tr', { hasText: String(started.animalName) });
      await row.locator('.latest-cause', { hasText: '2 wrong answers in a row (last: question2 → optionC)' }).waitFor();
      assert.equal(await row.locator('.badge-severity.severity-alert').textContent(), '1');
      await page.locator('[data-total="alerts"]', { hasText: '1 alert' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, '01-wrong-answers.png') });

      // The game goes quiet: after 6 s the student is idle, still without a reload.
      await row.locator('.badge-severity.severity-warning', { hasText: '1' }).waitFor({ timeout: 20_000 });
      await page.locator('[data-total="warnings"]', { hasText: '1 warning' }).waitFor();
      // The newer warning does not hide the alert: the collapsed row still names the alert as the cause.
      assert.match((await row.locator('.latest-cause').textContent()) ?? '', /^2 wrong answers in a row \(last: question2 → optionC\)/);
      await row.getByRole('button', { name: 'Details' }).click();
      await row.getByText(/^Idle for 6 s/).waitFor();
      await page.screenshot({ path: path.join(SHOTS, '02-idle.png') });

      // A right answer: the student is active again and the run of wrong answers is over; both clear.
      game.send('right question3 optionB');
      await game.phase('flushed-3');
      await page.getByRole('heading', { name: 'Nobody needs you right now' }).waitFor();
      await page.locator('[data-total="alerts"]').waitFor({ state: 'detached' });

      // Wrong again twice, then acknowledged by the teacher.
      game.send('wrong question4 optionD');
      await game.phase('flushed-4');
      game.send('wrong question5 optionD');
      await game.phase('flushed-5');
      await row.getByRole('button', { name: 'Acknowledge all' }).click();
      await page.getByRole('heading', { name: 'Nobody needs you right now' }).waitFor();
      game.send('finish 0.8');
      await game.phase('flushed-6');
      game.send('quit');

      // Results show the answers; then the teacher erases the student from the player page.
      await go(page, 'Results');
      const resultRow = page.locator('.results-table tbody tr', { hasText: String(started.animalName) });
      await resultRow.waitFor();
      // Progress, completed, correct, incorrect: the finished game is 100 % and one thing completed. Results are written
      // up to a second after the last batch; the screen refetches when the stream says they were.
      const cells = () => resultRow.locator('td.num').allTextContents().then((all) => all.slice(2, 6));
      const until = Date.now() + 8000;
      while (JSON.stringify(await cells()) !== JSON.stringify(['100 %', '1', '1', '4']) && Date.now() < until) await page.waitForTimeout(100);
      assert.deepEqual(await cells(), ['100 %', '1', '1', '4']);
      // The game itself in the chart beside the levels, named as such.
      await page.locator('.chart-grid').getByText('game (whole game)').waitFor();
      // Students counted on a scale of their own, scores on theirs (0-1): a score of 0.8 is not drawn as 0.8 students.
      const levels = page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' });
      const axisTicks = await levels
        .locator('.recharts-yAxis-tick-labels')
        .evaluateAll((axes) => axes.map((axis) => Array.from(axis.querySelectorAll('.recharts-cartesian-axis-tick-value'), (tick) => tick.textContent ?? '')));
      assert.equal(axisTicks.length, 2, JSON.stringify(axisTicks));
      assert.ok(axisTicks.some((ticks) => ticks.includes('0.5') && ticks.at(-1) === '1'), JSON.stringify(axisTicks));
      assert.ok(axisTicks.some((ticks) => ticks.length > 0 && ticks.every((tick) => Number.isInteger(Number(tick)))), JSON.stringify(axisTicks));
      await page.screenshot({ path: path.join(SHOTS, '03-results.png') });
      await resultRow.locator('.player-name').click();
      // The timeline says how each answer went, and the game's final score.
      await page.locator('.statement', { hasText: 'question "question1"' }).getByText('✗ failure').waitFor();
      await page.locator('.statement', { hasText: 'question "question3"' }).getByText('✓ success').waitFor();
      await page.locator('.statement-result', { hasText: 'score 0.8' }).first().waitFor();
      await page.getByRole('button', { name: "Erase this player's data…" }).click();
      const erase = page.getByRole('button', { name: 'Erase', exact: true });
      assert.equal(await erase.isDisabled(), true, 'needs the confirmation first');
      await page.getByLabel('I understand this cannot be undone').check();
      await erase.click();
      await page.getByRole('heading', { name: 'Players' }).first().waitFor();
      const players = (await (await fetch(`${serve.url}/admin/api/players`)).json()) as { players: unknown[] };
      assert.equal(players.players.length, 0);
      const statements = (await (await fetch(`${serve.url}/admin/api/statements?activity=${activity.id}`)).json()) as { statements: unknown[] };
      assert.equal(statements.statements.length, 0);
    } finally {
      game.stop();
    }
  });
});
