import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../../server/store/migrations/index.js';
import { databaseFile, openDatabase } from '../../server/store/open-database.js';
import { tempDir } from '../support/temp-dir.js';

/** Refusals kept before migration 22, from an IPv4 device (seen bare and IPv4-mapped) and two addresses of one /64. */
function storeAtVersion21(dataDir: string, addresses: string[]): void {
  const db = new Database(databaseFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const up of migrations.slice(0, 21)) up(db);
    db.pragma('user_version = 21');
    const insert = db.prepare(
      `INSERT INTO rejected_requests (time, route, address, status, message, sample) VALUES ('2026-11-27T10:00:00.000Z', 'track', ?, 401, ?, NULL)`,
    );
    for (const [index, address] of addresses.entries()) insert.run(address, `refusal ${index}`);
  })();
  db.close();
}

test("migration 22 gives the refusals kept before it their device's key, so they count against its bound as new ones do", () => {
  const dataDir = tempDir();
  storeAtVersion21(dataDir, ['10.0.0.5', '::ffff:10.0.0.5', '2001:db8:1:2::a', '2001:DB8:1:2:ffff::b', '2001:db8:1:3::a', 'fe80::1%eth0']);
  const db = openDatabase(dataDir);
  try {
    const keys = db.prepare('SELECT address, address_key AS key FROM rejected_requests ORDER BY id').all();
    assert.deepEqual(keys, [
      { address: '10.0.0.5', key: '10.0.0.5' },
      { address: '::ffff:10.0.0.5', key: '10.0.0.5' },
      { address: '2001:db8:1:2::a', key: '2001:db8:1:2::/64' },
      { address: '2001:DB8:1:2:ffff::b', key: '2001:db8:1:2::/64' },
      { address: '2001:db8:1:3::a', key: '2001:db8:1:3::/64' },
      { address: 'fe80::1%eth0', key: 'fe80::/64' },
    ]);
  } finally {
    db.close();
  }
});
