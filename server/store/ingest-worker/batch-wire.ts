import { type BatchSession, emptySummary, type IncomingStatement, type IngestBatch, mergeSummary, type StatementSummary } from '../statements-ingest.js';

/**
 * An IngestBatch as it crosses to the writer thread: every field of every statement written as text, one after the
 * other in a single string, with their lengths in a typed array (-1 for null). Structured clone copies a string and
 * a typed array as two blocks of memory, where it walks an array of primitives value by value: with twelve fields
 * per statement that walk was most of postMessage's cost on the event loop, and as much again to rebuild them on the
 * writer (issue 8).
 */
export interface PackedBatch {
  session: BatchSession;
  bodyHash: string | null;
  source: 'rage' | 'xapi';
  text: string;
  lengths: Int32Array;
  /**
   * Set when none of the statements has an id (what games send): the writer stores them all, so their summaries are
   * merged here, and each statement crosses with the five fields its row needs instead of sixteen. Packing and
   * unpacking were about 2 µs per statement each under saturation, most of it per field.
   */
  merged: StatementSummary | null;
}

const FIELDS_PER_STATEMENT = 16;
const FIELDS_PER_PLAIN_STATEMENT = 5;
const NULL = -1;

/** Numbers as String() writes them: the shortest text that reads back as the same double. */
const numberText = (value: number | null): string | null => (value === null ? null : String(value));
const booleanText = (value: boolean | null): string | null => (value === null ? null : value ? '1' : '0');

export function packBatch(batch: IngestBatch): PackedBatch {
  const plain = batch.statements.every((statement) => statement.clientId === null);
  const lengths = new Int32Array(batch.statements.length * (plain ? FIELDS_PER_PLAIN_STATEMENT : FIELDS_PER_STATEMENT));
  const parts: string[] = [];
  let at = 0;
  const put = (value: string | null) => {
    if (value === null) {
      lengths[at++] = NULL;
      return;
    }
    lengths[at++] = value.length;
    parts.push(value);
  };
  let merged: StatementSummary | null = null;
  if (plain) {
    merged = emptySummary();
    for (const statement of batch.statements) {
      put(statement.json);
      put(statement.registration);
      put(statement.timestamp);
      put(statement.summary.verbId);
      put(statement.summary.objectId);
      mergeSummary(merged, statement.summary);
    }
  } else {
    for (const statement of batch.statements) {
      const { summary } = statement;
      put(statement.json);
      put(statement.clientId);
      put(statement.canonical);
      put(statement.registration);
      put(statement.timestamp);
      put(summary.verbId);
      put(summary.objectId);
      put(summary.objectType);
      put(numberText(summary.progress));
      put(booleanText(summary.progressOfGame));
      put(booleanText(summary.completion));
      put(booleanText(summary.success));
      put(numberText(summary.score));
      put(summary.resultObjectId);
      put(summary.resultObjectType);
      put(booleanText(summary.resultOfGame));
    }
  }
  // Only the three fields the writer reads: the whole context was most of what structured clone walked per batch.
  const { sessionId, activityId, playerId } = batch.session;
  return { session: { sessionId, activityId, playerId }, bodyHash: batch.bodyHash, source: batch.source, text: parts.join(''), lengths, merged };
}

export function unpackBatch(packed: PackedBatch): IngestBatch {
  const { text, lengths, merged } = packed;
  let offset = 0;
  let at = 0;
  const take = (): string | null => {
    const length = lengths[at++] as number;
    if (length === NULL) return null;
    const value = text.slice(offset, offset + length);
    offset += length;
    return value;
  };
  const number = (): number | null => {
    const value = take();
    return value === null ? null : Number(value);
  };
  const boolean = (): boolean | null => {
    const value = take();
    return value === null ? null : value === '1';
  };
  const statements: IncomingStatement[] = [];
  if (merged) {
    while (at < lengths.length) {
      const json = take() as string;
      const registration = take();
      const timestamp = take();
      const summary = { ...emptySummary(), verbId: take(), objectId: take() };
      statements.push({ json, clientId: null, canonical: null, registration, timestamp, summary });
    }
    return { session: packed.session, bodyHash: packed.bodyHash, source: packed.source, statements, summary: merged };
  }
  while (at < lengths.length) {
    statements.push({
      json: take() as string,
      clientId: take(),
      canonical: take(),
      registration: take(),
      timestamp: take(),
      summary: {
        verbId: take(),
        objectId: take(),
        objectType: take(),
        progress: number(),
        progressOfGame: boolean() === true,
        completion: boolean(),
        success: boolean(),
        score: number(),
        resultObjectId: take(),
        resultObjectType: take(),
        resultOfGame: boolean() === true,
      },
    });
  }
  return { session: packed.session, bodyHash: packed.bodyHash, source: packed.source, statements };
}
