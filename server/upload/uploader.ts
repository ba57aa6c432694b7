import type { UploadSummary } from '../admin/api-types.js';
import { type ExportFilters, statementWhere } from '../export/filters.js';
import { outgoingStatement } from '../export/outgoing-statements.js';
import { ORIGIN_COLUMNS, ORIGIN_JOIN, type OriginColumns } from '../export/statement-origin.js';
import { type Wording, type WordingValue, word, wording } from '../i18n/wording.js';
import { NORMALIZE_COLUMNS, NORMALIZE_FROM, type NormalizeSettings, type StoredStatementRow } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { attachmentData, attachmentsOfStatements, hasAttachmentData, type StoredAttachment } from '../store/xapi-attachments-repo.js';
import { isoNow } from '../util/time.js';
import { attachmentsOf } from '../xapi/request-attachments.js';
import { type LrsAnswer, type LrsAttachment, LrsClient, type LrsTarget, redirectWording } from './lrs-client.js';
import { endpointWithoutCredentials } from './lrs-endpoint.js';
import { sameStatement } from './same-statement.js';
import { holdToPseudonymChoice } from './upload-choice.js';
import { claimUploadLock, type UploadLock } from './upload-lock.js';
import { findOrCreateTarget, forgetCredentialsInTargets, markState, requeueRejected, seedPending, stateCounts, type UploadStateName } from './upload-state.js';

export interface UploadOptions {
  target: LrsTarget;
  filters: ExportFilters;
  /** At most 100 (rule 4). */
  batchSize: number;
  settings: NormalizeSettings;
  /** Runs a write: ctx.writer.run in the server, a plain transaction in the CLI. */
  write: <T>(job: (db: Db) => T) => Promise<T>;
  onProgress?: (progress: UploadProgress) => void;
  /** Before each wait for a retry (rule 8): a wait of up to two minutes must not look like a hang. */
  onRetry?: (retry: UploadRetry) => void;
  /** Waits between retries of one batch (ms); the last one repeats until maxAttempts. */
  retryDelays?: number[];
  maxAttempts?: number;
  /**
   * The database's upload lock, when the caller claimed it first (to answer at once that another upload runs) and
   * releases it itself; otherwise the upload claims it and lets go when it ends.
   */
  lock?: UploadLock;
}

export interface UploadProgress {
  done: number;
  total: number;
}

export interface UploadRetry {
  /** What went wrong, in a few words: `the LRS answered 503`, or the network error. */
  problem: string;
  /** The same for the dashboard's language: a wording, or the network error's own text as it came. */
  problemWording: WordingValue;
  /** The attempt that follows the wait (2 for the first retry), of `attempts` at most. */
  attempt: number;
  attempts: number;
  waitMs: number;
}

export type { UploadSummary };

/** A statement's problem with its wording (a key and values), so the dashboard reads it in its language. */
export interface UploadProblem {
  id: string;
  state: UploadStateName;
  /** English, as stored in the database and printed by `aula upload`. */
  message: string;
  wording: Wording;
}

/** The summary with each problem's wording; as an UploadSummary its `message` is the English. */
export interface UploadOutcome extends Omit<UploadSummary, 'problems'> {
  problems: UploadProblem[];
}

/** Its `message` is English (the CLI's); the dashboard's upload words its `wording` in the dashboard's language. */
export class UploadStoppedError extends Error {
  constructor(
    readonly wording: Wording,
    readonly reason: 'credentials' | 'unreachable' | 'refused',
  ) {
    super(word(wording));
  }
}

interface Item {
  seq: number;
  id: string;
  statement: Record<string, unknown>;
  body: string;
  /** The attachments whose data Aula holds for it (an xAPI game sent them as raw data): they go along as parts. */
  attachments: StoredAttachment[];
}

const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const DEFAULT_DELAYS = [500, 1000, 2000, 4000, 8000, 16000];

/**
 * Uploads the selected statements to one LRS (xapi.md §11.2): state per statement in the database, so a crash or a
 * lost network resumes where it stopped; ids and JSON never change between attempts; whole-batch 409/400 resolved
 * by reading the ids back, then by smaller batches, then statement by statement.
 */
export async function uploadStatements(db: Db, options: UploadOptions): Promise<UploadOutcome> {
  const lock = options.lock ?? claimUploadLock(db);
  try {
    return await upload(db, options);
  } finally {
    if (!options.lock) lock.release();
  }
}

async function upload(db: Db, options: UploadOptions): Promise<UploadOutcome> {
  const client = new LrsClient(options.target);
  const where = statementWhere(db, options.filters);
  // Never a secret typed into the URL: the endpoint is stored, and listed on the Data screen.
  const endpoint = endpointWithoutCredentials(options.target.endpoint);
  const targetId = await options.write((w) => {
    const now = isoNow();
    forgetCredentialsInTargets(w);
    const id = findOrCreateTarget(w, endpoint, options.target.username, now);
    holdToPseudonymChoice(w, id, options.target.username, options.settings.pseudonymSalt !== null);
    seedPending(w, id, where, now);
    requeueRejected(w, id, where, now);
    return id;
  });
  const summary: UploadOutcome = {
    sent: 0,
    alreadyThere: 0,
    conflicts: 0,
    rejected: 0,
    totals: { pending: 0, sent: 0, conflict: 0, rejected: 0 },
    problems: [],
  };
  const total = stateCounts(db, targetId, where).pending;
  let done = 0;
  const mark = async (items: Item[], state: UploadStateName, status: number | null, problem: Wording | null, kind?: 'already') => {
    if (items.length === 0) return;
    const message = problem === null ? null : word(problem);
    await options.write((w) => markState(w, targetId, items.map((item) => item.seq), state, status, message, isoNow()));
    if (state === 'sent') summary[kind === 'already' ? 'alreadyThere' : 'sent'] += items.length;
    if (state === 'conflict') summary.conflicts += items.length;
    if (state === 'rejected') summary.rejected += items.length;
    if (state !== 'sent' && problem && message) {
      for (const item of items) if (summary.problems.length < 50) summary.problems.push({ id: item.id, state, message, wording: problem });
    }
    done += items.length;
    options.onProgress?.({ done, total });
  };
  options.onProgress?.({ done: 0, total });
  const select = db.prepare(
    `SELECT s.seq, ${NORMALIZE_COLUMNS}, ${ORIGIN_COLUMNS} FROM ${NORMALIZE_FROM} ${ORIGIN_JOIN}
     JOIN upload_state u ON u.statement_seq = s.seq AND u.target_id = ?
     ${where.sql === '' ? 'WHERE' : `${where.sql} AND`} u.state = 'pending' AND s.seq > ? ORDER BY s.seq LIMIT ?`,
  );
  const batchSize = Math.max(1, Math.min(100, options.batchSize));
  // Looked up per statement only where some attachment data is stored at all: other uploads run as they always did.
  const withAttachments = hasAttachmentData(db);
  let after = 0;
  for (;;) {
    const rows = select.all(targetId, ...where.params, after, batchSize) as Array<StoredStatementRow & OriginColumns & { seq: number }>;
    if (rows.length === 0) break;
    after = rows.at(-1)?.seq ?? after;
    const valid: Item[] = [];
    for (const row of rows) {
      const { statement, problem } = outgoingStatement(row, options.settings);
      // Only what the outgoing statement still names: a pseudonymised one names no data (pseudonymous-agents.ts).
      const named = withAttachments && row.source === 'xapi' ? namedSha2s(statement) : new Set<string>();
      const attachments = named.size > 0 ? attachmentsOfStatements(db, [row.seq]).filter((one) => named.has(one.sha2)) : [];
      const item = { seq: row.seq, id: row.id, statement, body: JSON.stringify(statement), attachments };
      // N-9: what normalisation cannot make valid is marked and reported, never sent.
      if (problem) await mark([item], 'rejected', null, wording('uploadProblem.notValid', { problem }));
      else valid.push(item);
    }
    for (const batch of byBytes(valid)) await sendBatch(batch);
  }
  summary.totals = stateCounts(db, targetId, where);
  return summary;

  async function sendBatch(items: Item[]): Promise<void> {
    if (items.length === 0) return;
    const parts = attachmentParts(db, items);
    const answer = await withRetry(() => client.postStatements(`[${items.map((item) => item.body).join(',')}]`, parts));
    if (answer.status === 200 && acceptedAll(answer, items)) return mark(items, 'sent', 200, null);
    if (answer.status === 200) throw new UploadStoppedError(wording('upload.answeredWithoutIds', { text: answer.text.slice(0, 200) }), 'refused');
    if (answer.status === 413 && items.length > 1) return bisect(items);
    if (answer.status === 409 || answer.status === 400 || answer.status === 413) return resolve(items, answer);
    throw new UploadStoppedError(
      redirectWording(endpoint, answer) ?? wording('upload.answered', { status: answer.status, text: answer.text.slice(0, 300) }),
      'refused',
    );
  }

  async function bisect(items: Item[]): Promise<void> {
    const half = Math.ceil(items.length / 2);
    await sendBatch(items.slice(0, half));
    await sendBatch(items.slice(half));
  }

  /** Rule 6 and 7: which of these does the LRS already hold? */
  async function resolve(items: Item[], answer: LrsAnswer): Promise<void> {
    const absent: Item[] = [];
    let unreadable = false;
    for (const item of items) {
      let found = await withRetry(() => client.getStatement(item.id), true);
      let voided = false;
      if (found.status === 404) {
        // Voided at the LRS (a researcher took it back there): it is there, and sending it again cannot succeed.
        // One try, no retries: an LRS that cannot answer this leaves the statement absent, as before.
        const asVoided = await client.getVoidedStatement(item.id).catch(() => undefined);
        if (asVoided?.status === 200) {
          found = asVoided;
          voided = true;
        }
      }
      if (found.status === 200) {
        if (sameStatement(item.statement, parse(found.text))) {
          await mark([item], 'sent', 200, wording(voided ? 'uploadProblem.alreadyVoided' : 'uploadProblem.already'), 'already');
        } else await mark([item], 'conflict', answer.status, wording(voided ? 'uploadProblem.differsVoided' : 'uploadProblem.differs'));
      } else if (found.status === 404) absent.push(item);
      else if (found.status === 401 || found.status === 403) {
        unreadable = true;
        absent.push(item);
      } else absent.push(item);
    }
    if (absent.length === 0) return;
    if (unreadable || (absent.length === items.length && answer.status === 409)) {
      for (const item of absent) await putOne(item);
      return;
    }
    if (absent.length < items.length) return sendBatch(absent);
    // Nothing of this batch is upstream: the 400 is about content. Split until the culprits stand alone.
    if (absent.length === 1) {
      const [item] = absent as [Item];
      return mark([item], 'rejected', answer.status, lrsMessage(answer));
    }
    return bisect(absent);
  }

  async function putOne(item: Item): Promise<void> {
    const parts = attachmentParts(db, [item]);
    const answer = await withRetry(() => client.putStatement(item.id, item.body, parts));
    if (answer.status === 204 || answer.status === 200) return mark([item], 'sent', answer.status, null);
    if (answer.status === 409) return mark([item], 'sent', 409, wording('uploadProblem.existsUnverified'), 'already');
    return mark([item], 'rejected', answer.status, lrsMessage(answer));
  }

  /** Rule 8: credentials stop everything; 429/503/5xx/network errors retry the same request, same ids. */
  async function withRetry(requestOnce: () => Promise<LrsAnswer>, isRead = false): Promise<LrsAnswer> {
    const delays = options.retryDelays ?? DEFAULT_DELAYS;
    const attempts = options.maxAttempts ?? delays.length + 1;
    let lastProblem = '';
    for (let attempt = 0; attempt < attempts; attempt++) {
      let answer: LrsAnswer | undefined;
      let shortProblem: WordingValue = '';
      try {
        answer = await requestOnce();
      } catch (error) {
        lastProblem = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        shortProblem = lastProblem;
      }
      if (answer) {
        // A write-only key may not read statements back (403 on GET): the caller falls back to PUT.
        if (answer.status === 403 && isRead) return answer;
        if (answer.status === 401 || answer.status === 403) {
          throw new UploadStoppedError(wording('upload.credentials', { status: answer.status }), 'credentials');
        }
        if (answer.status < 500 && answer.status !== 429) return answer;
        lastProblem = `${answer.status} ${answer.text.slice(0, 200)}`;
        shortProblem = wording('upload.waitAnswered', { status: answer.status });
      }
      if (attempt + 1 >= attempts) break;
      const fallback = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      const waitMs = retryAfterMs(answer?.retryAfter ?? null) ?? fallback;
      const problem = typeof shortProblem === 'object' ? word(shortProblem) : String(shortProblem);
      options.onRetry?.({ problem, problemWording: shortProblem, attempt: attempt + 2, attempts, waitMs });
      await sleep(waitMs);
    }
    throw new UploadStoppedError(wording('upload.unreachable', { problem: lastProblem }), 'unreachable');
  }
}

function acceptedAll(answer: LrsAnswer, items: Item[]): boolean {
  const ids = parse(answer.text);
  return Array.isArray(ids) && ids.length === items.length && ids.every((id, i) => String(id).toLowerCase() === items[i]?.id);
}

/**
 * The data of the items' attachments, each sha2 once, read when its batch is sent (a batch holds at most ~4 MB of
 * it, byBytes). Data erased since the statement was selected is left out: the LRS then says what it misses.
 */
function attachmentParts(db: Db, items: Item[]): LrsAttachment[] {
  const parts = new Map<string, LrsAttachment>();
  for (const attachment of items.flatMap((item) => item.attachments)) {
    if (parts.has(attachment.sha2)) continue;
    const data = attachmentData(db, attachment.sha2);
    if (data) parts.set(attachment.sha2, { sha2: attachment.sha2, contentType: attachment.contentType, data });
  }
  return [...parts.values()];
}

/** The sha2s a statement's attachments (and its SubStatement's) name. */
function namedSha2s(statement: Record<string, unknown>): Set<string> {
  return new Set(attachmentsOf(statement).flatMap((attachment) => (typeof attachment?.sha2 === 'string' ? [attachment.sha2.toLowerCase()] : [])));
}

function* byBytes(items: Item[]): Generator<Item[]> {
  let batch: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = item.body.length + item.attachments.reduce((sum, attachment) => sum + attachment.length, 0);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size + 1;
  }
  if (batch.length > 0) yield batch;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What the LRS said about one statement, quoted as it came. */
function lrsMessage(answer: LrsAnswer): Wording {
  const body = parse(answer.text) as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : answer.text;
  return wording('uploadProblem.lrs', { status: answer.status, message: message.slice(0, 500) });
}

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, 120_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 120_000));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
