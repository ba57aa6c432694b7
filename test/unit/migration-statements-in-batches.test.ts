import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../../server/store/migrations/index.js';
import { databaseFile, openDatabase } from '../../server/store/open-database.js';
import { findStatementSeq, statementIdPrefix } from '../../server/store/statement-ids.js';
import { tempDir } from '../support/temp-dir.js';

const COLUMNS = `seq, id, client_id, session_id, activity_id, player_id, verb_id, object_id, registration, timestamp, stored, source,
  voided, json, ref_id`;

/** A data folder as the release before migration 6 left it: statements in one wide table. */
function storeAtVersion5(dataDir: string): void {
  const db = new Database(databaseFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const up of migrations.slice(0, 5)) up(db);
    db.pragma('user_version = 5');
    db.exec(`
      INSERT INTO games (id, title, created) VALUES ('g', 'Game', '2026-01-01T00:00:00.000Z');
      INSERT INTO versions (id, game_id, tracking_code, created) VALUES ('v', 'g', 'code', '2026-01-01T00:00:00.000Z');
    `);
    const insert = db.prepare(
      `INSERT INTO statements (id, client_id, session_id, activity_id, player_id, verb_id, object_id, registration, timestamp, stored,
         source, voided, json, ref_id) VALUES (?, ?, NULL, NULL, 'p', ?, 'o', ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('0190a000-0000-7000-8000-000000000001', null, 'v1', null, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01.000Z', 'rage', 0, '{"a":1}', null);
    insert.run('0190a000-0000-7000-8000-000000000002', 'c2', 'v2', 'r', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03.000Z', 'xapi', 1, '{"b":2}', null);
    insert.run('0190a000-0000-7000-8000-000000000003', null, 'http://adlnet.gov/expapi/verbs/voided', null, null, '2026-01-01T00:00:04.000Z', 'xapi', 0, '{"c":3}', '0190a000-0000-7000-8000-000000000002');
    db.prepare("INSERT INTO xapi_statement_agents (seq, ifi, related) VALUES (2, 'mbox:mailto:a@example.com', 0)").run();
    db.prepare("INSERT INTO xapi_statement_activities (seq, activity_iri, related) VALUES (2, 'http://example.com/x', 0)").run();
  })();
  db.close();
}

describe('migration 6: statements in batches', () => {
  it('keeps every stored statement as it was, with its id, and the xAPI lookups that point at it', () => {
    const dataDir = tempDir();
    storeAtVersion5(dataDir);
    const before = new Database(databaseFile(dataDir), { readonly: true });
    const rows = before.prepare(`SELECT ${COLUMNS} FROM statements ORDER BY seq`).all();
    before.close();

    const db = openDatabase(dataDir);
    assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
    assert.deepEqual(db.prepare(`SELECT ${COLUMNS} FROM statements ORDER BY seq`).all(), rows);
    assert.equal(findStatementSeq(db, '0190a000-0000-7000-8000-000000000002'), 2);
    assert.deepEqual(db.prepare('SELECT seq, ifi FROM xapi_statement_agents').all(), [{ seq: 2, ifi: 'mbox:mailto:a@example.com' }]);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');

    // The next statement continues the sequence with an id of its own kind.
    db.prepare(
      `INSERT INTO statements (session_id, activity_id, player_id, verb_id, object_id, stored, source, json)
       VALUES (NULL, NULL, 'p', 'v4', 'o', '2026-01-02T00:00:00.000Z', 'rage', '{"d":4}')`,
    ).run();
    const added = db.prepare('SELECT seq, id FROM statements ORDER BY seq DESC LIMIT 1').get() as { seq: number; id: string };
    assert.equal(added.seq, 4);
    assert.equal(added.id, `${statementIdPrefix(db)}000000000004`);
    db.close();
  });

  it('gives each installation its own id prefix', () => {
    const prefixes = [tempDir(), tempDir()].map((dataDir) => {
      const db = openDatabase(dataDir);
      const prefix = statementIdPrefix(db);
      db.close();
      return prefix;
    });
    assert.notEqual(prefixes[0], prefixes[1]);
  });
});
