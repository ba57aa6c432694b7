import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread of Aula's, started from the module that owns it (`base`: its import.meta.url). Built code runs the
 * bundle entry next to it (`built`: an entry of scripts/build-cli.mjs and build-main.mjs); from sources, the `source`
 * bootstrap, which registers tsx in the new thread before it loads the TypeScript entry.
 */
export function startWorkerThread(base: string, entries: { source: string; built: string }, options: WorkerOptions = {}): Worker {
  return new Worker(new URL(base.endsWith('.ts') ? entries.source : entries.built, base), options);
}

/** A failure a worker thread reported, with SQLite's or the file system's code kept (e.g. SQLITE_FULL, ENOSPC). */
export class ThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}
