import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../util/worker-thread.js';
import type { IngestBatch, IngestResult } from '../statements-ingest.js';
import { WriterClosedError } from '../write-queue.js';
import { packBatch } from './batch-wire.js';
import { CoalescingSender, eachMessage, type Many } from './coalescing-sender.js';
import type { FromWorker, SerializedError, ToWorker, WriterData } from './messages.js';
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


/** A writer thread that dies this soon after starting counts as a quick failure; after three, it is not restarted. */
const QUICK_FAILURE_MS = 10_000;
const MAX_QUICK_FAILURES = 3;
/** Batches at least this large are handed to the writer at once rather than with the turn's others. */
const SEND_AT_ONCE_STATEMENTS = 50;

function spawnWriter(workerData: WriterData): Promise<Worker> {
  const worker = startWorkerThread(import.meta.url, { source: './worker-from-source.mjs', built: './worker-entry.js' }, { workerData });
  return new Promise<Worker>((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'ready') resolve(worker);
      else if (message.type === 'fatal') reject(revive(message.error));
      else return;
      worker.off('message', onMessage);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

/**
 * The main thread's handle on the ingest writer thread. Keeps count of the statements it has handed over and not
 * yet seen committed: the route refuses with 503 + Retry-After above a limit, before memory runs out (issue 8).
 * Should the thread die, what it held was never acknowledged (the games send it again) and a new thread takes
 * over; requests that arrive meanwhile wait for it.
 */
export class IngestWorker {
  private readonly pending = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void; size: number }>();
  private nextId = 1;
  private queued = 0;
  private closing: Promise<void> | undefined;
  private closed = false;
  private stopped: Error | undefined;
  private idleWaiters: Array<() => void> = [];
  private worker!: Worker;
  private sender!: CoalescingSender<ToWorker>;
  private startedAt = 0;
  private quickFailures = 0;
  private restarting: Promise<void> | undefined;

  private constructor(
    private readonly dataDir: string,
    private maxPages: number | undefined,
    worker: Worker,
  ) {
    this.attach(worker);
  }

  static async start(dataDir: string, options: { maxPages?: number | undefined } = {}): Promise<IngestWorker> {
    return new IngestWorker(dataDir, options.maxPages, await spawnWriter({ dataDir, maxPages: options.maxPages }));
  }

  /** Called when the writer thread died and a new one is being started (for the log). */
  onRestart: (error: Error) => void = () => {};
  /** Called when the writer thread kept dying and no new one is started: nothing can be stored any more. */
  onStopped: (error: Error) => void = () => {};

  private attach(worker: Worker): void {
    this.worker = worker;
    this.sender = new CoalescingSender<ToWorker>((message) => worker.postMessage(message));
    // By the monotonic clock: the laptop's clock set forward between two crashes made a thread that kept dying look
    // long-lived, restarted forever; set back, one that ran for hours counted as dying at once.
    this.startedAt = performance.now();
    let crash: Error | undefined;
    worker.on('message', (arrived: FromWorker | Many<FromWorker>) => eachMessage(arrived, (message) => this.receive(message)));
    // An uncaught error in the thread comes first, then its exit.
    worker.on('error', (error) => {
      crash = error;
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.exited(crash ?? new IngestError(`the ingest writer stopped (exit code ${code})`, 'WORKER_EXIT'));
    });
  }

  private exited(error: Error): void {
    this.failAll(error);
    if (this.closing || this.closed) {
      this.stopped ??= error;
      return;
    }
    this.quickFailures = performance.now() - this.startedAt < QUICK_FAILURE_MS ? this.quickFailures + 1 : 1;
    if (this.quickFailures > MAX_QUICK_FAILURES) return this.stop(error);
    this.onRestart(error);
    this.restarting = spawnWriter({ dataDir: this.dataDir, maxPages: this.maxPages })
      .then(
        (worker) => this.attach(worker),
        (failure: unknown) => this.stop(failure instanceof Error ? failure : new Error(String(failure))),
      )
      .finally(() => {
        this.restarting = undefined;
      });
  }

  private stop(error: Error): void {
    this.stopped = error;
    this.onStopped(error);
  }

  /**
   * Whether `statements` more would go over `limit` waiting statements: then the route answers 503 + Retry-After
   * instead. An empty queue takes any batch, however large (a backlog bigger than the limit still gets in).
   */
  isOverloaded(statements: number, limit: number): boolean {
    return this.queued > 0 && this.queued + statements > limit;
  }

  /** Whether statements were handed over and not yet committed (xAPI's Consistent-Through must not run ahead of them). */
  get statementsWaiting(): boolean {
    return this.queued > 0;
  }

  /** `now`: the session's last seen; `stored`, when it differs from `now`: the batch's stored (stored-clock.ts). */
  submit(batch: IngestBatch, now: string, stored?: string): Promise<IngestResult> {
    if (this.closed || this.closing) return Promise.reject(new WriterClosedError());
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.restarting) return this.restarting.then(() => this.submit(batch, now, stored));
    const id = this.nextId++;
    const size = batch.statements.length;
    this.queued += size;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, size });
      // A large batch (a reconnecting game's backlog) goes at once: the writer can start on it while the next
      // requests are parsed, instead of waiting for the end of the event loop's turn (reconnect storm, issue 8).
      this.sender.send({ type: 'ingest', id, batch: packBatch(batch), now, ...(stored === undefined ? {} : { stored }) }, size >= SEND_AT_ONCE_STATEMENTS);
    });
  }

  /**
   * Runs one of the registered write jobs (worker-jobs.ts) in the writer's next group commit; `statements` counts
   * towards the statements waiting for the writer (see isOverloaded) until it has committed.
   */
  run<Name extends WorkerJobName>(name: Name, payload: WorkerJobPayload<Name>, statements = 0): Promise<WorkerJobResult<Name>> {
    if (this.closed || this.closing) return Promise.reject(new WriterClosedError());
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.restarting) return this.restarting.then(() => this.run(name, payload, statements));
    const id = this.nextId++;
    this.queued += statements;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, size: statements });
      this.sender.send({ type: 'job', id, name, payload });
    });
  }

  /** Caps (or frees) the database size for the writer's connection, like SQLite's max_page_count. */
  setMaxPages(pages: number): void {
    this.maxPages = pages;
    this.sender.send({ type: 'max-pages', pages });
  }

  /** Lets every submitted batch commit, then stops the thread and its connection. */
  close(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.restarting) return this.restarting.then(() => this.close());
    this.closing ??= new Promise<void>((resolve) => {
      this.worker.on('message', (arrived: FromWorker | Many<FromWorker>) =>
        eachMessage(arrived, (message) => {
          if (message.type === 'closed') {
            this.closed = true;
            this.worker.terminate().then(() => resolve());
          }
        }),
      );
      this.sender.send({ type: 'close' });
    });
    return this.closing;
  }

  /** Resolves once everything submitted so far has committed or failed (what a reader waits for to see it). */
  idle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private receive(message: FromWorker): void {
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
