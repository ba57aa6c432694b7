import type { LoginLimiter } from './auth/login-limiter.js';
import type { LoginTokens } from './auth/login-tokens.js';
import type { BusyRefusals } from './collector/busy-refusals.js';
import type { Config } from './config.js';
import type { InflightBudget } from './http/inflight-budget.js';
import type { LiveBus } from './live/live-bus.js';
import type { Logger } from './logger.js';
import type { IngestWorker } from './store/ingest-worker/ingest-worker.js';
import type { Db } from './store/open-database.js';
import type { StoredClock } from './store/stored-clock.js';
import type { WriteQueue } from './store/write-queue.js';

/** What every route handler gets: built once by createCollector, no globals. */
export interface AppContext {
  config: Config;
  db: Db;
  writer: WriteQueue;
  /** Whether the last write failed because the disk is full (cleared by the next successful write). */
  storage: { full: boolean; damaged: string | null };
  /** Track bodies in memory right now (backpressure before memory runs out). */
  inflight: InflightBudget;
  /** Games answered "busy, retry shortly", per address (the Diagnostics screen). */
  busyRefusals: BusyRefusals;
  /** The writer thread that stores tracked statements (group commit off the event loop). */
  ingest: IngestWorker;
  bus: LiveBus;
  log: Logger;
  loginTokens: LoginTokens;
  /** Failed-login counts (in memory), here so a password reset from the dashboard can forgive them. */
  loginLimiter: LoginLimiter;
  /** `actor.account.homePage` for this installation, with a trailing slash. */
  homePage: string;
  now: () => number;
  /** What `stored` is read from: the wall clock `now`, but never going back (stored-clock.ts). */
  storedClock: StoredClock;
  /** Registers work to run when the collector stops (SSE streams, timers…), before the database closes. */
  onClose(hook: () => void | Promise<void>): void;
}
