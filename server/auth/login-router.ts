import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { Messages } from '../collector/messages.js';
import { bodyErrorAnswer, recordRejection } from '../collector/refusals.js';
import type { AppContext } from '../context.js';
import { type ParsedBody, parseBody, readRawBody } from '../http/read-body.js';
import { sendJson, sendMessage } from '../http/send.js';
import { addressKey } from '../net/address-key.js';
import { prepared } from '../store/prepared.js';
import { findStudentCredentials } from '../store/students-repo.js';
import { isoNow } from '../util/time.js';
import { normalizeUsername } from './credential-rules.js';
import { accountKey } from './login-limiter.js';
import { LoginTokens } from './login-tokens.js';
import { decoyHash, verifyPassword } from './password-hash.js';
import { tokenGeneration } from './token-generation.js';

/** A login body is two short strings; anything near this size is not a login. */
const LOGIN_BODY_LIMIT = 64 * 1024;
const BEARER = /^bearer +(.+)$/i;

/**
 * A2's `POST /api/login` and `DELETE /api/logout` (contract §4). Mounted at `/api` after the RAGE router, which
 * has already set the CORS headers and answered preflights (C-10).
 */
export function loginRouter(ctx: AppContext): express.Router {
  const router = express.Router({ strict: false, caseSensitive: true });
  router.post('/login', (req, res) => handleLogin(ctx, req, res));
  router.delete('/logout', (req, res) => handleLogout(ctx, req, res));
  return router;
}

/** passport-local read `username` and `password` from a JSON or a form body (C-4.1). */
function credentialsFrom(body: ParsedBody): { username: string; password: string } | null {
  const fields = body.kind === 'empty' ? {} : body.value;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  const { username, password } = fields as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string') return null;
  const normalized = normalizeUsername(username);
  if (normalized === '' || password === '') return null;
  return { username: normalized, password };
}

async function handleLogin(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: ParsedBody;
  try {
    body = parseBody(req, await readRawBody(req, LOGIN_BODY_LIMIT), { lenient: true, maxDepth: ctx.config.jsonDepthLimit });
  } catch (error) {
    return bodyErrorAnswer(ctx, req, res, 'login', error);
  }
  const credentials = credentialsFrom(body);
  if (!credentials) return refuse(ctx, req, res, 401, Messages.missingCredentials);
  const { username, password } = credentials;
  const address = req.socket.remoteAddress ?? 'unknown';
  // Counted per device: a whole IPv6 /64 is one (address-key.ts); the logs keep the address itself.
  const device = addressKey(address);
  try {
    // Read together, with no await between: the generation belongs to the hash that is checked (login-tokens.ts).
    const student = findStudentCredentials(ctx.db, username);
    const generation = student && (tokenGeneration(ctx.db, student.id) ?? 0);
    const counted = accountKey(username, generation);
    const wait = ctx.loginLimiter.waitMs(counted, device);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      ctx.log.warn({ username: student ? username : undefined, address }, 'login refused: too many failed attempts');
      return refuse(ctx, req, res, 429, tooManyFailures(seconds), { 'Retry-After': String(seconds) }, student?.username);
    }
    const matches = await verifyPassword(password, student?.passwordHash ?? (await decoyHash()));
    if (!student || generation === undefined || !matches) {
      ctx.loginLimiter.recordFailure(counted, device);
      // An unknown username is not logged: it is often the password typed into the wrong field.
      ctx.log.info({ username: student ? username : undefined, address, knownUser: Boolean(student) }, 'failed login');
      return refuse(ctx, req, res, 401, Messages.wrongCredentials, undefined, student?.username);
    }
    ctx.loginLimiter.recordSuccess(counted);
    const token = ctx.loginTokens.issue({ studentId: student.id, username: student.username }, generation);
    ctx.log.info({ username: student.username, address }, 'student logged in');
    recordLoginAfterFailures(ctx, student.username);
    // Exactly A2's shape and key order (C-4.4); every value a string.
    sendJson(res, 200, { user: { _id: student.id, username: student.username, email: student.email, token } });
  } catch (error) {
    ctx.log.error({ err: error }, 'login failed');
    sendMessage(res, 500, Messages.internal);
  }
}

/**
 * A login that follows failed ones marks them (rejections-repo.ts markLoggedIn): Live then says the student logged in
 * since, and the teacher sees their password reset worked. On the writer thread, after the failures it follows; best
 * effort and not awaited, as the failures' own records: the student's answer does not wait for the teacher's screen.
 */
function recordLoginAfterFailures(ctx: AppContext, username: string): void {
  ctx.ingest
    .run('login.succeeded', { username, time: isoNow(ctx.now) })
    .then((marked) => {
      if (marked > 0) ctx.bus.emit('login.after-failures', { username });
    })
    .catch((error: unknown) => ctx.log.debug({ err: error }, 'could not record a login after failed ones'));
}

/** A few hundred rows a year in a classroom: small, and long enough for any clock set wrong by hand. */
const REVOCATIONS_KEPT_AFTER_EXPIRY_SECONDS = 365 * 24 * 60 * 60;

async function handleLogout(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = BEARER.exec(req.headers.authorization?.trim() ?? '');
  const check = match ? ctx.loginTokens.check((match[1] as string).trim()) : ({ kind: 'invalid' } as const);
  if (check.kind !== 'valid') return refuse(ctx, req, res, 401, Messages.a2Token);
  try {
    const nowSeconds = Math.floor(ctx.now() / 1000);
    await ctx.writer.run((db) => {
      LoginTokens.revoke(db, check.jti, check.expires);
      // Expired tokens are refused by their signature check anyway; their revocation row is no longer needed once
      // they have been expired for a year. Not at once: a logout while the laptop's clock was set weeks ahead by
      // mistake removed the rows of tokens that were valid again once the clock was set right (docs/clock.md).
      prepared(db, 'DELETE FROM revoked_tokens WHERE expires < ?').run(nowSeconds - REVOCATIONS_KEPT_AFTER_EXPIRY_SECONDS);
    });
    ctx.log.info({ username: check.identity.username }, 'student logged out');
    sendMessage(res, 200, Messages.success);
  } catch (error) {
    ctx.log.error({ err: error }, 'logout failed');
    sendMessage(res, 500, Messages.internal);
  }
}

function tooManyFailures(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * Refusals are recorded for the teacher without any part of the body, which holds a password; only the username of
 * a roster student it was for (an unknown one is often the password typed into the wrong field), so Diagnostics
 * says which student cannot log in.
 */
function refuse(
  ctx: AppContext,
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers?: Record<string, string>,
  rosterStudent?: string,
): void {
  recordRejection(ctx, req, req.method === 'DELETE' ? 'logout' : 'login', status, message, { sample: rosterStudent ?? null });
  sendMessage(res, status, message, headers);
}
