import { type AnswerDelta, type ResultDelta, writeDeltas } from '../../results/results-accumulator.js';
import { type AlertOp, writeAlertOps } from '../../rules/alerts-writes.js';
import type { Db } from '../open-database.js';

/**
 * Writes other than statement batches that run often enough to matter while games are sending. They run on the
 * writer thread's connection, inside its group commit: a second writing connection on the main thread would wait
 * for SQLite's write lock with the event loop blocked (and make the writer wait in turn). Payloads are plain data.
 */
export interface RulesFlush {
  results: ResultDelta[];
  answers: AnswerDelta[];
  ops: AlertOp[];
  now: string;
}

export const workerJobs = {
  'rules.flush': (db: Db, payload: RulesFlush): void => {
    writeDeltas(db, payload.results, payload.answers, payload.now);
    writeAlertOps(db, payload.ops);
  },
} satisfies Record<string, (db: Db, payload: never) => unknown>;

export type WorkerJobName = keyof typeof workerJobs;
export type WorkerJobPayload<Name extends WorkerJobName> = Parameters<(typeof workerJobs)[Name]>[1];
