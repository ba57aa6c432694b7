import net from 'node:net';
import path from 'node:path';
import type { Collector, ConfigInput } from '../server/index.js';
import { CollectorRunningError } from '../server/store/collector-lock.js';
import { DatabaseDamagedError, DatabaseTooNewError } from '../server/store/open-database.js';
import { wordedTwice } from './i18n/setup.js';

/**
 * Why the collector did not start, in terms the error window can act on. `message` is what the window shows; when Aula
 * worded it in the app's language, `english` is the same for the log (loggedProblem).
 */
export type StartProblem = (
  | { kind: 'port-taken'; port: number; message: string }
  | { kind: 'port-refused'; port: number; message: string }
  | { kind: 'database'; dataDir: string; message: string }
  /** Another collector (aula serve, another user session's Aula) runs on the same data folder. */
  | { kind: 'in-use'; dataDir: string; message: string }
  | { kind: 'timeout'; seconds: number; message: string }
  /** An AULA_* variable (or a saved setting) with a value the collector cannot take; `variables` names the variables. */
  | { kind: 'config'; message: string; variables: string[] }
  | { kind: 'other'; message: string }
) & { english?: string };

/** The problem as the log keeps it: in English, which support reads, whatever language the window showed it in. */
export function loggedProblem(problem: StartProblem): StartProblem {
  const { english, ...shown } = problem;
  return english === undefined ? shown : { ...shown, message: english };
}

export type HostStart = { ok: true; collector: Collector } | { ok: false; problem: StartProblem };

export interface ServerHostOptions {
  /** createCollector from server/, injected so tests can stand in a collector that never answers. */
  start: (config: ConfigInput) => Promise<Collector>;
  /** How long to wait for the collector to listen before showing an error. */
  timeoutMs?: number;
}

export interface ServerHost {
  start(config: ConfigInput): Promise<HostStart>;
  /** Finishes acknowledged writes and closes the database; safe to call more than once. */
  stop(): Promise<void>;
  readonly collector: Collector | undefined;
}

const DATABASE_ERRNO = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EEXIST', 'EISDIR']);

/**
 * A path the data folder cannot do without is missing: a saved folder on a USB stick or a drive letter that is not
 * there (Windows' mkdir fails with ENOENT), a network share that is gone. Only for the data folder's own path, its
 * parents or what is in it: ENOENT elsewhere (the app's own files) is not something another folder fixes.
 */
function missingDataFolder(failure: Partial<NodeJS.ErrnoException>, dataDir: string): boolean {
  if (failure.code !== 'ENOENT' || typeof failure.path !== 'string') return false;
  const missing = path.resolve(failure.path);
  const folder = path.resolve(dataDir);
  const within = (inner: string, outer: string) => {
    const relative = path.relative(outer, inner);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  return within(missing, folder) || within(folder, missing);
}

export function classifyStartError(error: unknown, config: ConfigInput): StartProblem {
  const failure = error as Partial<NodeJS.ErrnoException> & { message?: string };
  const message = failure?.message ?? String(error);
  const port = config.port ?? 3000;
  // Before the port: aula serve holding port 3000 on this data folder must not lead to "use port 3001" and a second
  // collector on the same database.
  if (error instanceof CollectorRunningError) return { kind: 'in-use', dataDir: config.dataDir, message };
  if (failure?.syscall === 'listen' || failure?.code === 'EADDRINUSE') {
    if (failure.code === 'EADDRINUSE') {
      return { kind: 'port-taken', port, ...wordedTwice((word) => word('startup.collector.portTaken', { port })) };
    }
    const code = String(failure.code);
    return { kind: 'port-refused', port, ...wordedTwice((word) => word('startup.collector.portRefused', { port, code })) };
  }
  const sqlite = typeof failure?.code === 'string' && failure.code.startsWith('SQLITE_');
  const refused = error instanceof DatabaseTooNewError || error instanceof DatabaseDamagedError;
  if (refused || sqlite || (failure?.code && DATABASE_ERRNO.has(failure.code)) || missingDataFolder(failure ?? {}, config.dataDir)) {
    return { kind: 'database', dataDir: config.dataDir, message: `The data folder cannot be used: ${message}` };
  }
  return { kind: 'other', message };
}

export function createServerHost(options: ServerHostOptions): ServerHost {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let current: Collector | undefined;
  let stopping: Promise<void> | undefined;

  return {
    get collector() {
      return current;
    },
    async start(config) {
      if (current) return { ok: true, collector: current };
      stopping = undefined;
      const starting = options.start(config);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        const winner = await Promise.race([starting, timedOut]);
        if (winner === 'timeout') {
          // A collector that listens after we gave up must not keep the port and the database.
          starting.then((late) => late.close()).catch(() => {});
          const seconds = Math.round(timeoutMs / 1000);
          return {
            ok: false,
            problem: { kind: 'timeout', seconds, ...wordedTwice((word) => word('startup.collector.timeout', { seconds })) },
          };
        }
        current = winner;
        return { ok: true, collector: winner };
      } catch (error) {
        return { ok: false, problem: classifyStartError(error, config) };
      } finally {
        clearTimeout(timer);
      }
    },
    stop() {
      const running = current;
      if (!running) return stopping ?? Promise.resolve();
      current = undefined;
      stopping = running.close();
      return stopping;
    },
  };
}

/** The first port after `taken` that can be listened on, to offer when the usual one is busy. */
export async function findFreePort(taken: number, host: string, attempts = 50): Promise<number | undefined> {
  for (let port = taken + 1; port <= Math.min(taken + attempts, 65535); port++) {
    if (await canListen(port, host)) return port;
  }
  return undefined;
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
