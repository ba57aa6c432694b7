import { z } from 'zod';
import type { AppContext } from '../context.js';
import { normalizeSettingsFor } from '../export/export-options.js';
import { statementWhere, UnknownFilterValueError } from '../export/filters.js';
import { countStatements } from '../export/statement-rows.js';
import { type Language, type Phrase, type WordingValue, word, wording } from '../i18n/wording.js';
import { ensurePseudonymSalt } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { LrsClient, type LrsTarget, redirectWording } from '../upload/lrs-client.js';
import { DASHBOARD_WORDING, endpointWithoutCredentials, LrsEndpointError, lrsTargetFrom } from '../upload/lrs-endpoint.js';
import { UploadChoiceError } from '../upload/upload-choice.js';
import { claimUploadLock, type UploadLock, UploadRunningError } from '../upload/upload-lock.js';
import { stateCounts } from '../upload/upload-state.js';
import { type UploadProblem, UploadStoppedError, uploadStatements } from '../upload/uploader.js';
import { isoNow } from '../util/time.js';
import { AdminError } from './admin-error.js';
import type { UploadJob, UploadTargetView } from './api-types.js';

/** The key and secret may also come typed into the endpoint (`https://KEY:SECRET@host/xAPI`): see targetOf. */
export const lrsSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  username: z.string().optional(),
  password: z.string().optional(),
});

/** The LRS to talk to, with a `KEY:SECRET@` typed into the endpoint taken out of it (never stored nor shown). */
export function targetOf(input: z.output<typeof lrsSchema>): LrsTarget {
  try {
    return lrsTargetFrom(input, DASHBOARD_WORDING);
  } catch (error) {
    if (error instanceof LrsEndpointError) throw new AdminError(400, 'invalid-request', error.wording);
    throw error;
  }
}

export const uploadSchema = lrsSchema.extend({
  activity: z.string().min(1).optional(),
  batch: z.number().int().min(1).max(100).default(100),
  /** As `aula upload --pseudonymize`: usernames and playerIds become stable salted hashes. */
  pseudonymize: z.boolean().default(false),
});
/**
 * What `/about` says: whether this is an xAPI endpoint the key and secret open, in the request's language (what the
 * network or the LRS said is quoted as it came).
 */
export async function testConnection(target: LrsTarget, language: Language = 'en'): Promise<{ ok: boolean; status: number | null; message: string }> {
  const { endpoint } = target;
  try {
    const about = await new LrsClient(target).about();
    const redirect = redirectWording(endpoint, about);
    if (redirect) return { ok: false, status: about.status, message: word(redirect, language) };
    if (about.status !== 200) return { ok: false, status: about.status, message: word(wording('upload.aboutAnswered', { endpoint, status: about.status }), language) };
    let versions = '';
    try {
      versions = ((JSON.parse(about.text) as { version?: unknown }).version as string[] | undefined)?.join(', ') ?? '';
    } catch {
      // An /about that is not JSON is still an answer; the upload itself will tell more.
    }
    const connected = versions ? wording('upload.connectedVersions', { versions }) : wording('upload.connected');
    return { ok: true, status: 200, message: word(connected, language) };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : (error as Error).message;
    return { ok: false, status: null, message: word(wording('upload.cannotReach', { endpoint, cause }), language) };
  }
}

export function listTargets(db: Db): UploadTargetView[] {
  const targets = prepared<[], Omit<UploadTargetView, 'counts' | 'notQueued'>>(
    db,
    'SELECT id, endpoint, username, created FROM upload_targets ORDER BY created',
  ).all();
  // Counted only for targets, and without joining each statement to its batch (countStatements).
  const total = targets.length === 0 ? 0 : countStatements(db, { sql: '', params: [] });
  return targets.map((target) => {
    // A target stored by an Aula that kept a typed `KEY:SECRET@` in its endpoint is listed without it.
    target.endpoint = endpointWithoutCredentials(target.endpoint);
    const counts = stateCounts(db, target.id, { sql: '', params: [] });
    const known = counts.pending + counts.sent + counts.conflict + counts.rejected;
    return { ...target, counts, notQueued: Math.max(0, total - known) };
  });
}

/**
 * One upload at a time, run in the background on the server (the dashboard polls its status): the same uploader as
 * `aula upload`, with its writes through the one writer. The password lives only in this job's closure.
 */
export class UploadRunner {
  private current: UploadJob | null = null;
  /** When the request waiting to be sent again goes (performance.now()): the laptop's clock may be set meanwhile. */
  private retryDue = 0;
  /** The job's `error` and its wait's `problem` as wordings, so each status request reads them in its language. */
  private errorWording: Phrase | null = null;
  private problemWording: WordingValue | null = null;
  /** The summary's problems with their wordings, worded for each status request as the job's error is. */
  private problems: UploadProblem[] = [];

  constructor(private readonly ctx: AppContext) {}

  get job(): UploadJob | null {
    return this.current;
  }

  /**
   * The job as GET /data/upload/status gives it: a wait's time left as of this answer (`retryInMs`), by the monotonic
   * clock. A phone whose clock differs from the laptop's by minutes counted down from `retryAt` by its own clock.
   */
  status(language: Language = 'en'): UploadJob | null {
    const job = this.current;
    if (!job) return job;
    const worded: UploadJob = { ...job };
    if (job.error !== null && this.errorWording !== null) worded.error = word(this.errorWording, language);
    if (job.summary) {
      worded.summary = { ...job.summary, problems: this.problems.map(({ id, state, wording }) => ({ id, state, message: word(wording, language) })) };
    }
    if (!job.retry) return worded;
    const problem = this.problemWording;
    worded.retry = {
      ...job.retry,
      ...(problem === null ? {} : { problem: typeof problem === 'object' ? word(problem, language) : String(problem) }),
      retryInMs: Math.max(0, Math.round(this.retryDue - performance.now())),
    };
    return worded;
  }

  start(input: z.output<typeof uploadSchema>): UploadJob {
    const target = targetOf(input);
    if (this.current?.state === 'running') throw new AdminError(409, 'upload-running', wording('data.uploadRunning'));
    const filters = input.activity ? { activity: input.activity } : {};
    try {
      statementWhere(this.ctx.db, filters);
    } catch (error) {
      if (error instanceof UnknownFilterValueError) throw new AdminError(404, 'unknown-filter-value', error.wording);
      throw error;
    }
    // The check above covers this server; the lock also covers `aula upload` run on the same data folder meanwhile.
    let lock: UploadLock;
    try {
      lock = claimUploadLock(this.ctx.db);
    } catch (error) {
      if (error instanceof UploadRunningError) throw new AdminError(409, 'upload-running', error.wording);
      throw error;
    }
    const job: UploadJob = {
      endpoint: target.endpoint,
      username: target.username,
      activity: input.activity ?? null,
      state: 'running',
      started: isoNow(this.ctx.now),
      finished: null,
      progress: { done: 0, total: 0 },
      summary: null,
      error: null,
      retry: null,
      retries: 0,
    };
    this.current = job;
    this.errorWording = null;
    this.problemWording = null;
    this.problems = [];
    const { ctx } = this;
    // The salt is created once per installation, by a write, before the first pseudonymised upload or export.
    const salt = input.pseudonymize ? ctx.writer.run((db) => ensurePseudonymSalt(db)) : Promise.resolve(undefined);
    salt
      .then((pseudonymSalt) =>
        uploadStatements(ctx.db, {
          target,
          filters,
          batchSize: input.batch,
          settings: normalizeSettingsFor(ctx.db, ctx.homePage, { actors: 'per-player', pseudonymize: input.pseudonymize }, pseudonymSalt),
          write: (work) => ctx.writer.run(work),
          onProgress: (progress) => {
            // A batch stored: the request that waited got through.
            if (progress.done > job.progress.done) job.retry = null;
            job.progress = progress;
          },
          onRetry: ({ problem, problemWording, attempt, attempts, waitMs }) => {
            job.retries++;
            this.problemWording = problemWording;
            this.retryDue = performance.now() + waitMs;
            job.retry = { problem, attempt, attempts, waitMs, retryAt: new Date(ctx.now() + waitMs).toISOString() };
          },
          lock,
        }),
      )
      .finally(() => lock.release())
      .then(
      ({ problems, ...summary }) => {
        job.retry = null;
        this.problems = problems;
        job.summary = { ...summary, problems: problems.map(({ id, state, message }) => ({ id, state, message })) };
        job.state = 'done';
        job.finished = isoNow(ctx.now);
      },
      (error: unknown) => {
        job.retry = null;
        job.state = 'failed';
        job.finished = isoNow(ctx.now);
        job.error = error instanceof UploadStoppedError || error instanceof Error ? error.message : String(error);
        if (error instanceof UploadStoppedError || error instanceof UploadChoiceError) this.errorWording = error.wording;
        if (!(error instanceof UploadStoppedError || error instanceof UploadChoiceError)) ctx.log.error({ err: error }, 'upload failed');
      },
    );
    return job;
  }
}
