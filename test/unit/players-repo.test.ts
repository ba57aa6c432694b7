import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../server/store/open-database.js';
import { findOrCreateStudentPlayer } from '../../server/store/players-repo.js';
import { tempDir } from '../support/temp-dir.js';

describe('players of students', () => {
  it('a student adopts the unlinked player with their username (imported or from xAPI) instead of a duplicate', () => {
    const db = openDatabase(tempDir());
    try {
      const now = new Date().toISOString();
      db.prepare(
        "INSERT INTO players (id, public_id, kind, animal_name, created, statements) VALUES ('p-imported', 'ana', 'identified', 'calm-swift-otter', ?, 7)",
      ).run(now);
      db.prepare("INSERT INTO students (id, username, password_hash, created) VALUES ('s-ana', 'ana', 'x', ?)").run(now);
      const player = findOrCreateStudentPlayer(db, { id: 's-ana', username: 'ana' });
      assert.equal(player.id, 'p-imported');
      assert.equal(player.animalName, 'calm-swift-otter');
      assert.equal(player.studentId, 's-ana');
      assert.equal(findOrCreateStudentPlayer(db, { id: 's-ana', username: 'ana' }).id, 'p-imported');
      assert.equal((db.prepare('SELECT count(*) AS n FROM players').get() as { n: number }).n, 1);
    } finally {
      db.close();
    }
  });
});
