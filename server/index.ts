import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LoginLimiter, limiterSettings } from './auth/login-limiter.js';
import { LoginTokens } from './auth/login-tokens.js';
import { BusyRefusals } from './collector/busy-refusals.js';
import { homePageToServe, resolveHomePage } from './collector/home-page.js';
import { type Config, type ConfigInput, parseConfig } from './config.js';
import type { AppContext } from './context.js';
import { attachConnectivity } from './diagnostics/attach-connectivity.js';
import { keepRefusalsFor } from './diagnostics/refusal-retention.js';
import { featureMounts } from './features.js';
import { createApp, type Mount } from './http/create-app.js';
import { continueWhenRead } from './http/expect-continue.js';
import { isIngestUpload, withFastPath } from './http/fast-path.js';
import { InflightBudget } from './http/inflight-budget.js';
import { limitConnections, slowClientOptions } from './http/rate-limit-connections.js';
import { watchChangesElsewhere } from './live/changes-elsewhere.js';
import { LiveBus } from './live/live-bus.js';
import { createLogger, type Logger } from './logger.js';
import { reachableUrls } from './net/lan-addresses.js';
import { type CheckInThread, checkInThread } from './store/backup-thread/backup-in-thread.js';
import { quickCheckStore } from './store/backups.js';
import { type CollectorLock, claimCollectorLock } from './store/collector-lock.js';
import { IngestWorker } from './store/ingest-worker/ingest-worker.js';
import { DatabaseDamagedError, databaseFile, openDatabase } from './store/open-database.js';
import { newestStoredHere, StoredClock } from './store/stored-clock.js';
import { WriteQueue } from './store/write-queue.js';
import { nextTurn } from './util/next-turn.js';

export interface Collector {
  /** Loopback URL of the running server, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  config: Config;
  /** URLs games on the LAN can use, as the network is now. */
  readonly lanUrls: string[];
  context: AppContext;
  /** Stops accepting, finishes every acknowledged write, closes the database. */
  close(): Promise<void>;
}

export interface CollectorOptions {
  logger?: Logger;
  now?: () => number;
  /** The monotonic clock `stored` counts on with while the wall clock is behind it (stored-clock.ts); performance.now. */
  monotonic?: () => number;
  /** Extra routers; see createApp. */
  mounts?: (ctx: AppContext) => Mount[];
}

/** Starts the collector. No side effects on import (DESIGN.md). */
export async function createCollector(input: ConfigInput, options: CollectorOptions = {}): Promise<Collector> {
  const config = parseConfig(input);
  const log = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  const db = openDatabase(config.dataDir);
  let lock: CollectorLock;
  try {
    lock = claimCollectorLock(db, path.resolve(config.dataDir));
  } catch (error) {
    db.close();
    throw error;
  }
  if (config.maxDatabasePages) db.pragma(`max_page_count = ${config.maxDatabasePages}`);
  // The readers' page cache (better-sqlite3's default is 16 MB): the dashboard's queries read counters and a few
  // index pages, while a query that reads a whole activity (an xAPI filter that matches nothing) would otherwise
  // keep 16 MB of pages it never reads again (issue 8: peak RSS with 1,000,000 stored).
  db.pragma('cache_size = -8192');
  const ingest = await IngestWorker.start(config.dataDir, { maxPages: config.maxDatabasePages }).catch((error: unknown) => {
    lock.release();
    db.close();
    throw error;
  });
  const closeHooks: Array<() => void | Promise<void>> = [];
  const ctx: AppContext = {
    config,
    db,
    writer: new WriteQueue(db),
    ingest,
    storage: { full: false, damaged: null },
    inflight: new InflightBudget(config.inflightBodyBytes),
    busyRefusals: new BusyRefusals(),
    bus: new LiveBus(),
    log,
    loginTokens: new LoginTokens(db, now),
    loginLimiter: new LoginLimiter(now, limiterSettings(config)),
    homePage: homePageToServe(db, config.homePage, config.port),
    now,
    storedClock: new StoredClock(now, newestStoredHere(db), options.monotonic),
    onClose: (hook) => closeHooks.push(hook),
  };
  ingest.onRestart = (error) => log.error({ err: error }, 'the ingest writer thread stopped; batches it held were not acknowledged (games send them again); starting a new one');
  // Shown where damage is shown (/health 503, the dashboard's red banner): from now on nothing can be stored.
  ingest.onStopped = (error) => {
    ctx.storage.damaged = `Aula cannot store traces any more: its writer thread stopped (${error.message}). Quit and start Aula again.`;
    log.fatal({ err: error }, ctx.storage.damaged);
  };
  const markDamaged = (problem: string) => {
    ctx.storage.damaged = new DatabaseDamagedError(databaseFile(config.dataDir), problem, config.dataDir).message;
    log.error(ctx.storage.damaged);
  };
  // A small database is checked now, in milliseconds; a large one beside the writer once the collector listens.
  const checkNow = databaseBytes(config.dataDir) <= config.checkInThreadAboveBytes;
  if (checkNow) {
    const problem = quickCheckStore(config.dataDir);
    if (problem) markDamaged(problem);
  }
  const app = createApp(ctx, [...featureMounts(ctx), ...(options.mounts?.(ctx) ?? [])]);
  const listener = withFastPath(ctx, app);
  const server = http.createServer(slowClientOptions(config), listener);
  server.on('checkContinue', continueWhenRead(listener, isIngestUpload));
  limitConnections(server, config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    // Port taken: release the database so the desktop app can retry on another port in the same process.
    await releaseAll();
    throw error;
  });
  /** Everything this start took (the threads, the lock, the database), so a failed start can be tried again. */
  async function releaseAll(): Promise<void> {
    for (const hook of closeHooks) await Promise.resolve(hook()).catch(() => {});
    await Promise.all([ctx.writer.close(), ctx.ingest.close()]);
    lock.release();
    db.close();
  }
  const port = (server.address() as AddressInfo).port;
  const loopbackHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${loopbackHost.includes(':') ? `[${loopbackHost}]` : loopbackHost}:${port}`;
  try {
    // Fixed now that the port is this run's, before any request is read (the games' first statements carry it).
    ctx.homePage = resolveHomePage(db, config.homePage, config.port);
    attachConnectivity(ctx, server, port);
    watchChangesElsewhere(ctx);
    keepRefusalsFor(ctx);
    if (!checkNow) checkLargeDatabase(ctx, markDamaged);
    lock.announce({ pid: process.pid, url });
  } catch (error) {
    // A write refused once listening (a full disk, a database busy for longer than its timeout): stop listening and
    // let go of everything, as for a busy port, instead of leaving a half-started collector holding port and folder.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await releaseAll();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    // Read anew each time: the laptop may join the classroom's Wi-Fi after Aula started, or get a new address after
    // sleeping; the desktop app's tray shows these.
    get lanUrls() {
      return reachableUrls(config.host, port);
    },
    context: ctx,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        for (const hook of closeHooks) await hook();
        await Promise.all([ctx.ingest.close(), ctx.writer.close()]);
        // Let the answers of the last commit leave before sockets are torn down.
        await nextTurn();
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), 2000);
        await stopped;
        clearTimeout(grace);
        lock.release();
        db.close();
      })();
      return closing;
    },
  };
}

/** The file's size now; 0 for a new data folder. */
function databaseBytes(dataDir: string): number {
  try {
    return fs.statSync(databaseFile(dataDir)).size;
  } catch {
    return 0;
  }
}

/**
 * The start-up quick_check of a large database on a thread of its own: run before listening, or on the writer thread,
 * it held back every game's first batches for its whole duration (0.6 s with 1,000,000 statements stored; issue 8's
 * "ready to accept ≤ 1 s").
 */
function checkLargeDatabase(ctx: AppContext, markDamaged: (problem: string) => void): void {
  let check: CheckInThread | undefined;
  let closed = false;
  ctx.onClose(() => {
    closed = true;
    check?.stop();
  });
  // After the caller has announced the collector: the thread's start-up would otherwise delay it on two cores.
  setImmediate(() => {
    if (closed) return;
    check = checkInThread(ctx.config.dataDir);
    check.problem.then(
      (problem) => {
        if (problem) markDamaged(problem);
      },
      (error: unknown) => ctx.log.warn({ err: error }, 'the start-up check of the database could not run; it runs again at the next start'),
    );
  });
}

export { type Config, type ConfigInput, parseConfig };
