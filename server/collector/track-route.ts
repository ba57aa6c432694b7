import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import type { BudgetHold } from '../http/inflight-budget.js';
import { decodedLength, parseBody, readRawBody } from '../http/read-body.js';
import { sendMessage } from '../http/send.js';
import { getActivityAccess } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { findSessionByToken, type SessionContext } from '../store/sessions-repo.js';
import { isoAt, isoNow } from '../util/time.js';
import { mayJoin } from './access.js';
import { authTokenFrom } from './classify-authorization.js';
import { Messages } from './messages.js';
import { prepareTrackBatch } from './prepare-track-batch.js';
import { answerBusy, bodyErrorAnswer, CollectorRefusal, markStorage, writeErrorAnswer } from './refusals.js';
import { type StatementLayout, scanTrackBody } from './stored-statement-text.js';
import { trackAccessCache } from './track-access-cache.js';

const SUCCESS = JSON.stringify({ message: Messages.success });

/**
 * A session's first batch over the budget waits for room instead of a 503, unread, this many at a time and at most
 * this long: enough for a class of browser games whose starts all failed until the activity was opened, few enough
 * that in a reconnect storm the others are still turned away at once and none waits long.
 */
const FIRST_BATCH_WAIT = { waiters: 64, timeoutMs: 30_000 };

/** `POST …/collector/track`, in the order of contract C-6.3. */
export async function handleTrack(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const declared = decodedLength(req);
  const hold = ctx.inflight.admit(declared, ctx.config.bodyLimitBytes) ?? (mustNotBeRefused(ctx, req) ? await waitForRoom(ctx, res, declared) : undefined);
  if (!hold) return refuseUnread(ctx, req, res);
  try {
    await storeTrack(ctx, req, res, hold);
  } finally {
    hold.release();
  }
}

/**
 * Whether this is the first batch of its session, from a client that did not ask `Expect: 100-continue`. js-tracker
 * 0.9.2 sends everything it kept while its start failed (the activity not open yet, Aula started late) in one request,
 * the first of the session it then starts, and it cannot survive that request being refused: its error path calls
 * `tracesPending.Add`, which does not exist, so a Node game crashes and a browser game's tracker stops for good, and
 * the student's traces are lost. It never sends Expect; the Unity and C# trackers, which do, keep a refused batch
 * and send it again, and are better served by a quick 503 in a reconnect storm (they upload nothing meanwhile). Read
 * only over the budget, never on the way of a batch that is let in.
 */
function mustNotBeRefused(ctx: AppContext, req: IncomingMessage): boolean {
  if (req.headers.expect !== undefined) return false;
  const token = authTokenFrom(req.headers.authorization);
  const session = token ? (trackAccessCache(ctx).get(token) ?? findSessionByToken(ctx.db, token)) : undefined;
  if (!session) return false;
  return prepared<[number], { statements: number }>(ctx.db, 'SELECT statements FROM sessions WHERE id = ?').get(session.sessionId)?.statements === 0;
}

function waitForRoom(ctx: AppContext, res: ServerResponse, declared: number | undefined): Promise<BudgetHold | undefined> {
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  return ctx.inflight.admitWhenRoom(declared, ctx.config.bodyLimitBytes, FIRST_BATCH_WAIT, gone.signal);
}

/**
 * Over the budget: 503 at once, before the body arrives, which is then read and discarded so the connection stays
 * usable. Answering only after the body had arrived made a refusal wait for every upload and parse ahead of it
 * (reconnect storm, issue 8: p99 over 2 s where the refused game could already be waiting out its Retry-After).
 */
function refuseUnread(ctx: AppContext, req: IncomingMessage, res: ServerResponse): void {
  req.once('error', () => res.destroy());
  req.resume();
  answerBusy(ctx, req, res);
}

async function storeTrack(ctx: AppContext, req: IncomingMessage, res: ServerResponse, hold: BudgetHold): Promise<void> {
  let raw: Buffer;
  let body: unknown;
  let sent: { text: string; layouts: StatementLayout[] | null } | undefined;
  try {
    raw = await readRawBody(req, ctx.config.bodyLimitBytes, hold, { decode: true, stallAfterMs: ctx.config.bodyStallTimeoutMs });
    const parsed = parseBody(req, raw, { lenient: false, maxDepth: ctx.config.jsonDepthLimit, scan: scanTrackBody });
    body = parsed.kind === 'empty' ? undefined : parsed.value;
    if (parsed.kind === 'json') sent = { text: parsed.text, layouts: parsed.scan.layouts };
  } catch (error) {
    return bodyErrorAnswer(ctx, req, res, 'track', error);
  }
  let session: SessionContext | undefined;
  try {
    session = admittedSession(ctx, req);
    const statements = await prepareTrackBatch(body, session, { sent });
    const bodyHash = hash('sha1', raw, 'base64');
    if (ctx.ingest.isOverloaded(statements.length, ctx.config.ingestQueueLimit)) return answerBusy(ctx, req, res);
    // One reading of the wall clock: the session's last seen. `stored` is the same time unless the clock was set back
    // since a statement was stored (stored-clock.ts); then it is sent beside it.
    const nowMs = ctx.now();
    const storedMs = ctx.storedClock.now(nowMs);
    const now = isoAt(nowMs);
    const result = await ctx.ingest.submit({ session, statements, bodyHash, source: 'rage' }, now, storedMs === nowMs ? undefined : isoAt(storedMs));
    markStorage(ctx, false);
    ctx.bus.emit('statements.stored', {
      activityId: session.activityId,
      sessionId: session.sessionId,
      playerId: session.playerId,
      count: result.stored,
    });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': SUCCESS.length });
    res.end(SUCCESS);
    // Rules and results (issue 10) read the batch now, after the answer: nothing on the request's path.
    if (result.stored > 0) {
      // A statement re-sent with its id is stored once, and counts once in the results.
      const skipped = result.skippedAt ? new Set(result.skippedAt) : undefined;
      const kept = skipped ? statements.filter((_, position) => !skipped.has(position)) : statements;
      const facts = kept.map((statement) => statement.fact);
      ctx.bus.emit('statements.accepted', {
        activityId: session.activityId,
        sessionId: session.sessionId,
        playerId: session.playerId,
        facts,
        lastSeq: result.lastSeq,
      });
    }
  } catch (error) {
    if (isSessionGone(error)) {
      // Erased by another process (the CLI) since track admitted this token: unknown now, as at step 3. Nothing of
      // the request is recorded, since it is the erased player's data.
      trackAccessCache(ctx).clear();
      return sendMessage(res, 401, Messages.token);
    }
    // Overload refusals are answered above (answerBusy), without this write: the writer is already behind.
    if (session && error instanceof CollectorRefusal) touchLater(ctx, session.sessionId);
    writeErrorAnswer(ctx, req, res, 'track', error, session?.sessionId ?? null, raw.toString('utf8'));
  }
}

export function findSession(db: Db, req: IncomingMessage): SessionContext {
  return sessionOfToken(db, authTokenFrom(req.headers.authorization));
}

function sessionOfToken(db: Db, token: string | null): SessionContext {
  const session = token ? findSessionByToken(db, token) : undefined;
  if (!session) throw new CollectorRefusal(401, Messages.token);
  return session;
}

/** Steps 3 and 4, or their outcome for this authToken a moment ago (track-access-cache.ts). */
function admittedSession(ctx: AppContext, req: IncomingMessage): SessionContext {
  const token = authTokenFrom(req.headers.authorization);
  const cache = trackAccessCache(ctx);
  const cached = token ? cache.get(token) : undefined;
  if (cached) return cached;
  const session = sessionOfToken(ctx.db, token);
  checkAccess(ctx.db, session);
  if (token) cache.set(token, session);
  return session;
}

/** The writer's foreign keys refused the batch: its session no longer exists. */
function isSessionGone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Step 4: the access rule re-evaluated now; an ended activity is not a reason to refuse. */
function checkAccess(db: Db, session: SessionContext): void {
  if (!session.activityId) return;
  const activity = getActivityAccess(db, session.activityId);
  if (!activity) throw new CollectorRefusal(404, Messages.noActivity);
  if (!mayJoin(db, activity, session.studentId)) throw new CollectorRefusal(401, Messages.notAuthorizedTrack);
}

/** lastAccessed is recorded for refused batches too (C-6.3 step 3): the teacher sees the game is alive. */
function touchLater(ctx: AppContext, sessionId: number): void {
  const now = isoNow(ctx.now);
  ctx.ingest.run('session.touch', { sessionId, now }).catch(() => undefined);
}

