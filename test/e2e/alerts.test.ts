import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { ROOT, type ServeProcess } from '../support/serve-process.js';
import { chromiumMissing, type DashboardSession, scriptedTracker, serveDashboard } from './browser-support.js';

const SHOTS = path.join(ROOT, 'test-results', 'alerts');
const DRIVER = path.join(import.meta.dirname, 'alerts-tracker-session.cjs');

/** The real js-tracker in its own process, driven phase by phase through stdin/stdout. */
const playSession = (url: string, code: string) => scriptedTracker(DRIVER, url, code);

const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';

/** A statement as the trackers send it, about one of the game's objects (`serious-game/…`, `level/…`, `question/…`). */
function statement(start: StartAnswer, verb: string, object: string, result: Record<string, unknown>): Record<string, unknown> {
  const type = object.slice(0, object.indexOf('/'));
  return {
    actor: start.actor,
    verb: { id: verb },
    object: { id: `${start.objectId}/${object}`, definition: { type: `${TYPES}${type}` } },
    result,
    timestamp: new Date().toISOString(),
  };
}

async function sent(url: string, start: StartAnswer, statements: unknown[]): Promise<void> {
  const answer = await track(url, start.authToken, statements);
  assert.equal(answer.status, 200, answer.text);
}

/** The labels under (or beside) a chart's bars, as drawn. */
const tickLabels = (chart: ReturnType<Page['locator']>, axis: 'xAxis' | 'yAxis') =>
  chart.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();

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
      // Anonymous players are listed too: the column says Player, not Student.
      assert.equal(await page.locator('.results-table thead th').first().textContent(), 'Player');
      await resultRow.waitFor();
      // Progress, completed, correct, incorrect: the finished game is 100 % and one thing completed. Results are written
      // up to a second after the last batch; the screen refetches when the stream says they were.
      const cells = () => resultRow.locator('td.num').allTextContents().then((all) => all.slice(2, 6));
      const until = Date.now() + 8000;
      while (JSON.stringify(await cells()) !== JSON.stringify(['100 %', '1', '1', '4']) && Date.now() < until) await page.waitForTimeout(100);
      assert.deepEqual(await cells(), ['100 %', '1', '1', '4']);
      // The game itself in the chart beside the levels, named as such.
      await page.locator('.chart-grid').getByText('game (whole game)', { exact: true }).waitFor();
      // Students counted on a scale of their own, scores on theirs (0-1): a score of 0.8 is not drawn as 0.8 students.
      const levels = page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' });
      const axisTicks = await levels
        .locator('.recharts-yAxis-tick-labels')
        .evaluateAll((axes) => axes.map((axis) => Array.from(axis.querySelectorAll('.recharts-cartesian-axis-tick-value'), (tick) => tick.textContent ?? '')));
      assert.equal(axisTicks.length, 2, JSON.stringify(axisTicks));
      assert.ok(axisTicks.some((ticks) => ticks.includes('0.5') && ticks.at(-1) === '1'), JSON.stringify(axisTicks));
      assert.ok(axisTicks.some((ticks) => ticks.length > 0 && ticks.every((tick) => Number.isInteger(Number(tick)))), JSON.stringify(axisTicks));
      // Anonymous players count there too: the legend says players, not students.
      assert.deepEqual((await levels.locator('.recharts-legend-item-text').allTextContents()).sort(), ['average score', 'players completed']);
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

  test("Results name every bar, however long the game's name or many the answers, and count players who finished the game", { timeout: 60_000 }, async () => {
    const created = await fetch(`${serve.url}/admin/api/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Labels 3B', game: 'Fractions adventure' }),
    });
    assert.ok(created.ok, await created.clone().text());
    const { activity } = (await created.json()) as { activity: { id: string; trackingCode: string } };
    await page.goto(`${serve.url}/`);
    await go(page, 'Results');
    await page.getByLabel('Activity').selectOption({ label: 'Labels 3B' });
    // Empty, the screen says how results come in.
    const empty = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Nobody has played this activity yet' }) });
    await empty.getByText(activity.trackingCode, { exact: true }).waitFor();
    await empty.getByRole('link', { name: 'Connect' }).waitFor();

    const completed = 'http://adlnet.gov/expapi/verbs/completed';
    const selected = 'https://w3id.org/xapi/adb/verbs/selected';
    const responses = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF', 'optionG', 'half of the pizza and a little more'];
    const finisher = await startOk(serve.url, activity.trackingCode);
    await sent(serve.url, finisher, [
      statement(finisher, completed, 'level/level1', { success: true, score: { raw: 8, scaled: 0.8 } }),
      statement(finisher, completed, 'level/level2', { success: true, score: { raw: 6, scaled: 0.6 } }),
      ...responses.map((response, i) => statement(finisher, selected, 'question/q1', { success: i === 0, response })),
      statement(finisher, completed, 'serious-game/Fractions%20adventure', { success: true, score: { raw: 7, scaled: 0.7 } }),
    ]);
    const quitter = await startOk(serve.url, activity.trackingCode);
    await sent(serve.url, quitter, [statement(quitter, completed, 'level/level1', { success: false, score: { raw: 2, scaled: 0.2 } })]);

    // Everyone who played counts, anonymous players too, and finishing means finishing the game.
    await page.locator('p.activity-facts', { hasText: '50 % of 2 players finished the game.' }).waitFor();
    const levels = page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' });
    await levels.locator('.recharts-bar-rectangle').first().waitFor();
    // The game's own bar first, named whole: the chart has the whole row. Its figures are also written out in full.
    const levelLabels = await tickLabels(levels, 'xAxis');
    assert.deepEqual(levelLabels, ['Fractions adventure (whole game)', 'level1', 'level2']);
    assert.match((await levels.locator('.levels-figures').textContent()) ?? '', /^Fractions adventure \(whole game\): 1 completed/);
    // Eight answers, eight names beside their bars.
    const answers = page.locator('.chart-grid .card', { hasText: 'Answers to q1' });
    const answerLabels = await tickLabels(answers, 'yAxis');
    assert.equal(answerLabels.length, responses.length, JSON.stringify(answerLabels));
    for (const label of answerLabels) {
      const full = responses.find((response) => response === label || (label.endsWith('…') && response.startsWith(label.slice(0, -1))));
      assert.ok(full, `${label} names one of the answers: ${JSON.stringify(answerLabels)}`);
    }
    assert.ok(answerLabels.some((label) => label.endsWith('…')), 'the long answer is cut to fit the axis');
    await page.screenshot({ path: path.join(SHOTS, '04-results-labels.png'), fullPage: true });
    await page.setViewportSize({ width: 800, height: 900 });
    assert.equal((await tickLabels(levels, 'xAxis')).length, 3);
    assert.equal((await tickLabels(answers, 'yAxis')).length, responses.length);
    await page.screenshot({ path: path.join(SHOTS, '05-results-labels-800.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
