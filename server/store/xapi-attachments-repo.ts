import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { findStatementSeq } from './statement-ids.js';

/** Attachment data of a request, one per distinct sha2 (lowercase hex), to store with its statements. */
export interface AttachmentData {
  sha2: string;
  contentType: string;
  data: Uint8Array;
}

export interface StoredAttachment {
  sha2: string;
  contentType: string;
  length: number;
}

/** The statements of an activity refer to more attachment data than its limit allows (XapiIngestError 413). */
export class AttachmentSpaceError extends Error {
  constructor(limitBytes: number) {
    super(
      `The attachments of this activity's statements would take more than ${Math.round(limitBytes / (1024 * 1024))} MiB: ` +
        'send large files as a fileUrl, or ask the teacher for a new activity',
    );
  }
}

/**
 * On the writer thread, in the request's savepoint: the data of each sha2 once (a row shared by every statement
 * and activity that names it), and which statements refer to it. An activity's statements may refer to at most
 * `limitBytes` of data in all, so that one game (or one key that leaked) cannot fill the classroom laptop's disk.
 */
export function storeAttachments(
  db: Db,
  activityId: string,
  refs: ReadonlyArray<{ seq: number; sha2s: readonly string[] }>,
  data: readonly AttachmentData[],
  limitBytes: number,
): void {
  if (refs.length === 0) return;
  const bySha = new Map(data.map((item) => [item.sha2, item]));
  const find = prepared<[string], { id: number; length: number }>(db, 'SELECT id, length FROM xapi_attachments WHERE sha2 = ?');
  const known = prepared<[string, number], { one: number }>(
    db,
    'SELECT 1 AS one FROM xapi_statement_attachments WHERE activity_id = ? AND attachment_id = ? LIMIT 1',
  );
  const insert = prepared(db, 'INSERT INTO xapi_attachments (sha2, content_type, length, data) VALUES (?, ?, ?, ?)');
  const link = prepared(db, 'INSERT OR IGNORE INTO xapi_statement_attachments (seq, attachment_id, activity_id) VALUES (?, ?, ?)');
  const ids = new Map<string, number>();
  let added = 0;
  for (const sha2 of new Set(refs.flatMap((ref) => ref.sha2s))) {
    const item = bySha.get(sha2);
    const existing = find.get(sha2);
    if (existing) {
      if (!known.get(activityId, existing.id)) added += existing.length;
      ids.set(sha2, existing.id);
    } else if (item) {
      added += item.data.byteLength;
      ids.set(sha2, Number(insert.run(sha2, item.contentType, item.data.byteLength, Buffer.from(item.data.buffer, item.data.byteOffset, item.data.byteLength)).lastInsertRowid));
    }
  }
  if (added > 0 && activityBytes(db, activityId) + added > limitBytes) throw new AttachmentSpaceError(limitBytes);
  for (const { seq, sha2s } of refs) {
    for (const sha2 of sha2s) {
      const id = ids.get(sha2);
      if (id !== undefined) link.run(seq, id, activityId);
    }
  }
}

/** Bytes of attachment data the activity's statements refer to (each sha2 once). */
export function activityBytes(db: Db, activityId: string): number {
  return (
    prepared<[string], { bytes: number | null }>(
      db,
      `SELECT sum(length) AS bytes FROM xapi_attachments
       WHERE id IN (SELECT attachment_id FROM xapi_statement_attachments WHERE activity_id = ?)`,
    ).get(activityId)?.bytes ?? 0
  );
}

/** The attachments whose data is stored for these statements, each sha2 once, in the order of `seqs`. */
export function attachmentsOfStatements(db: Db, seqs: readonly number[]): StoredAttachment[] {
  if (seqs.length === 0) return [];
  return prepared<[string], StoredAttachment>(
    db,
    `SELECT a.sha2, a.content_type AS contentType, a.length FROM xapi_attachments a
     WHERE a.id IN (SELECT attachment_id FROM xapi_statement_attachments WHERE seq IN (SELECT value FROM json_each(?)))
     ORDER BY a.id`,
  ).all(JSON.stringify(seqs));
}

/** Whether any statement has attachment data: an upload without any keeps its requests exactly as before. */
export function hasAttachmentData(db: Db): boolean {
  return prepared<[], { one: number }>(db, 'SELECT 1 AS one FROM xapi_attachments LIMIT 1').get() !== undefined;
}

/** One attachment's bytes, read when it is sent (a page of statements may refer to many). */
export function attachmentData(db: Db, sha2: string): Buffer | undefined {
  return prepared<[string], { data: Buffer }>(db, 'SELECT data FROM xapi_attachments WHERE sha2 = ?').get(sha2)?.data;
}

/**
 * Erasure (statement-rows.ts deleteStatements): the links of the deleted statements, and the data no statement refers
 * to any more. Data another statement still names stays: it is that statement's too.
 */
export function deleteAttachmentsOf(db: Db, seqTable: string): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS erase_attachment (id INTEGER PRIMARY KEY); DELETE FROM temp.erase_attachment;`);
  db.exec(`INSERT OR IGNORE INTO temp.erase_attachment (id)
             SELECT attachment_id FROM xapi_statement_attachments WHERE seq IN (SELECT seq FROM ${seqTable})`);
  db.exec(`DELETE FROM xapi_statement_attachments WHERE seq IN (SELECT seq FROM ${seqTable})`);
  db.exec(`DELETE FROM xapi_attachments WHERE id IN (SELECT id FROM temp.erase_attachment)
             AND NOT EXISTS (SELECT 1 FROM xapi_statement_attachments r WHERE r.attachment_id = xapi_attachments.id)`);
}

/** An attachment as a bundle carries it (zip-bundle.ts): its data, and the ids of the exported statements naming it. */
export interface BundledAttachment {
  sha2: string;
  contentType: string;
  data: Buffer;
  statements: string[];
}

/**
 * The attachment data of the statements `where` selects (over `statements s`), each sha2 once with the ids of the
 * statements naming it, read one attachment at a time.
 */
export function* bundledAttachments(db: Db, where: { sql: string; params: ReadonlyArray<string | number> }): Generator<BundledAttachment> {
  const links = db
    .prepare(`SELECT r.attachment_id AS attachmentId, s.id FROM xapi_statement_attachments r JOIN statements s ON s.seq = r.seq ${where.sql}`)
    .all(...where.params) as Array<{ attachmentId: number; id: string }>;
  const byAttachment = new Map<number, string[]>();
  for (const { attachmentId, id } of links) byAttachment.set(attachmentId, [...(byAttachment.get(attachmentId) ?? []), id]);
  const read = prepared<[number], { sha2: string; contentType: string; data: Buffer }>(
    db,
    'SELECT sha2, content_type AS contentType, data FROM xapi_attachments WHERE id = ?',
  );
  for (const [id, statements] of [...byAttachment.entries()].sort(([a], [b]) => a - b)) {
    const row = read.get(id);
    if (row) yield { ...row, statements };
  }
}

/**
 * An imported attachment (import-attachments.ts): stored and linked to the statements here that the bundle says name
 * it, are xAPI statements and do name its sha2 (a different statement stored here under one of those ids does not get
 * it). No activity limit applies: the import is the teacher's or researcher's own. Returns how many it was linked to.
 */
export function storeImportedAttachment(db: Db, attachment: BundledAttachment): number {
  // By seq, found through the index on ids (findStatementSeq): the view's `id` column is computed, and a lookup by it
  // read every statement stored, once per statement the bundle names.
  const rowAt = prepared<[number], { seq: number; activityId: string; source: string; json: string }>(
    db,
    'SELECT seq, activity_id AS activityId, source, json FROM statements WHERE seq = ?',
  );
  const targets = attachment.statements
    .map((id) => {
      const seq = findStatementSeq(db, id);
      return seq === undefined ? undefined : rowAt.get(seq);
    })
    .filter((row) => row !== undefined && row.source === 'xapi' && row.json.toLowerCase().includes(attachment.sha2));
  if (targets.length === 0) return 0;
  let id = prepared<[string], { id: number }>(db, 'SELECT id FROM xapi_attachments WHERE sha2 = ?').get(attachment.sha2)?.id;
  id ??= Number(
    prepared(db, 'INSERT INTO xapi_attachments (sha2, content_type, length, data) VALUES (?, ?, ?, ?)').run(
      attachment.sha2,
      attachment.contentType,
      attachment.data.length,
      attachment.data,
    ).lastInsertRowid,
  );
  const link = prepared(db, 'INSERT OR IGNORE INTO xapi_statement_attachments (seq, attachment_id, activity_id) VALUES (?, ?, ?)');
  for (const target of targets) if (target) link.run(target.seq, id, target.activityId);
  return targets.length;
}
