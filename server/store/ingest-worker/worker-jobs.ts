import { endSessionJob, startSessionJob } from '../../collector/session-jobs.js';
import { type AnswerDelta, type ResultDelta, writeDeltas } from '../../results/results-accumulator.js';
import { writeResultsThrough } from '../../results/results-watermark.js';
import { type AlertOp, writeAlertOps } from '../../rules/alerts-writes.js';
import { writeLastWatched } from '../../rules/last-watched.js';
import { statementsEqual } from '../../xapi/statement-equality.js';
import type { ActivityCounters } from '../activity-counters.js';
import type { Db } from '../open-database.js';
import { insertRejection, markLoggedIn } from '../rejections-repo.js';
import { touchSession } from '../sessions-repo.js';
import { ingestXapi, type XapiAttachments, type XapiIncoming, type XapiIngestResult, type XapiScope } from '../xapi-ingest.js';

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
  /** Every statement up to this seq is in the results once these are written (results-watermark.ts); null: unchanged. */
  resultsThrough: number | null;
  /** Aula was watching the sessions until `now` (rules/last-watched.ts). */
  watched?: boolean;
}

/** What the writer defers to the end of its group commit, for the jobs that count statements. */
export interface GroupDeferred {
  activities: ActivityCounters;
}

/** A `POST`/`PUT /xapi/statements` batch, validated on the main thread (its session and player writes happen here). */
export interface XapiIngestJob {
  scope: XapiScope;
  batch: XapiIncoming[];
  /** The wall clock (sessions' last seen, the 30-minute gap) and the requests's `stored` (stored-clock.ts). */
  nowMs: number;
  storedMs: number;
  /** Only for a multipart/mixed request with attachment data: plain JSON requests carry nothing more. */
  attachments?: XapiAttachments;
}

export const workerJobs = {
  'rules.flush': (db: Db, payload: RulesFlush): void => {
    writeDeltas(db, payload.results, payload.answers, payload.now);
    if (payload.resultsThrough !== null) writeResultsThrough(db, payload.resultsThrough);
    writeAlertOps(db, payload.ops);
    if (payload.watched) writeLastWatched(db, payload.now);
  },
  // Newer clients send through xAPI: their batches get the same group commit off the event loop as RAGE's track.
  'xapi.ingest': (db: Db, payload: XapiIngestJob, deferred: GroupDeferred): XapiIngestResult =>
    ingestXapi(db, payload.scope, payload.batch, payload.nowMs, payload.storedMs, statementsEqual, deferred.activities, payload.attachments),
  // Starts and ends come in bursts (a class pressing play, a storm of reconnections): on the main thread each one's
  // commit waited for the disk, and for the writer thread's lock, with every game's request held up behind it.
  'session.start': startSessionJob,
  'session.end': (db: Db, payload: { sessionId: number; gameplayId: string }) => endSessionJob(db, payload),
  'session.touch': (db: Db, payload: { sessionId: number; now: string }) => touchSession(db, payload.sessionId, payload.now),
  'rejection.record': insertRejection,
  // Beside the refusals it follows, in the same queue: a failed login still waiting to be stored is marked too.
  'login.succeeded': markLoggedIn,
} satisfies Record<string, (db: Db, payload: never, deferred: GroupDeferred) => unknown>;

export type WorkerJobName = keyof typeof workerJobs;
export type WorkerJobPayload<Name extends WorkerJobName> = Parameters<(typeof workerJobs)[Name]>[1];
export type WorkerJobResult<Name extends WorkerJobName> = ReturnType<(typeof workerJobs)[Name]>;
