import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { AppContext } from '../context.js';
import { requestLanguage } from '../i18n/request-language.js';
import { wording } from '../i18n/wording.js';
import type { ImportProgress } from '../import/import-bundle.js';
import { ImportDiskFullError, ImportRefusedError, isDiskFull } from '../import/import-errors.js';
import type { ImportReport } from '../import/import-report.js';
import { reportIn } from '../import/import-report.js';
import { importInThread } from '../import/import-thread/import-in-thread.js';
import { claimIncomingBundle, type IncomingBundle, removeAbandonedBundles } from '../import/incoming-bundles.js';
import { consistencyClock } from '../xapi/consistent-through.js';
import { AdminError } from './admin-error.js';

/** A bundle of a whole term is large; more than this is refused before it fills the disk. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export interface ImportStatus {
  running: boolean;
  progress: ImportProgress | null;
}

/**
 * The dashboard's import: the zip arrives as a raw `application/zip` body (no multipart parser needed), is written
 * to the data folder as it arrives (never held in memory), merged on a thread of its own, and deleted.
 */
export class ImportRunner {
  private progress: ImportProgress | null = null;
  private running = false;
  /** Ends a running import's thread; what it committed is kept, and importing the bundle again completes it. */
  private stopThread: (() => Promise<void>) | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly maxBytes = IMPORT_MAX_BYTES,
  ) {
    // The collector stopping mid-import closes the database: the import's thread and its connection end first.
    ctx.onClose(() => this.stopThread?.());
    // A server killed mid-import left its zip behind (up to 2 GB, for ever): gone at the next start, unless another
    // Aula running on this folder is importing from it.
    try {
      const removed = removeAbandonedBundles(this.folder);
      if (removed.length > 0) ctx.log.info({ removed }, 'removed what interrupted imports left in the data folder');
    } catch (error) {
      ctx.log.warn({ err: error }, 'could not remove what interrupted imports left in the data folder; the next start tries again');
    }
  }

  private get folder(): string {
    return path.join(this.ctx.config.dataDir, 'imports');
  }

  get status(): ImportStatus {
    return { running: this.running, progress: this.progress };
  }

  async run(req: Request): Promise<ImportReport> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/zip' && type !== 'application/octet-stream') {
      throw new AdminError(415, 'unsupported-media-type', wording('data.notZip'));
    }
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > this.maxBytes) throw new AdminError(413, 'bundle-too-large', wording('data.bundleTooLarge', { max: this.maxBytes }));
    if (this.running) throw new AdminError(409, 'import-running', wording('data.importRunning'));
    this.running = true;
    this.progress = null;
    let incoming: IncomingBundle | undefined;
    try {
      incoming = claimIncomingBundle(this.folder);
      const { file } = incoming;
      await this.receive(req, file);
      const { ctx } = this;
      // Verifying, parsing and merging a bundle of a term takes tens of seconds, in transactions of a few hundred ms
      // each: on a thread of its own, with its own connection, games' batches are read and answered meanwhile.
      const report = await importInThread(
        // Held to the same size cap as the collector's own connection: a full database stops it the same way.
        { file, dataDir: ctx.config.dataDir, maxPages: ctx.db.pragma('max_page_count', { simple: true }) as number },
        {
          // Stamped here, committed on the thread's connection a moment later: Consistent-Through waits for it.
          storedHere: () => {
            const stamp = ctx.storedClock.iso();
            consistencyClock(ctx).hold(Date.parse(stamp));
            return stamp;
          },
          onStart: (stop) => {
            this.stopThread = stop;
          },
          onProgress: (progress) => {
            this.progress = progress;
          },
          onCommitted: (touched) => {
            for (const activityId of touched.activities) ctx.bus.emit('activity.changed', { activityId });
          },
        },
      );
      // New classes from the other laptop: the Classes screen refetches its whole list on any class event.
      if (report.added.classes > 0) ctx.bus.emit('classes.changed', { classId: '' });
      // The notes in the dashboard's language: Spanish for a request asking for es.
      return reportIn(report, requestLanguage(req));
    } catch (error) {
      if (error instanceof ImportRefusedError) throw new AdminError(422, error.reason, error.wording ?? error.message);
      if (error instanceof ImportDiskFullError) throw new AdminError(507, 'disk-full', error.wording);
      // The bundle itself did not fit while it was being received: nothing of it was imported.
      if (isDiskFull(error)) throw new AdminError(507, 'disk-full', wording('data.diskFull'));
      throw error;
    } finally {
      consistencyClock(this.ctx).release();
      this.running = false;
      this.stopThread = undefined;
      incoming?.release();
    }
  }

  private async receive(req: Request, file: string): Promise<void> {
    let received = 0;
    const max = this.maxBytes;
    await pipeline(
      req,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          if (received > max) throw new AdminError(413, 'bundle-too-large', wording('data.bundleTooLarge', { max }));
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
    if (received === 0) throw new AdminError(400, 'empty-body', wording('data.emptyBody'));
  }
}
