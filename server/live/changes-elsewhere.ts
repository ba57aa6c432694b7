import type { AppContext } from '../context.js';
import { readChangeStamp } from '../store/change-stamp.js';

/** A second: what a teacher waits for a CLI change to show, and one indexed read of a row per second. */
const CHECK_EVERY_MS = 1000;

/** Tells the bus when another process (the `aula` CLI) changed the data folder's database (change-stamp.ts). */
export function watchChangesElsewhere(ctx: AppContext, everyMs = CHECK_EVERY_MS): void {
  let seen = readChangeStamp(ctx.db);
  const timer = setInterval(() => {
    let stamp: string | undefined;
    try {
      stamp = readChangeStamp(ctx.db);
    } catch (error) {
      // A busy or damaged database is reported where it matters; this looks again in a second.
      ctx.log.debug({ err: error }, 'could not read the change stamp');
      return;
    }
    if (stamp === seen) return;
    seen = stamp;
    ctx.bus.emit('changed.elsewhere', {});
  }, everyMs);
  timer.unref();
  ctx.onClose(() => clearInterval(timer));
}
