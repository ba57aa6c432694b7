import type { IncomingMessage, ServerResponse } from 'node:http';
import { Messages } from '../collector/messages.js';
import type { AppContext } from '../context.js';
import { addressKey } from '../net/address-key.js';
import { RateLimiter } from './rate-limit.js';
import { sendMessage } from './send.js';

const MINUTE_MS = 60_000;
// One limiter per running collector, without a field in AppContext.
const limiters = new WeakMap<AppContext, RateLimiter>();

function limiterFor(ctx: AppContext): RateLimiter {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = new RateLimiter(ctx.config.startsPerMinutePerAddress, MINUTE_MS, ctx.now);
    limiters.set(ctx, limiter);
  }
  return limiter;
}

/**
 * Session starts per client address (issue 9): each start creates rows, so a loop of starts is the cheapest way to
 * fill the disk. Over the limit: 429 with Retry-After, before the body is read and before anything is written.
 * Not recorded in the database (that would add writes exactly during a flood); logged once per window.
 * Returns true when the request has been answered.
 */
export function refuseTooManyStarts(ctx: AppContext, req: IncomingMessage, res: ServerResponse): boolean {
  const address = addressKey(req.socket.remoteAddress);
  const limiter = limiterFor(ctx);
  const waitMs = limiter.take(address);
  if (waitMs === 0) return false;
  const seconds = Math.ceil(waitMs / 1000);
  if (limiter.refusals(address) === 1) {
    ctx.log.warn({ address, retryAfter: seconds }, 'session starts refused: too many from this address');
  }
  if (!res.headersSent) {
    // The unread body is drained by Node once the answer is sent; the connection stays usable.
    sendMessage(res, 429, Messages.tooManyStarts, { 'Retry-After': String(seconds) });
  }
  return true;
}
