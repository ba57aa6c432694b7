import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// An activity used all term: Live holds its 500 most recent sessions, and "all sessions (500)" did not say that
// older ones were left out of the list and of every count in Show.
describe('Live says when it holds only the most recent sessions', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('501 sessions: "Only the 500 most recent sessions…", with the way to Results and to their export', { timeout: 60_000 }, async () => {
    const { db } = collector.context;
    const term = makeActivity(db, { name: 'All term' });
    const lesson = makeActivity(db, { name: 'One lesson' });
    db.transaction(() => {
      const player = createAnonymousPlayer(db);
      for (let i = 0; i < 501; i++) openSession(db, { activityId: term.id, versionId: term.versionId }, player);
      openSession(db, { activityId: lesson.id, versionId: lesson.versionId }, player);
    })();

    await page.goto(`${collector.url}/`);
    await page.locator('#activity-picker').selectOption(term.id);
    const notice = page.getByTestId('live-cut');
    await notice.waitFor();
    assert.equal(
      await notice.textContent(),
      'Only the 500 most recent sessions are listed and counted here; Results counts every session of this activity, and Data exports the statements of all of them.',
    );
    assert.equal(await page.locator('.live-table tbody tr').count(), 500);
    assert.match((await page.getByLabel('Show').locator('option:checked').textContent()) ?? '', /^all sessions \(500\)$/);
    assert.equal(await notice.getByRole('link', { name: 'Data' }).getAttribute('href'), `/data?activity=${term.id}`);

    // An activity with all its sessions listed says nothing of the kind.
    await page.locator('#activity-picker').selectOption(lesson.id);
    await page.locator('.live-table tbody tr').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.live-table tbody tr').length === 1);
    assert.equal(await notice.count(), 0);
  });
});
