import type { Db } from './open-database.js';

export class WriterClosedError extends Error {
  constructor() {
    super('The collector is shutting down');
  }
}

type Job<T> = (db: Db) => T;

interface Pending {
  job: Job<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface WriteQueueOptions {
  /** Runs in each group's transaction after its jobs (deferred writes, e.g. ActivityCounters). */
  beforeCommit?: (db: Db) => void;
  /** The group's transaction was rolled back: undo what its jobs kept outside the database. */
  failed?: () => void;
  /**
   * Jobs run without a savepoint each; only when one throws is the group rolled back and run again with one per job.
   * For jobs whose every effect is in the database or undone by `failed`: some run twice.
   */
  replayOnFailure?: boolean;
}

/**
 * The one writer (DESIGN.md "Where data walks"). Every write is a job; all jobs that arrive while the previous
 * commit runs are grouped into one transaction and one fsync (group commit). Each job runs in its own savepoint
 * (with `replayOnFailure`, only once one of them has failed), so a failing job rolls back alone; a job's promise
 * settles only after the transaction holding it has committed, which is what lets a route answer 200 only for data
 * that is on disk.
 */
export class WriteQueue {
  private queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private drained: (() => void) | undefined;
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  /** Built once: inside the group's transaction, better-sqlite3 runs it as a savepoint. */
  private readonly inSavepoint;

  constructor(
    private readonly db: Db,
    private readonly options: WriteQueueOptions = {},
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.inSavepoint = db.transaction((job: Job<unknown>) => job(db));
  }

  get pendingJobs(): number {
    return this.queue.length;
  }

  run<T>(job: Job<T>): Promise<T> {
    if (this.closed) return Promise.reject(new WriterClosedError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: lets the event loop read every request that is already waiting first.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Finishes everything queued, then refuses new jobs. */
  close(): Promise<void> {
    this.closed = true;
    if (!this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.drained = resolve;
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (!(this.options.replayOnFailure && this.commitWithoutSavepoints(group))) this.commitInSavepoints(group);
    this.afterFlush();
  }

  /**
   * The group in one transaction with no savepoint per job: entering and releasing one for every batch, and copying
   * each page a batch touched into the savepoint's journal first, was a fifth of the ingest writer's CPU (issue 8).
   * False, with the transaction rolled back, when a job threw: the group is then run again in savepoints.
   */
  private commitWithoutSavepoints(group: Pending[]): boolean {
    const values: unknown[] = [];
    try {
      this.begin.run();
      for (const { job } of group) values.push(job(this.db));
    } catch {
      this.rollBack();
      return false;
    }
    try {
      this.options.beforeCommit?.(this.db);
      this.commit.run();
    } catch (error) {
      this.abandon(group, error);
      return true;
    }
    for (const [index, pending] of group.entries()) pending.resolve(values[index]);
    return true;
  }

  private commitInSavepoints(jobs: Pending[]): void {
    let group = jobs;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.begin.run();
      for (const [index, { job }] of group.entries()) {
        try {
          outcomes.push({ ok: true, value: this.inSavepoint(job) });
        } catch (error) {
          if (!this.db.inTransaction) {
            // SQLite rolled the whole transaction back (e.g. SQLITE_FULL): the jobs before this one are lost too, so
            // they fail with its error; the jobs after it were not tried and go first into the next flush.
            this.queue = [...group.slice(index + 1), ...this.queue];
            group = group.slice(0, index + 1);
            throw error;
          }
          outcomes.push({ ok: false, error });
        }
      }
      this.options.beforeCommit?.(this.db);
      this.commit.run();
    } catch (error) {
      this.abandon(group, error);
      return;
    }
    group.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
    });
  }

  /** Nothing of the group is stored: each of its jobs fails with `error`. */
  private abandon(group: Pending[], error: unknown): void {
    this.rollBack();
    for (const pending of group) pending.reject(error);
  }

  private rollBack(): void {
    if (this.db.inTransaction) this.rollback.run();
    this.options.failed?.();
  }

  private afterFlush(): void {
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    } else if (this.queue.length === 0 && this.closed) {
      this.drained?.();
    }
  }
}
