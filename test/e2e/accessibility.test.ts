import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { postAsXapiGame } from '../api/xapi-support.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, track } from '../support/rage.js';
import { axeViolations, colours, contrast, describeViolations } from './a11y-support.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard, scriptedTracker } from './browser-support.js';

const PLAY = path.join(import.meta.dirname, 'play-tracker-session.cjs');
const ALERTS = path.join(import.meta.dirname, 'alerts-tracker-session.cjs');

/** Every screen of the navigation bar, and the h1 it shows; Live last, as the visit starts there. */
const SCREENS: Array<[label: string, heading: string]> = [
  ['Activities', 'Activities'],
  ['Alerts & Warnings', 'Alerts & Warnings'],
  ['Classes', 'Classes'],
  ['Results', 'Results'],
  ['Players', 'Players'],
  ['Statements', 'Statements'],
  ['Connect', 'Connect the games'],
  ['Diagnostics', 'Diagnostics'],
  ['Data', 'Data'],
  ['Settings', 'Settings'],
  ['Live', 'Live'],
];

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label, exact: true });

/**
 * A teacher who uses the keyboard and a screen reader, on a classroom's real data: real js-tracker games (one that
 * finished a level, one that answers wrong until an alert fires and then goes idle), an xAPI game, a refused batch, a
 * class of two. Each screen is checked by axe-core with that data on it, and for what axe does not see.
 */
describe('the dashboard for the keyboard and a screen reader', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  let dashboard: CollectorDashboard | undefined;
  const games: Array<{ stop(): void }> = [];
  let animal = '';

  before(async () => {
    dashboard = await collectorDashboard();
    ({ collector, page } = dashboard);
    const post = (where: string, body: unknown) =>
      fetch(`${collector.url}/admin/api${where}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const { class: created } = (await (await post('/classes', { name: '3B' })).json()) as { class: { id: string } };
    await post(`/classes/${created.id}/students`, { username: 'ana', password: 'Sol-y-Luna-31', name: 'Ana García' });
    await post('/classes', { name: '4A' });
    const activity = makeActivity(collector.context.db, { name: 'Fractions', classId: created.id });
    const rules = (await (await fetch(`${collector.url}/admin/api/activities/${activity.id}/rules`)).json()) as {
      rules: { wrongAnswers: { enabled: boolean; inARow: number }; idle: { enabled: boolean; minutes: number } };
    };
    rules.rules.wrongAnswers = { ...rules.rules.wrongAnswers, enabled: true, inARow: 2 };
    rules.rules.idle = { ...rules.rules.idle, enabled: true, minutes: 0.05 };
    const saved = await fetch(`${collector.url}/admin/api/activities/${activity.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rules.rules),
    });
    assert.equal(saved.status, 200);

    const player = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    games.push(player);
    animal = String((await player.phase('started')).animalName);
    await player.phase('flushed');
    player.next();
    await player.phase('done');
    const wrong = scriptedTracker(ALERTS, collector.url, activity.trackingCode);
    games.push(wrong);
    await wrong.phase('started');
    wrong.send('wrong q1 a');
    await wrong.phase('flushed-1');
    wrong.send('wrong q2 b');
    await wrong.phase('flushed-2');
    const credential = activeXapiCredential(collector.context.db, activity.id);
    assert.ok(credential);
    assert.equal((await postAsXapiGame(`${collector.url}/xapi/`, credential.key, credential.secret)).status, 200);
    const refused = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, refused.authToken, [{ actor: refused.actor, verb: 'not-a-verb', object: { id: 'x' } }])).status, 400);
  });

  after(async () => {
    for (const game of games) game.stop();
    await dashboard?.close();
  });

  test('each screen: its own tab title, one h1 naming it that takes the focus, landmarks, and nothing axe-core finds', { timeout: 180_000 }, async () => {
    await page.goto(`${collector.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Live' }).waitFor();
    assert.equal(await page.title(), 'Live — Aula');
    // Opened from the address bar, the page keeps the focus where a screen reader starts: nothing is moved.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
    // Rows, alerts and the idle student are there before axe looks.
    await page.locator('.live-table tbody tr', { hasText: animal }).waitFor();
    await page.locator('[data-total="alerts"]').waitFor();
    await page.locator('[data-total="warnings"]').waitFor({ timeout: 20_000 });

    const found: string[] = [];
    for (const [label, heading] of SCREENS) {
      // With the keyboard: the screen's link in the navigation bar, then Enter.
      await nav(page, label).focus();
      await page.keyboard.press('Enter');
      const title = page.getByRole('heading', { level: 1, name: heading, exact: true });
      await title.waitFor();
      assert.equal(await page.title(), `${label} — Aula`, `${label}: the tab's title`);
      assert.equal(await page.locator('h1').count(), 1, `${label}: one h1`);
      assert.equal(await page.evaluate(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent), heading, `${label}: the focus on its h1`);
      assert.equal(await page.getByRole('banner').count(), 1, `${label}: one banner`);
      assert.equal(await page.getByRole('main').count(), 1, `${label}: one main`);
      await page.waitForLoadState('networkidle');
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
      const violations = await axeViolations(page);
      if (violations.length > 0) found.push(`${label}:\n${describeViolations(violations)}`);
    }
    assert.deepEqual(found, []);

    // A screen without a navigation link: a player's page, from the Players list.
    await nav(page, 'Players').click();
    await page.locator('.players-table').getByRole('link', { name: animal }).click();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    assert.equal(await page.title(), `${animal} — Players — Aula`);
    assert.equal(await page.locator('h1').count(), 1);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    // Back: the Players screen again, its heading focused.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Players' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Players');
  });

  test('the focus ring stands out (3:1) on the page, on the cards and in the dark header', async () => {
    await page.goto(`${collector.url}/activities`);
    await page.getByLabel('Name').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus-visible');
    const ring = await focused.evaluate((element) => getComputedStyle(element).outlineColor);
    const { background: card } = await colours(focused);
    const pageBackground = await page.evaluate(() => getComputedStyle(document.body.parentElement as HTMLElement).backgroundColor);
    assert.ok(contrast(ring, card) >= 3, `focus ring ${ring} on ${card}: ${contrast(ring, card)}`);
    assert.ok(contrast(ring, pageBackground) >= 3, `focus ring ${ring} on ${pageBackground}: ${contrast(ring, pageBackground)}`);

    await nav(page, 'Live').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const inHeader = page.locator(':focus-visible');
    const headerRing = await inHeader.evaluate((element) => getComputedStyle(element).outlineColor);
    const header = await page.getByRole('banner').evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.ok(contrast(headerRing, header) >= 3, `focus ring ${headerRing} on the header ${header}: ${contrast(headerRing, header)}`);
  });

  test('the figures of warnings, and the progress figure on its bar, read at 4.5:1', async () => {
    await page.goto(`${collector.url}/alerts`);
    const warning = page.locator('.badge-severity.severity-warning').first();
    await warning.waitFor({ timeout: 20_000 });
    const badge = await colours(warning);
    assert.ok(contrast(badge.color, badge.background) >= 4.5, `warning count ${badge.color} on ${badge.background}: ${contrast(badge.color, badge.background)}`);

    await page.goto(`${collector.url}/`);
    const bar = page.locator('.live-table .progress').first();
    await bar.waitFor();
    const text = await bar.locator('.progress-text').evaluate((element) => getComputedStyle(element).color);
    // One colour, not a gradient (whose darker end the figure stood on at 3:1).
    const fill = await bar.locator('.progress-fill').evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.equal(await bar.locator('.progress-fill').evaluate((element) => getComputedStyle(element).backgroundImage), 'none');
    const track = await bar.evaluate((element) => getComputedStyle(element).backgroundColor);
    // The figure stands half on the fill, half on the track.
    assert.ok(contrast(text, fill) >= 4.5, `progress figure ${text} on its fill ${fill}: ${contrast(text, fill)}`);
    assert.ok(contrast(text, track) >= 4.5, `progress figure ${text} on its track ${track}: ${contrast(text, track)}`);
  });
});
