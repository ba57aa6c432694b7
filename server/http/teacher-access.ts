import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { bearerKey, issueTeacherCookie, readCookie, TEACHER_COOKIE, teacherCookieValid, teacherKeyMatches } from '../auth/teacher-key.js';
import { type TeacherKeyStore, teacherKeyStore } from '../auth/teacher-key-store.js';
import type { AppContext } from '../context.js';
import { addressKey } from '../net/address-key.js';
import { RateLimiter } from './rate-limit.js';
import { isLocalHostHeader } from './teacher-host.js';
import { isLoopbackAddress } from './teacher-loopback.js';

/** Wrong keys per address and window: a teacher mistyping a few times is fine, guessing is not. */
export const WRONG_KEYS_PER_WINDOW = 10;
export const WRONG_KEY_WINDOW_MS = 10 * 60_000;

export type TeacherVerdict =
  | { ok: true; via: 'loopback' | 'cookie' | 'bearer' }
  | { ok: false; why: 'no-key' | 'old-cookie' | 'wrong-key' | 'foreign-host' }
  | { ok: false; why: 'too-many-attempts'; retryAfterMs: number };

export type KeyAttempt = { ok: true } | { ok: false; why: 'wrong-key' } | { ok: false; why: 'too-many-attempts'; retryAfterMs: number };

/**
 * Who may use the dashboard: this computer, or a request carrying the teacher key (a cookie from the key page, or
 * `Authorization: Bearer <key>` for scripts). Each request is judged once, so a wrong key counts once however many
 * guards ask.
 */
export class TeacherAccess {
  readonly keys: TeacherKeyStore;
  private readonly verdicts = new WeakMap<IncomingMessage, TeacherVerdict>();
  private readonly failures: RateLimiter;
  private readonly blockedUntil = new Map<string, number>();
  /** Answers in progress to other devices (in practice: their live streams), ended when the key changes. */
  private readonly remote = new Set<ServerResponse>();

  constructor(private readonly ctx: AppContext) {
    this.keys = teacherKeyStore(ctx);
    this.failures = new RateLimiter(WRONG_KEYS_PER_WINDOW, WRONG_KEY_WINDOW_MS, ctx.now);
  }

  verdict(req: IncomingMessage): TeacherVerdict {
    let verdict = this.verdicts.get(req);
    if (!verdict) {
      verdict = this.decide(req);
      this.verdicts.set(req, verdict);
    }
    return verdict;
  }

  /** Checks a typed key for an address, counting wrong ones; over the limit even the right key waits. */
  tryKey(address: string | undefined, typed: string): KeyAttempt {
    const key = addressKey(address);
    const wait = this.waitMs(key);
    if (wait > 0) return { ok: false, why: 'too-many-attempts', retryAfterMs: wait };
    if (teacherKeyMatches(typed, this.keys.current())) return { ok: true };
    const blockedFor = this.failures.take(key);
    if (blockedFor > 0) {
      this.block(key, blockedFor);
      return { ok: false, why: 'too-many-attempts', retryAfterMs: blockedFor };
    }
    return { ok: false, why: 'wrong-key' };
  }

  /** Remembers an answer to another device while it is open, so a new key can end it (see endRemote). */
  follow(req: IncomingMessage, res: ServerResponse): void {
    const verdict = this.verdict(req);
    if (!verdict.ok || verdict.via === 'loopback') return;
    this.remote.add(res);
    res.once('close', () => this.remote.delete(res));
  }

  /** After "Regenerate": other devices' open streams end now; their reconnects meet the new key. */
  endRemote(except?: ServerResponse): void {
    for (const res of this.remote) {
      if (res === except) continue;
      this.remote.delete(res);
      res.end();
    }
  }

  /** A fresh cookie value for the current key. */
  issueCookie(): string {
    return issueTeacherCookie(this.keys.current(), this.ctx.now());
  }

  private decide(req: IncomingMessage): TeacherVerdict {
    const loopback = isLoopbackAddress(req.socket.remoteAddress);
    // From this computer under a foreign name: a rebound web page (teacher-host.ts), or a reverse proxy passing its
    // public name on. Either is another device in effect: it needs the key like one.
    if (loopback && isLocalHostHeader(req.headers.host)) return { ok: true, via: 'loopback' };
    const bearer = bearerKey(req.headers.authorization);
    if (bearer !== undefined) {
      const attempt = this.tryKey(req.socket.remoteAddress, bearer);
      return attempt.ok ? { ok: true, via: 'bearer' } : attempt;
    }
    const cookie = readCookie(req.headers.cookie, TEACHER_COOKIE);
    if (cookie) {
      // Not counted as a wrong key: a tablet with a cookie from before "Regenerate" is not guessing, and its
      // retries must not lock the teacher out of the key page. Forging the MAC is not a guessing game.
      return teacherCookieValid(cookie, this.keys.current(), this.ctx.now()) ? { ok: true, via: 'cookie' } : { ok: false, why: 'old-cookie' };
    }
    return { ok: false, why: loopback ? 'foreign-host' : 'no-key' };
  }

  private waitMs(key: string): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    const now = this.ctx.now();
    // No block is longer than the window: more left means the clock was set back since, and the wait starts afresh.
    const left = Math.min(until - now, WRONG_KEY_WINDOW_MS);
    if (left < until - now) this.blockedUntil.set(key, now + left);
    if (left > 0) return left;
    this.blockedUntil.delete(key);
    return 0;
  }

  private block(key: string, ms: number): void {
    const now = this.ctx.now();
    if (this.blockedUntil.size > 10_000) {
      for (const [other, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(other);
    }
    this.blockedUntil.set(key, now + ms);
    this.ctx.log.warn({ address: key, retryAfterMs: ms }, 'too many wrong teacher keys from one address: refused for a while');
  }
}

const accesses = new WeakMap<AppContext, TeacherAccess>();
const requests = new WeakMap<IncomingMessage, TeacherAccess>();

export function teacherAccess(ctx: AppContext): TeacherAccess {
  let access = accesses.get(ctx);
  if (!access) {
    access = new TeacherAccess(ctx);
    accesses.set(ctx, access);
  }
  return access;
}

/**
 * Mounted first in the app: ties each request to its collector's teacher key, so `isTeacherRequest(req)` can
 * answer with the request alone. Creating it creates the key at first run.
 */
export function teacherGate(ctx: AppContext): (req: Request, res: Response, next: NextFunction) => void {
  const access = teacherAccess(ctx);
  return (req, _res, next) => {
    requests.set(req, access);
    next();
  };
}

export function teacherAccessOf(req: IncomingMessage): TeacherAccess | undefined {
  return requests.get(req);
}

/** The verdict for a request; without the gate (a bare server), only loopback is the teacher. */
export function teacherVerdict(req: IncomingMessage): TeacherVerdict {
  const access = requests.get(req);
  if (access) return access.verdict(req);
  if (!isLoopbackAddress(req.socket.remoteAddress)) return { ok: false, why: 'no-key' };
  return isLocalHostHeader(req.headers.host) ? { ok: true, via: 'loopback' } : { ok: false, why: 'foreign-host' };
}
