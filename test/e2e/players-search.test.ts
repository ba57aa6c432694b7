import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer } from '../../server/store/players-repo.js';
import { insertStudent } from '../../server/store/students-repo.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// After a term a laptop knows more players than the 1,000 Players loads: a student last seen in the term's first
// weeks was not among them, and "Find a player" said nobody matched. The box now asks the server, as the teacher
// pauses, and keeps the rows and the keyboard's focus while the answer comes.
describe('Find a player looks through every player', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('a student seen before the 1,000 newest players is found, the list never blank, the box keeps the focus', async () => {
    const { db } = collector.context;
    db.transaction(() => {
      const studentId = insertStudent(db, { username: 'onunez', name: 'Óscar Núñez', passwordHash: 'not-a-hash' });
      const student = findOrCreateStudentPlayer(db, { id: studentId, username: 'onunez' });
      db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(new Date(Date.UTC(2026, 0, 1)).toISOString(), student.id);
      for (let i = 0; i < 1000; i++) {
        const later = createAnonymousPlayer(db, () => `Later Player ${i}`);
        db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString(), later.id);
      }
    })();
    const rows = page.locator('.players-table tbody tr');

    await page.goto(`${collector.url}/players`);
    await page.getByText('100 of 1,000 players shown').waitFor();
    const box = page.getByLabel('Find a player');
    await box.focus();
    // Watched on every frame while the teacher types: the rows drawn, and where the focus is. (A string: the test
    // runner's transform would name a function's inner functions with a helper the page does not have.)
    await page.evaluate(`(() => {
      const seen = { fewestRows: Infinity, focusLeft: false, nobodyYet: false };
      window.seen = seen;
      const watch = () => {
        seen.fewestRows = Math.min(seen.fewestRows, document.querySelectorAll('.players-table tbody tr').length);
        if (document.activeElement?.getAttribute('type') !== 'search') seen.focusLeft = true;
        if (document.body.textContent?.includes('Nobody has played yet')) seen.nobodyYet = true;
        requestAnimationFrame(watch);
      };
      watch();
    })()`);
    await box.pressSequentially('Later Player 99', { delay: 60 });
    await page.waitForFunction(() => document.querySelectorAll('.players-table tbody tr').length === 11, undefined, { timeout: 10_000 });
    await box.press('Control+A');
    await box.pressSequentially('óscar', { delay: 60 });
    await page.getByRole('link', { name: 'Óscar Núñez (onunez)' }).waitFor();
    assert.deepEqual(await rows.locator('a').allTextContents(), ['Óscar Núñez (onunez)']);
    const seen = await page.evaluate(() => (window as unknown as { seen: { fewestRows: number; focusLeft: boolean } }).seen);
    assert.ok(seen.fewestRows > 0, 'the list never went blank while the search was typed');
    assert.equal(seen.focusLeft, false, 'the focus stayed in the search box');
    assert.equal(await box.inputValue(), 'óscar');

    await box.fill('nobody by this name');
    await page.getByText('No player matches these filters.').waitFor();
    assert.ok(await box.evaluate((element) => element === document.activeElement), 'the box stays, with the focus, when nothing matches');
    // Cleared after finding nobody: the search's empty table stays until everyone is back, never the empty laptop's
    // "Nobody has played yet", which has no box (the focus went with it).
    await box.fill('');
    await page.getByText('100 of 1,000 players shown').waitFor();
    assert.ok(await box.evaluate((element) => element === document.activeElement), 'the cleared box keeps the focus');
    const cleared = await page.evaluate(() => (window as unknown as { seen: { focusLeft: boolean; nobodyYet: boolean } }).seen);
    assert.equal(cleared.nobodyYet, false, '"Nobody has played yet" never showed');
    assert.equal(cleared.focusLeft, false, 'the focus stayed in the search box');
  });
});
