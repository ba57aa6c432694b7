import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { databaseFile } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';

// The first start fixes the players' home page once it listens. A write refused then (a full disk, a database busy
// too long) made the start fail but left the collector listening and holding the data folder: the desktop app's
// "Try again" then met its own port and its own lock.
test('a start that fails once listening lets go of the port and the data folder, so trying again works', async () => {
  const dataDir = tempDir();
  await (await startTestCollector({ dataDir })).close();
  const db = new Database(databaseFile(dataDir));
  db.exec(`DELETE FROM settings WHERE key = 'home_page';
    CREATE TRIGGER refuse_home_page BEFORE INSERT ON settings WHEN NEW.key = 'home_page'
    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
  db.close();

  await assert.rejects(startTestCollector({ dataDir, config: { homePage: undefined } }), /database or disk is full/);

  const repaired = new Database(databaseFile(dataDir));
  repaired.exec('DROP TRIGGER refuse_home_page');
  repaired.close();
  const again = await startTestCollector({ dataDir, config: { homePage: undefined } });
  try {
    assert.equal((await fetch(`${again.url}/health`)).status, 200);
    assert.match(again.context.homePage, /^http:\/\/aula\.local:\d+\/$/);
  } finally {
    await again.close();
  }
});
