import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, trackStatements } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const MIN = 60_000;
/** The laptop's clock as the collector reads it (ctx.now): real time plus this. */
let offset = 0;

// A reviewer's steps: Fractions 3B's games went silent (a Wi-Fi drop) and raised Idle warnings, while Maths 3B,
// closed, still had a game heard from in the last 3 minutes. The header's count opened Alerts on "Maths 3B (closed)",
// "No rules are switched on for this activity", the activity being played, not the one whose alerts it counted.
describe('Alerts opens on the activity whose alerts the header counts', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;
  let fractions3B: Activity;
  let maths3B: Activity;

  dashboardForSuite((opened) => ({ collector, browser, page } = opened), { now: () => Date.now() + offset });

  const admin = async (pathname: string, body?: unknown, method?: string) => {
    const answer = await adminApi(collector.url, pathname, body, method);
    assert.ok(answer.status < 300, answer.text);
    return answer.json;
  };

  /** The header's count once the rules engine's one-second timer has raised what the test waits for. */
  const countReaches = async (want: { alerts: number; warnings: number }) => {
    for (let tries = 0; tries < 100; tries++) {
      const counts = (await admin('/alerts/count')) as { alerts: number; warnings: number };
      if (counts.alerts === want.alerts && counts.warnings === want.warnings) return;
      await sleep(100);
    }
    assert.deepEqual(await admin('/alerts/count'), want);
  };

  const badge = (on: Page) => on.locator('a.alert-count');
  const go = (on: Page, label: string) => on.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label, exact: true }).click();
  const alertsPicker = (on: Page) => on.locator('#alerts-activity');
  const pickerOptions = (on: Page) => alertsPicker(on).locator('option').allTextContents();

  test("a fresh browser: the header's count and the Alerts link open on Fractions 3B, not on the closed activity being played", { timeout: 90_000 }, async () => {
    fractions3B = makeActivity(collector.context.db, { name: 'Fractions 3B' });
    await admin(`/activities/${fractions3B.id}/rules`, { idle: { enabled: true, minutes: 1 } }, 'PUT');
    for (let i = 0; i < 3; i++) await trackStatements(collector.url, await startOk(collector.url, fractions3B.trackingCode), 1);
    // The Wi-Fi drops: two minutes without a word from Fractions 3B's games, idle after the rule's one minute.
    offset += 2 * MIN;
    await countReaches({ alerts: 0, warnings: 3 });

    maths3B = makeActivity(collector.context.db, { name: 'Maths 3B' });
    await trackStatements(collector.url, await startOk(collector.url, maths3B.trackingCode), 1);
    await admin(`/activities/${maths3B.id}/close`, {});

    // Live still starts on the closed activity being played (its game heard from a moment ago): the premise.
    await page.goto(collector.url);
    await badge(page).waitFor();
    assert.equal(await page.locator('#activity-picker').inputValue(), maths3B.id);
    await badge(page).getByText('3 warnings').click();
    await page.getByRole('heading', { name: 'Alerts & Warnings' }).waitFor();
    await page.locator('.alerts-table tbody tr').nth(2).waitFor();
    assert.equal(await alertsPicker(page).inputValue(), fractions3B.id);
    assert.equal(await page.getByText('No rules are switched on for this activity').count(), 0);
    // Only the activity the header counts is marked with its count.
    assert.deepEqual(await pickerOptions(page), ['Fractions 3B — 3 warnings', 'Maths 3B (closed)']);

    // Another fresh browser, straight to Alerts (a bookmark): the same.
    const other = await browser.newPage();
    try {
      await other.goto(`${collector.url}/alerts`);
      await other.locator('.alerts-table tbody tr').nth(2).waitFor();
      assert.equal(await alertsPicker(other).inputValue(), fractions3B.id);
    } finally {
      await other.close();
    }
  });

  test("Live's \"change it in Alerts\" opens the Idle rule of the activity Live shows, not the one with alerts", { timeout: 60_000 }, async () => {
    const fresh = await browser.newPage();
    try {
      await fresh.goto(`${collector.url}/`);
      await badge(fresh).waitFor();
      assert.equal(await fresh.locator('#activity-picker').inputValue(), maths3B.id, 'Live shows the activity being played');
      const link = fresh.getByTestId('idle-after').getByRole('link', { name: 'change it in Alerts' });
      const href = await link.getAttribute('href');
      await link.click();
      await fresh.getByText('No rules are switched on for this activity').waitFor();
      assert.equal(await alertsPicker(fresh).inputValue(), maths3B.id);
      // Opened in a new tab (a middle click): the link itself names the activity.
      const tab = await browser.newPage();
      try {
        await tab.goto(new URL(href ?? '', collector.url).href);
        await tab.getByText('No rules are switched on for this activity').waitFor();
        assert.equal(await alertsPicker(tab).inputValue(), maths3B.id);
      } finally {
        await tab.close();
      }
    } finally {
      await fresh.close();
    }
  });

  test('the activity Alerts opens on by itself is its own: back on Live, the activity being played is still shown', { timeout: 60_000 }, async () => {
    const fresh = await browser.newPage();
    try {
      await fresh.goto(`${collector.url}/`);
      await badge(fresh).waitFor();
      assert.equal(await fresh.locator('#activity-picker').inputValue(), maths3B.id);
      await go(fresh, 'Alerts & Warnings');
      await fresh.locator('.alerts-table tbody tr').nth(2).waitFor();
      assert.equal(await alertsPicker(fresh).inputValue(), fractions3B.id);
      await go(fresh, 'Live');
      await fresh.getByRole('heading', { name: 'Live', level: 1 }).waitFor();
      assert.equal(await fresh.locator('#activity-picker').inputValue(), maths3B.id, 'Live still shows the game being played');
      // Chosen in Alerts' picker, it is the teacher's: then Live follows it.
      await go(fresh, 'Alerts & Warnings');
      await alertsPicker(fresh).selectOption(maths3B.id);
      await fresh.getByText('No rules are switched on for this activity').waitFor();
      await alertsPicker(fresh).selectOption(fractions3B.id);
      await fresh.locator('.alerts-table tbody tr').nth(2).waitFor();
      await go(fresh, 'Live');
      await fresh.getByRole('heading', { name: 'Live', level: 1 }).waitFor();
      assert.equal(await fresh.locator('#activity-picker').inputValue(), fractions3B.id);
    } finally {
      await fresh.close();
    }
  });

  test("several activities with alerts: the picker marks each, the teacher's own choice stands, the header's count leads to what it counts", { timeout: 90_000 }, async () => {
    // Fractions 3A's one game goes silent too, its Idle rule raising alerts: the newest, and the most urgent.
    const fractions3A = makeActivity(collector.context.db, { name: 'Fractions 3A' });
    await admin(`/activities/${fractions3A.id}/rules`, { idle: { enabled: true, minutes: 1, severity: 'alert' } }, 'PUT');
    await trackStatements(collector.url, await startOk(collector.url, fractions3A.trackingCode), 1);
    offset += 2 * MIN;
    await countReaches({ alerts: 1, warnings: 3 });

    const fresh = await browser.newPage();
    try {
      await fresh.goto(`${collector.url}/`);
      await go(fresh, 'Alerts & Warnings');
      await fresh.locator('.alerts-table tbody tr').first().waitFor();
      assert.equal(await alertsPicker(fresh).inputValue(), fractions3A.id);
      assert.deepEqual(await pickerOptions(fresh), ['Fractions 3B — 3 warnings', 'Maths 3B (closed)', 'Fractions 3A — 1 alert']);

      // The teacher picks the closed Maths 3B, looks at Live, comes back to Alerts: still Maths 3B.
      await alertsPicker(fresh).selectOption(maths3B.id);
      await fresh.getByText('No rules are switched on for this activity').waitFor();
      await go(fresh, 'Live');
      await go(fresh, 'Alerts & Warnings');
      await fresh.getByText('No rules are switched on for this activity').waitFor();
      assert.equal(await alertsPicker(fresh).inputValue(), maths3B.id);

      // Fractions 3B, chosen, has warnings: the header's count keeps it.
      await alertsPicker(fresh).selectOption(fractions3B.id);
      await fresh.locator('.alerts-table tbody tr').nth(2).waitFor();
      await go(fresh, 'Live');
      await badge(fresh).click();
      await fresh.locator('.alerts-table tbody tr').nth(2).waitFor();
      assert.equal(await alertsPicker(fresh).inputValue(), fractions3B.id);

      // Maths 3B has none the header counts: its count leads to the activity that has them.
      await alertsPicker(fresh).selectOption(maths3B.id);
      await fresh.getByText('No rules are switched on for this activity').waitFor();
      await badge(fresh).click();
      await fresh.getByRole('cell', { name: '1', exact: true }).first().waitFor();
      assert.equal(await alertsPicker(fresh).inputValue(), fractions3A.id);
    } finally {
      await fresh.close();
    }
  });
});
