import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../../server/store/open-database.js';
import { findOrCreateTarget } from '../../server/upload/upload-state.js';
import { tempDir } from '../support/temp-dir.js';

// Which spellings of an endpoint are one LRS (its upload state: what was sent there is not sent again).
test('an endpoint typed in another case is the same LRS only where URLs and LRSs ignore case', () => {
  const db = openDatabase(tempDir());
  try {
    const now = new Date().toISOString();
    const first = findOrCreateTarget(db, 'https://lrs.example.org/Store-A/xAPI', 'key', now);
    assert.equal(findOrCreateTarget(db, 'https://lrs.example.org/Store-A/xapi', 'key', now), first, 'the xAPI segment in any case');
    assert.equal(findOrCreateTarget(db, 'https://LRS.Example.org/Store-A/XAPI', 'key', now), first, 'and the host');
    assert.notEqual(findOrCreateTarget(db, 'https://lrs.example.org/store-a/xAPI', 'key', now), first, 'another store keeps its own state');
    assert.notEqual(findOrCreateTarget(db, 'https://lrs.example.org/Store-A/xAPI', 'another-key', now), first, 'so does another key');
    const shown = db.prepare('SELECT endpoint FROM upload_targets WHERE id = ?').get(first) as { endpoint: string };
    assert.equal(shown.endpoint, 'https://lrs.example.org/Store-A/xAPI', 'the spelling first used stays');
  } finally {
    db.close();
  }
});
