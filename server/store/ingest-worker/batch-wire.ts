import type { BatchSession, IncomingStatement, IngestBatch } from '../statements-ingest.js';

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
}

const FIELDS_PER_STATEMENT = 12;
const NULL = -1;

/** Numbers as String() writes them: the shortest text that reads back as the same double. */
const numberText = (value: number | null): string | null => (value === null ? null : String(value));
const booleanText = (value: boolean | null): string | null => (value === null ? null : value ? '1' : '0');

export function packBatch(batch: IngestBatch): PackedBatch {
  const lengths = new Int32Array(batch.statements.length * FIELDS_PER_STATEMENT);
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
  for (const statement of batch.statements) {
    const { summary } = statement;
    put(statement.json);
    put(statement.clientId);
    put(statement.canonical);
    put(statement.registration);
    put(statement.timestamp);
    put(summary.verbId);
    put(summary.objectId);
    put(numberText(summary.progress));
    put(booleanText(summary.progressOfGame));
    put(booleanText(summary.completion));
    put(booleanText(summary.success));
    put(numberText(summary.score));
  }
  // Only the three fields the writer reads: the whole context was most of what structured clone walked per batch.
  const { sessionId, activityId, playerId } = batch.session;
  return { session: { sessionId, activityId, playerId }, bodyHash: batch.bodyHash, source: batch.source, text: parts.join(''), lengths };
}

export function unpackBatch(packed: PackedBatch): IngestBatch {
  const { text, lengths } = packed;
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
  while (at < lengths.length) {
    statements.push({
      json: take() as string,
      clientId: take(),
      canonical: take(),
      registration: take(),
      timestamp: take(),
      summary: { verbId: take(), objectId: take(), progress: number(), progressOfGame: boolean() === true, completion: boolean(), success: boolean(), score: number() },
    });
  }
  return { session: packed.session, bodyHash: packed.bodyHash, source: packed.source, statements };
}
