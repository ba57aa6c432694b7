import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { completedLevel, nextLesson, sent, twoLessons } from '../support/two-lessons.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// 3B plays the same activity every week with the same code. Last lesson ana completed level 1 and ben played too; the
// teacher closed it, and opened it again today: ana has only answered q1 wrongly, ben has not started.
describe("Results' Show: this lesson or all lessons", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((opened) => ({ collector, page } = opened));

  const _admin = async (pathname: string) => {
    const answer = await postJson(`${collector.url}/admin/api${pathname}`, {});
    assert.ok(answer.status < 300, `${pathname}: ${answer.status} ${answer.text}`);
  };

  /** Each row's player (marked when not started), sessions, completed, correct and incorrect. */
  const tableOf = async () => {
    return page.locator('.results-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim());
        const name = (tr.querySelector('.player-name')?.textContent ?? '').trim();
        return [cells[0]?.includes('not started') ? `${name} (not started)` : name, cells[1], cells[4], cells[5], cells[6]];
      }),
    );
  };

  test('opened again today: this lesson first, its results and CSV; all lessons on request', { timeout: 60_000 }, async () => {
    const { activity, ana, ben } = await twoLessons(collector, '3B');

    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(activity.id);
    const show = page.getByLabel('Show');
    await page.getByText(/^Not started yet since .+: 1 student of 3B, listed last\.$/).waitFor();
    assert.equal(await show.inputValue(), 'lesson', 'opened again today: this lesson first');
    assert.match((await show.locator('option:checked').textContent()) ?? '', /^this lesson, since .+$/);
    assert.deepEqual(await tableOf(), [
      [ana, '1', '0', '0', '1'],
      [`${ben} (not started)`, '0', '—', '—', '—'],
    ]);
    await page.getByText('2/3: 1 ✗', { exact: true }).waitFor();
    assert.equal(await page.getByText('3/4: 1', { exact: false }).count(), 0, "last lesson's answer is not this lesson's");
    assert.equal(await page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' }).count(), 0, 'nobody completed a level this lesson');
    const csv = page.getByRole('link', { name: 'Download CSV' });
    const lessonHref = (await csv.getAttribute('href')) ?? '';
    assert.match(lessonHref, /\/results\.csv\?lesson=current&lang=en$/);
    const lessonFile = await request(new URL(lessonHref, collector.url).href);
    assert.match(lessonFile.headers.get('aula-lesson') ?? '', /^since=/);

    await show.selectOption('all');
    await page.getByText('2/3: 1 ✗ · 3/4: 1 ✓', { exact: true }).waitFor();
    assert.deepEqual(await tableOf(), [
      [ana, '2', '1', '1', '1'],
      [ben, '1', '1', '0', '0'],
    ]);
    await page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' }).waitFor();
    assert.match((await csv.getAttribute('href')) ?? '', /\/results\.csv\?lang=en$/);
  });

  test('opened again on an earlier day: all lessons first, this lesson on request', { timeout: 60_000 }, async () => {
    const { activity, ana, ben } = await twoLessons(collector, '4C');
    // Closed and opened again yesterday: today the teacher may be looking back at both lessons, as Live shows them.
    const day = 24 * 60 * 60_000;
    const opened = new Date(Date.now() - day).toISOString();
    // Created the week before.
    await collector.context.writer.run((tx) =>
      tx
        .prepare('UPDATE activities SET created = ?, closed = ?, opened = ? WHERE id = ?')
        .run(new Date(Date.now() - 7 * day).toISOString(), new Date(Date.now() - day - 60_000).toISOString(), opened, activity.id),
    );

    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(activity.id);
    await page.locator('.results-table tbody tr').nth(1).filter({ hasText: ben }).waitFor();
    const show = page.getByLabel('Show');
    assert.equal(await show.inputValue(), 'all');
    assert.deepEqual(await tableOf(), [
      [ana, '2', '1', '1', '1'],
      [ben, '1', '1', '0', '0'],
    ]);
    // Since yesterday's opening, both of ana's sessions and ben's count as that lesson's.
    const fetched = page.waitForResponse((response) => response.url().includes('/results?lesson=current'));
    await show.selectOption('lesson');
    await fetched;
    await page.locator('.results-table tbody tr').nth(1).filter({ hasText: ben }).waitFor();
    assert.deepEqual(await tableOf(), [
      [ana, '2', '1', '1', '1'],
      [ben, '1', '1', '0', '0'],
    ]);
  });

  test('an activity never closed has one lesson: no choice until the teacher closes it and opens it again', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'One lesson' });
    const start = await startOk(collector.url, activity.trackingCode);
    await sent(collector, start, [completedLevel(start)]);

    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(activity.id);
    await page.locator('.results-table tbody tr').first().waitFor();
    assert.equal(await page.locator('#results-lesson').count(), 0);
    assert.match((await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '', /\/results\.csv\?lang=en$/);

    // The next lesson begins (from Activities, or another tab): the choice comes, this lesson first, nobody in it yet.
    await nextLesson(collector, activity.id);
    await page.getByText('Nobody has played this lesson yet').waitFor();
    assert.equal(await page.getByLabel('Show').inputValue(), 'lesson');
    await page.getByText(/^No game has sent anything since .+, when the activity was opened again\./).waitFor();
  });
});
