import type { Database } from 'better-sqlite3';

/**
 * Attachment data sent with xAPI statements as raw parts of a `multipart/mixed` request (xAPI Data 2.4.11,
 * Communication 1.5.2): one row per distinct sha2 (the spec lets statements share one attachment), and which stored
 * statements refer to which row, with their activity, so that an activity's attachment space can be counted and an
 * erasure can remove the data no statement refers to any more.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE xapi_attachments (
      id INTEGER PRIMARY KEY,
      sha2 TEXT NOT NULL UNIQUE,
      content_type TEXT NOT NULL,
      length INTEGER NOT NULL,
      data BLOB NOT NULL
    ) STRICT;
    CREATE TABLE xapi_statement_attachments (
      seq INTEGER NOT NULL,
      attachment_id INTEGER NOT NULL REFERENCES xapi_attachments(id),
      activity_id TEXT NOT NULL,
      PRIMARY KEY (seq, attachment_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX xapi_statement_attachments_by_attachment ON xapi_statement_attachments (attachment_id);
    CREATE INDEX xapi_statement_attachments_by_activity ON xapi_statement_attachments (activity_id, attachment_id);
  `);
}
