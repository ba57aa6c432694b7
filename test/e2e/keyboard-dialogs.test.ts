import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { start } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite, scriptedTracker } from './browser-support.js';

const PLAY = path.join(import.meta.dirname, 'play-tracker-session.cjs');

/** Waits until `target` has the focus (it comes back a moment after the question goes). */
async function focusComesBackTo(target: Locator): Promise<void> {
  for (const began = Date.now(); Date.now() - began < 3000; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  const focused = await target.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  assert.fail(`the focus is on ${focused}`);
}

/** The accessible name of the focused element, as the page's text gives it (buttons here have no aria-label). */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/**
 * A teacher on the keyboard with a screen reader answers the dashboard's questions: the focus goes into the question,
 * stays there with Tab, Escape says no, and the focus comes back to the button that asked.
 */
describe('questions before a change, with the keyboard', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('Activities: Close asks first, saying new sessions are refused and games playing go on; a game playing does go on', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const game = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    try {
      await game.phase('flushed');
      await page.goto(`${collector.url}/activities`);
      const row = page.locator('.activities-table tbody tr', { hasText: 'Fractions' }).first();
      const close = row.getByRole('button', { name: 'Close… Fractions' });
      await close.focus();
      await page.keyboard.press('Enter');

      const question = page.getByRole('alertdialog', { name: 'Close activity Fractions' });
      await question.waitFor();
      const said = (await question.textContent()) ?? '';
      assert.match(said, /New sessions are refused/);
      assert.match(said, /Games already playing go on/);
      // The question is read with the dialog, and the focus is on the choice that changes nothing.
      const describedBy = (await question.getAttribute('aria-describedby')) ?? '';
      assert.match((await page.locator(`[id="${describedBy}"]`).textContent()) ?? '', /New sessions are refused/);
      assert.equal(await focusedText(page), 'Cancel');
      // Tab and Shift+Tab stay inside.
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), 'Yes, close activity');
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), 'Cancel');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedText(page), 'Cancel');
      // Escape: nothing changes, the focus is back on Close….
      await page.keyboard.press('Escape');
      await question.waitFor({ state: 'detached' });
      await focusComesBackTo(close);
      assert.equal(await row.locator('.badge-open').textContent(), 'open');

      // Asked again and answered: closed, the game already playing goes on, a new one is turned away.
      await page.keyboard.press('Enter');
      await question.getByRole('button', { name: 'Yes, close activity' }).click();
      await row.locator('.badge-closed').waitFor();
      await page.getByRole('status').filter({ hasText: 'Closed “Fractions”. New games with code' }).waitFor();
      await focusComesBackTo(row.getByRole('button', { name: 'Open Fractions' }));
      game.next();
      assert.equal((await game.phase('done')).ok, true, 'the game playing sends on');
      assert.notEqual((await start(collector.url, activity.trackingCode)).status, 200, 'a new game is refused');
      // Opening again asks nothing.
      await row.getByRole('button', { name: 'Open Fractions' }).click();
      await row.locator('.badge-open').waitFor();
    } finally {
      game.stop();
    }
  });

  test('Classes: removing a student asks in a dialog that keeps the focus, Escape cancels and the focus comes back', async () => {
    const post = (where: string, body: unknown) =>
      fetch(`${collector.url}/admin/api${where}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const { class: created } = (await (await post('/classes', { name: '3B' })).json()) as { class: { id: string } };
    assert.equal((await post(`/classes/${created.id}/students`, { username: 'carla', password: 'Luna-Azul-77' })).status, 201);
    await page.goto(`${collector.url}/classes?class=${created.id}`);
    const remove = page.getByRole('button', { name: 'Remove carla from class…' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('alertdialog', { name: 'Remove carla from class 3B' });
    await question.waitFor();
    assert.equal(await question.getAttribute('aria-modal'), 'true');
    assert.equal(await focusedText(page), 'Cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await question.evaluate((box) => box.contains(document.activeElement)), true, 'Tab stays in the question');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await focusComesBackTo(remove);
    await page.locator('tr[data-username="carla"]').waitFor();
  });

  test('Settings: Regenerate… asks in the same dialog; Cancel gives the focus back to Regenerate…', async () => {
    await page.goto(`${collector.url}/settings`);
    const regenerate = page.getByRole('button', { name: 'Regenerate…' });
    await regenerate.focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('alertdialog', { name: 'Make a new teacher key' });
    await question.waitFor();
    assert.equal(await focusedText(page), 'Cancel');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    await focusComesBackTo(regenerate);
  });

  test("a player's Erase panel: the focus goes in, Escape closes it and gives the focus back", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Erasing' });
    const game = scriptedTracker(PLAY, collector.url, activity.trackingCode);
    try {
      const { animalName } = await game.phase('flushed').then(() => game.phase('started'));
      await page.goto(`${collector.url}/players`);
      await page.locator('.players-table').getByRole('link', { name: String(animalName) }).click();
      const erase = page.getByRole('button', { name: "Erase this player's data…" });
      await erase.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('group', { name: 'Erase data' });
      await panel.waitFor();
      assert.equal(await panel.evaluate((box) => box.contains(document.activeElement)), true);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await focusComesBackTo(erase);
    } finally {
      game.stop();
    }
  });
});
