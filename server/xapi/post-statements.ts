import type { Request, Response } from 'express';
import { Messages } from '../collector/messages.js';
import { markStorage, RETRY_SOON } from '../collector/refusals.js';
import type { AppContext } from '../context.js';
import type { BudgetHold } from '../http/inflight-budget.js';
import {
  BodyOverBudgetError,
  BodyTooDeepError,
  BodyTooLargeError,
  declaredLength,
  InvalidJsonError,
  NumberOutOfRangeError,
  parseJson,
  readRawBody,
} from '../http/read-body.js';
import { sendJson } from '../http/send.js';
import { getActivity } from '../store/activities-repo.js';
import { IngestError } from '../store/ingest-worker/ingest-worker.js';
import { WriterClosedError } from '../store/write-queue.js';
import type { XapiCredential } from '../store/xapi-credentials-repo.js';
import type { XapiAttachments, XapiIngestResult } from '../store/xapi-ingest.js';
import { alternateContent } from './alternate-syntax.js';
import { utf8Json } from './body-charset.js';
import { consistencyClock } from './consistent-through.js';
import { type AttachmentPart, readMultipart } from './multipart-body.js';
import { prepareStatements } from './prepare-statements.js';
import { attachmentsByHash } from './request-attachments.js';
import { isUuid } from './validation/formats.js';
import { XapiError, type XapiVersion } from './xapi-headers.js';

export interface XapiLocals {
  version: XapiVersion;
  credential: XapiCredential;
}

/** `POST /xapi/statements`: one statement or an array → 200 with the ids in order. */
export async function postStatements(ctx: AppContext, req: Request, res: Response): Promise<void> {
  if (Object.keys(req.query).length > 0) throw new XapiError(400, 'POST /statements takes no query parameters');
  const ids = await holdingInflightBudget(ctx, req, async (hold) => {
    const { body, parts } = await readStatementsBody(ctx, req, hold);
    const statements = Array.isArray(body) ? body : [body];
    if (statements.length === 0 && parts.size > 0) throw new XapiError(400, 'The multipart/mixed request has attachment data and no statement');
    return statements.length === 0 ? [] : store(ctx, res.locals as XapiLocals, statements, parts);
  });
  sendJson(res, 200, ids, { 'X-Experience-API-Consistent-Through': consistencyClock(ctx).through() });
}

/** `PUT /xapi/statements?statementId=`: one statement under the given id → 204. */
export async function putStatement(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const { statementId, ...others } = req.query;
  if (Object.keys(others).length > 0) throw new XapiError(400, `Unexpected query parameter: ${Object.keys(others)[0]}`);
  if (statementId === undefined) throw new XapiError(400, 'PUT /statements needs the statementId parameter');
  if (typeof statementId !== 'string' || !isUuid(statementId)) throw new XapiError(400, 'statementId must be a UUID');
  await holdingInflightBudget(ctx, req, async (hold) => {
    const { body, parts } = await readStatementsBody(ctx, req, hold);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new XapiError(400, 'PUT /statements takes one statement object');
    }
    const statement = body as Record<string, unknown>;
    if ('id' in statement) {
      if (typeof statement.id !== 'string' || statement.id.toLowerCase() !== statementId.toLowerCase()) {
        throw new XapiError(400, 'The statement id differs from the statementId parameter');
      }
    } else {
      statement.id = statementId;
    }
    await store(ctx, res.locals as XapiLocals, [statement], parts);
  });
  res.setHeader('X-Experience-API-Consistent-Through', consistencyClock(ctx).through());
  res.status(204).end();
}

/**
 * The body counts against the in-flight budget of track (inflight-budget.ts) from before it is read until it is
 * stored: over it, 503 + Retry-After at once, and the unread body is discarded (a burst of xAPI clients must not
 * hold the memory of every body it sends either).
 */
async function holdingInflightBudget<T>(ctx: AppContext, req: Request, work: (hold: BudgetHold) => Promise<T>): Promise<T> {
  const hold = ctx.inflight.admit(declaredLength(req), ctx.config.bodyLimitBytes);
  if (!hold) throw busy();
  try {
    return await work(hold);
  } finally {
    hold.release();
  }
}

/** Overload (the in-flight budget or the writer's queue full): the xAPI router counts it for the diagnostics. */
export class XapiBusyError extends XapiError {
  constructor() {
    super(503, Messages.busy, RETRY_SOON);
  }
}

const busy = () => new XapiBusyError();

async function store(ctx: AppContext, locals: XapiLocals, statements: unknown[], parts: Map<string, AttachmentPart>): Promise<string[]> {
  const { credential, version } = locals;
  const activity = getActivity(ctx.db, credential.activityId);
  if (!activity) throw new XapiError(403, 'The activity of these credentials no longer exists');
  const { batch, facts } = prepareStatements(statements, version, credential, ctx.homePage, parts);
  const scope = { activityId: activity.id, versionId: activity.versionId, homePage: ctx.homePage };
  if (ctx.ingest.isOverloaded(batch.length, ctx.config.ingestQueueLimit)) {
    throw busy();
  }
  let result: XapiIngestResult;
  // `stored` is this hand-over time, from the clock that never goes back (stored-clock.ts); the wall clock beside it
  // is the session's last seen.
  const nowMs = ctx.now();
  const handedOver = ctx.storedClock.now(nowMs);
  try {
    // On the writer thread, in the same group commit as RAGE batches: SQLite and its fsync stay off the event loop.
    result = await ctx.ingest.run('xapi.ingest', { scope, batch, nowMs, storedMs: handedOver, ...attachmentsOf(ctx, parts) }, batch.length);
  } catch (error) {
    throw storeFailure(ctx, error);
  }
  consistencyClock(ctx).committed(handedOver);
  markStorage(ctx, false);
  for (const started of result.started) {
    ctx.bus.emit('session.started', { activityId: activity.id, ...started });
  }
  for (const { sessionId, playerId, count, positions, firstSeq } of result.stored) {
    ctx.bus.emit('statements.stored', { activityId: activity.id, sessionId, playerId, count });
    // Alerts and results (issue 10) read xAPI games' statements as they read RAGE batches.
    const stored = positions.flatMap((position) => facts[position] ?? []);
    ctx.bus.emit('statements.accepted', { activityId: activity.id, sessionId, playerId, facts: stored, lastSeq: result.lastSeq, firstSeq });
  }
  return result.ids;
}

/** What the client is told when the batch could not be stored; nothing of it was kept. */
function storeFailure(ctx: AppContext, error: unknown): unknown {
  if (error instanceof IngestError && error.status !== undefined) return new XapiError(error.status, error.message);
  if (error instanceof WriterClosedError) return new XapiError(503, Messages.shuttingDown, { 'Retry-After': '5', Connection: 'close' });
  if (error instanceof IngestError && error.code === 'SQLITE_FULL') {
    markStorage(ctx, true);
    ctx.log.error({ err: error }, 'storage is full');
    return new XapiError(503, Messages.storageFull, { 'Retry-After': '30' });
  }
  return error;
}

/**
 * The parts' data for the writer, each copied out of the request's buffer: a view of it would be cloned whole, with
 * the whole body, into the writer thread. Nothing is added to a request without attachment data.
 */
function attachmentsOf(ctx: AppContext, parts: Map<string, AttachmentPart>): { attachments?: XapiAttachments } {
  if (parts.size === 0) return {};
  const data = [...parts.values()].map((part) => ({ sha2: part.hash, contentType: part.contentType, data: new Uint8Array(part.data) }));
  return { attachments: { data, limitBytes: ctx.config.xapiAttachmentBytesPerActivity } };
}

/**
 * JSON, or multipart/mixed: the statements first, then the attachments sent as raw data (multipart-body.ts),
 * each checked against its hash. Another media type, or a body that does not parse, is a 400.
 */
async function readStatementsBody(
  ctx: AppContext,
  req: Request,
  hold: BudgetHold,
): Promise<{ body: unknown; parts: Map<string, AttachmentPart> }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'multipart/mixed') {
    throw new XapiError(400, type?.startsWith('multipart/') ? 'multipart/mixed requests are not supported' : 'Content-Type must be application/json');
  }
  let raw: Buffer;
  try {
    raw = alternateContent(req) ?? (await readRawBody(req, ctx.config.bodyLimitBytes, hold));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new XapiError(413, error.message);
    if (error instanceof BodyOverBudgetError) throw busy();
    throw error;
  }
  let parts = new Map<string, AttachmentPart>();
  let jsonType = req.headers['content-type'] ?? '';
  if (type === 'multipart/mixed') {
    const multipart = readMultipart(raw, jsonType);
    raw = multipart.statements;
    jsonType = multipart.statementsType;
    parts = attachmentsByHash(multipart.attachments);
  }
  raw = utf8Json(raw, jsonType);
  try {
    // Issue 9: deeper bodies would overflow the stack while being validated or stored (a 500).
    return { body: parseJson(raw, ctx.config.jsonDepthLimit), parts };
  } catch (error) {
    if (error instanceof BodyTooDeepError) throw new XapiError(400, Messages.tooDeep(ctx.config.jsonDepthLimit));
    if (error instanceof NumberOutOfRangeError) throw new XapiError(400, 'The body has a number too large to store (beyond ±1.7976931348623157e308)');
    if (error instanceof InvalidJsonError) throw new XapiError(400, 'The body is not valid JSON');
    throw error;
  }
}
