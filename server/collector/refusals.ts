import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { dropRestOrClose } from '../http/drop-oversized.js';
import {
  BodyOverBudgetError,
  BodyStalledError,
  BodyTooLargeError,
  InvalidJsonError,
  UnsupportedEncodingError,
} from '../http/read-body.js';
import { sendMessage } from '../http/send.js';
import { isErasedSessionToken } from '../store/erased-session-tokens.js';
import { studentClassesNow } from '../store/rejections-repo.js';
import { WriterClosedError } from '../store/write-queue.js';
import { isoNow } from '../util/time.js';
import { authTokenFrom } from './classify-authorization.js';
import { Messages } from './messages.js';

/** An answer from the message catalogue; thrown by the processing steps, sent by the route. */
export class CollectorRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The answer's headers when Aula is busy (the in-flight budget or the writer's queue is full): the games' trackers
 * wait that long and send again. One second, the smallest Retry-After, as the overload clears within a second or two.
 */
export const RETRY_SOON = { 'Retry-After': '1' } as const;

const SAMPLE_LIMIT = 2048;
/**
 * The longest message kept with a refusal (the game is still told the whole of it). The catalogue's are a line, but an
 * xAPI validation message names the JSON path of the problem, with the keys the client chose: a key of megabytes made
 * a stored refusal of megabytes, past the bound on what one device can make Aula keep (rejections-repo.ts).
 */
const MESSAGE_LIMIT = 500;

/**
 * The first `limit` UTF-16 units of `text`, one fewer when the last kept is the first half of a pair (an emoji): a half
 * alone is stored by SQLite's UTF-8 as U+FFFD, and Diagnostics showed the message or sample ending in "�".
 */
function cutAtCharacter(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

function storedMessage(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${cutAtCharacter(message, MESSAGE_LIMIT - 1)}…` : message;
}

/** A game told "busy, retry shortly" (track or xAPI), for the teacher's diagnostics: in memory, see BusyRefusals. */
export function recordBusy(ctx: AppContext, req: IncomingMessage): void {
  ctx.busyRefusals.record(req.socket.remoteAddress, ctx.now());
}

/**
 * The one answer to overload (the in-flight budget or the writer's queue full): 503 + Retry-After, counted for the
 * diagnostics but not stored, since a stored refusal would add a write exactly when there is no room for one.
 */
export function answerBusy(ctx: AppContext, req: IncomingMessage, res: ServerResponse): void {
  recordBusy(ctx, req);
  sendMessage(res, 503, Messages.busy, RETRY_SOON);
}

/** What a refusal is stored with besides its answer: its session, a sample, and who (a refused start's student). */
export interface RejectionDetails {
  sessionId?: number | null;
  sample?: string | null;
  /** The roster username of the valid login a start was refused to (a student not in the activity's class). */
  student?: string | null;
}

/**
 * Records a refused request where the teacher can see it (contract C-6.6 SHOULD): a game that keeps sending an
 * invalid batch loses all its later data, and its player never notices. Best effort, never awaited.
 */
export function recordRejection(
  ctx: AppContext,
  req: IncomingMessage,
  route: string,
  status: number,
  message: string,
  details: RejectionDetails = {},
): void {
  recordRejectionFrom(ctx, req.socket.remoteAddress, route, status, message, details);
}

/** recordRejection for what was refused before it was a request (a connection that spoke no HTTP): by its address. */
export function recordRejectionFrom(
  ctx: AppContext,
  address: string | undefined,
  route: string,
  status: number,
  message: string,
  details: RejectionDetails = {},
): void {
  const sample = details.sample ? cutAtCharacter(details.sample, SAMPLE_LIMIT) : null;
  // The dashboard's live event carries the message as kept too: the event stream holds its last events for tabs that
  // reconnect (sse-hub.ts), and a flood of requests naming keys of megabytes held megabytes each in memory.
  const kept = storedMessage(message);
  // On the writer thread: a tracker re-sends a refused batch forever, and each refusal is a write.
  ctx.ingest
    .run('rejection.record', {
      time: isoNow(ctx.now),
      route,
      address: address ?? null,
      sessionId: details.sessionId ?? null,
      status,
      message: kept,
      sample,
      student: details.student ?? null,
      // Read now: the writer stores it later, after a move to another class that may come in between.
      ...(details.student ? { studentClasses: studentClassesNow(ctx.db, details.student) } : {}),
    })
    // After the commit, so a dashboard that refetches on the event finds the row.
    .then(({ activityId }) => ctx.bus.emit('request.rejected', { route, status, message: kept, activityId }))
    .catch((error: unknown) => ctx.log.debug({ err: error }, 'could not record a rejected request'));
}

export function bodyErrorAnswer(ctx: AppContext, req: IncomingMessage, res: ServerResponse, route: string, error: unknown): void {
  if (error instanceof BodyTooLargeError) {
    recordRejection(ctx, req, route, 413, Messages.tooLarge);
    dropRestOrClose(req, res, ctx.config.bodyStallTimeoutMs);
    return sendMessage(res, 413, Messages.tooLarge);
  }
  if (error instanceof BodyOverBudgetError) {
    // Overload, not the game's fault. The rest of the body is read and dropped.
    return answerBusy(ctx, req, res);
  }
  if (error instanceof BodyStalledError) {
    // The network, not the game: nothing to show the teacher. The connection is closed, as the client is gone or
    // would have to send the rest of a body no one reads; its game sends the batch again.
    ctx.log.info({ address: req.socket.remoteAddress, route }, error.message);
    res.setHeader('Connection', 'close');
    return sendMessage(res, 408, error.message);
  }
  if (error instanceof UnsupportedEncodingError) {
    // As the original's body parser answered an encoding it did not know: the game's developer reads the reason.
    recordRejection(ctx, req, route, 415, error.message);
    return sendMessage(res, 415, error.message);
  }
  if (error instanceof InvalidJsonError) {
    // M-JSON, or the nesting-limit message of its subclass.
    recordRejection(ctx, req, route, 400, error.message);
    return sendMessage(res, 400, error.message);
  }
  ctx.log.warn({ err: error }, 'request body could not be read');
  if (!res.headersSent) sendMessage(res, 400, Messages.json);
}

/** Flags a full disk for the dashboard; the next successful write clears it (ingest resumes by itself). */
export function markStorage(ctx: AppContext, full: boolean): void {
  if (ctx.storage.full === full) return;
  ctx.storage.full = full;
  ctx.bus.emit('storage.changed', { full });
}

function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL';
}

/**
 * What the teacher's diagnostics list for a track or end refused with M-TOKEN that carried no authToken at all: a game
 * sending before its start succeeded, or without the start's authToken, which restarting does not fix. java-tracker
 * sends `Authorization: null` when it could not read the start's answer (real-clients.md §3). The game is still told
 * M-TOKEN (contract §11).
 */
export const NO_AUTHORIZATION = 'No authToken: traces sent without the authToken of a start (no Authorization header, or null)';

/**
 * What the teacher's diagnostics list for a track or end refused with M-TOKEN whose authToken was of a session an
 * erasure removed: its game was still running. Kept without a sample, as the body is the erased player's statements
 * (their username or animal name in the actor); the game is still told M-TOKEN, as for any unknown authToken.
 */
export const ERASED_SESSION = "Traces of a session whose player's data was erased: refused, and not kept";

/** No Authorization, or the text a tracker writes for a token it never had. */
function carriesNoToken(header: string | undefined): boolean {
  const sent = header?.trim() ?? '';
  return sent === '' || /^(?:bearer\s+)?(?:null|undefined)$/i.test(sent);
}

function wasErased(ctx: AppContext, req: IncomingMessage): boolean {
  const token = authTokenFrom(req.headers.authorization);
  return token !== null && isErasedSessionToken(ctx.db, token);
}

/** Refusals go out as they are; storage trouble becomes 503 (retryable) or 500, never a stack trace (C-2.2). */
export function writeErrorAnswer(
  ctx: AppContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  error: unknown,
  sessionId: number | null,
  sample?: string,
  student?: string | null,
): void {
  if (error instanceof CollectorRefusal) {
    const unknownToken = error.message === Messages.token;
    const noAuthorization = unknownToken && carriesNoToken(req.headers.authorization);
    if (unknownToken && !noAuthorization && wasErased(ctx, req)) {
      recordRejection(ctx, req, route, error.status, ERASED_SESSION);
      return sendMessage(res, error.status, error.message, error.headers);
    }
    const recorded = noAuthorization ? NO_AUTHORIZATION : error.message;
    recordRejection(ctx, req, route, error.status, recorded, { sessionId, sample: sample ?? null, student: student ?? null });
    return sendMessage(res, error.status, error.message, error.headers);
  }
  if (error instanceof WriterClosedError) {
    return sendMessage(res, 503, Messages.shuttingDown, { 'Retry-After': '5', Connection: 'close' });
  }
  if (isStorageFull(error)) {
    markStorage(ctx, true);
    ctx.log.error({ err: error }, 'storage is full');
    return sendMessage(res, 503, Messages.storageFull, { 'Retry-After': '30' });
  }
  ctx.log.error({ err: error }, `${route} failed`);
  sendMessage(res, 500, Messages.internal);
}
