import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer } from '../../server/store/players-repo.js';
import { insertStudent } from '../../server/store/students-repo.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// After a term: Players holds the 1,000 players seen most recently. "Show: students" looked only among them, so a
// student seen in the term's first weeks was not found, and nothing said the list was cut.
describe("Players' kind finds a student seen before the newest 1,000, and the list says it is cut", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('1,050 players, the one student seen first: "Only the 1,000 … listed", and Students shows her', async () => {
    const { db } = collector.context;
    const seenAt = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    db.transaction(() => {
      const student = findOrCreateStudentPlayer(db, { id: insertStudent(db, { username: 'ana', name: '', passwordHash: 'not-a-hash' }), username: 'ana' });
      db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(seenAt(0), student.id);
      for (let i = 0; i < 1049; i++) {
        const later = createAnonymousPlayer(db, () => `Later Player ${i}`);
        db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(seenAt(100 + i), later.id);
      }
    })();
    const rows = page.locator('.players-table tbody tr');

    await page.goto(`${collector.url}/players`);
    await page.getByText('Only the 1,000 players seen most recently are listed; find a player by name to look among the others.').waitFor();

    await page.getByLabel('Show').selectOption('identified');
    await page.getByTestId('players-cut').waitFor({ state: 'detached' });
    await rows.locator('a', { hasText: 'ana' }).waitFor();
    assert.deepEqual(await rows.locator('a').allTextContents(), ['ana'], 'the student seen first, found by the kind alone');
  });
});
