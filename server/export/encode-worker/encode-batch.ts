import type { StoredStatementRow } from '../../normalize/index.js';
import type { StatementEncoder } from '../statement-encoder.js';
import type { OriginColumns } from '../statement-origin.js';
import { ROW_FIELDS, type WireRows } from './messages.js';

export interface EncodedBatch {
  text: string;
  count: number;
  /** Invalid statements in order: id, then the validator's problem. */
  problems: string[];
}

/**
 * Encodes a batch of wire rows, the statements' texts joined by `separator` (and ended by it when `terminated`).
 * The encoding thread and the main thread's fallback both use it, so both give the same bytes.
 */
export function encodeBatch(encoder: StatementEncoder, rows: WireRows, separator: string, terminated: boolean): EncodedBatch {
  const texts: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i + ROW_FIELDS <= rows.length; i += ROW_FIELDS) {
    const row = {
      id: rows[i],
      stored: rows[i + 1],
      source: rows[i + 2],
      json: rows[i + 3],
      playerPublicId: rows[i + 4],
      playerKind: rows[i + 5],
      gameId: rows[i + 6],
      versionId: rows[i + 7],
      versionLink: rows[i + 8],
      originHomePage: rows[i + 9],
      originNamespace: rows[i + 10],
      originGameId: rows[i + 11],
    } as StoredStatementRow & OriginColumns;
    const { text, problem } = encoder.encode(row);
    texts.push(text);
    if (problem !== null) problems.push(row.id, problem);
  }
  const text = texts.join(separator);
  return { text: terminated && texts.length > 0 ? text + separator : text, count: texts.length, problems };
}
