import type { StatementFormat } from './format-statement.js';
import { MAX_LIMIT, type StatementQuery } from './statement-query.js';
import { isIri, isTimestamp, isUuid } from './validation/formats.js';
import { XapiError } from './xapi-headers.js';

/** A stateless `more` cursor: the filters, the last seq returned and the newest seq of the first page. */
export interface Cursor {
  query: StatementQuery;
  after: number;
  ceiling: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * The cursor a `more` link carries, checked as the parameters of the first page were: it comes back from the client,
 * which may have changed it, and a filter of the wrong type failed deep in the query (a 500), a limit beyond 100 read
 * a whole activity into one answer.
 */
export function decodeCursor(text: string): Cursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    cursor = undefined;
  }
  if (isObject(cursor) && isSeq(cursor.after) && isSeq(cursor.ceiling) && isQuery(cursor.query)) {
    return { query: cursor.query, after: cursor.after, ceiling: cursor.ceiling };
  }
  throw new XapiError(400, 'more is not a valid cursor');
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const FORMATS: readonly StatementFormat[] = ['exact', 'ids', 'canonical'];
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

function isQuery(query: unknown): query is StatementQuery {
  if (!isObject(query)) return false;
  const flags = ['relatedActivities', 'relatedAgents', 'attachments', 'ascending'].every((name) => typeof query[name] === 'boolean');
  const limit = Number.isSafeInteger(query.limit) && (query.limit as number) >= 1 && (query.limit as number) <= MAX_LIMIT;
  return (
    flags &&
    limit &&
    FORMATS.includes(query.format as StatementFormat) &&
    optional(query.agent, isAgentKey) &&
    optional(query.verb, isIri) &&
    optional(query.activity, isIri) &&
    optional(query.registration, isUuid) &&
    optional(query.since, isTimestamp) &&
    optional(query.until, isTimestamp)
  );
}

function optional(value: unknown, check: (text: string) => boolean): boolean {
  return value === undefined || (typeof value === 'string' && check(value));
}

/** What statement-index.ts ifiKey makes of an agent: a JSON array naming the identifier's kind, then its values. */
function isAgentKey(text: string): boolean {
  try {
    const key: unknown = JSON.parse(text);
    return Array.isArray(key) && IFIS.includes(key[0]) && key.slice(1).every((part) => typeof part === 'string');
  } catch {
    return false;
  }
}
