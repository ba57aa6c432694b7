import { Worker } from 'node:worker_threads';
import type { IngestBatch, IngestResult } from '../statements-ingest.js';
import { WriterClosedError } from '../write-queue.js';
import { packBatch } from './batch-wire.js';
import type { FromWorker, SerializedError, ToWorker } from './messages.js';
import type { WorkerJobName, WorkerJobPayload, WorkerJobResult } from './worker-jobs.js';

export class IngestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** Set when the job failed on purpose with an HTTP status (see SerializedError). */
    readonly status?: number,
  ) {
    super(message);
  }
}

function revive(error: SerializedError): Error {
  return error.closed ? new WriterClosedError() : new IngestError(error.message, error.code, error.status);
}


/**
 * The main thread's handle on the ingest writer thread. Keeps count of the statements it has handed over and not
 * yet seen committed: the route refuses with 503 + Retry-After above a limit, before memory runs out (issue 8).
 */
export class IngestWorker {
  private readonly pending = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void; size: number }>();
  private nextId = 1;
  private queued = 0;
  private closing: Promise<void> | undefined;
  private closed = false;
  private stopped: Error | undefined;
  private idleWaiters: Array<() => void> = [];

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.stopped ??= new IngestError('the ingest writer stopped', 'WORKER_EXIT');
      this.failAll(this.stopped);
    });
  }

  static async start(dataDir: string, options: { maxPages?: number | undefined } = {}): Promise<IngestWorker> {
    // From source the worker is TypeScript and needs tsx registered in its own thread first.
    const entry = import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './worker-entry.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: { dataDir, maxPages: options.maxPages } });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'fatal') reject(revive(message.error));
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return new IngestWorker(worker);
  }

  /**
   * Whether `statements` more would go over `limit` waiting statements: then the route answers 503 + Retry-After
   * instead. An empty queue takes any batch, however large (a backlog bigger than the limit still gets in).
   */
  isOverloaded(statements: number, limit: number): boolean {
    return this.queued > 0 && this.queued + statements > limit;
  }

  submit(batch: IngestBatch, now: string): Promise<IngestResult> {
    if (this.closed || this.closing) return Promise.reject(new WriterClosedError());
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    const size = batch.statements.length;
    this.queued += size;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, size });
      this.worker.postMessage({ type: 'ingest', id, batch: packBatch(batch), now } satisfies ToWorker);
    });
  }

  /**
   * Runs one of the registered write jobs (worker-jobs.ts) in the writer's next group commit; `statements` counts
   * towards the statements waiting for the writer (see isOverloaded) until it has committed.
   */
  run<Name extends WorkerJobName>(name: Name, payload: WorkerJobPayload<Name>, statements = 0): Promise<WorkerJobResult<Name>> {
    if (this.closed || this.closing) return Promise.reject(new WriterClosedError());
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    this.queued += statements;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, size: statements });
      this.worker.postMessage({ type: 'job', id, name, payload });
    });
  }

  /** Caps (or frees) the database size for the writer's connection, like SQLite's max_page_count. */
  setMaxPages(pages: number): void {
    this.worker.postMessage({ type: 'max-pages', pages });
  }

  /** Lets every submitted batch commit, then stops the thread and its connection. */
  close(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.closing ??= new Promise<void>((resolve) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'closed') {
          this.closed = true;
          this.worker.terminate().then(() => resolve());
        }
      });
      this.worker.postMessage({ type: 'close' });
    });
    return this.closing;
  }

  /** Resolves once everything submitted so far has committed or failed (what a reader waits for to see it). */
  idle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Called once if the background quick_check finds the database damaged. */
  onDamaged: (problem: string) => void = () => {};

  private receive(message: FromWorker): void {
    if (message.type === 'damaged') return this.onDamaged(message.problem);
    if (message.type !== 'done' && message.type !== 'failed') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    this.queued -= waiting.size;
    if (message.type === 'done') waiting.resolve(message.result as never);
    else waiting.reject(revive(message.error));
    if (this.pending.size === 0) this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.queued = 0;
    this.wakeIdle();
  }
}
