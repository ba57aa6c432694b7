import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { dashboardWordingOf } from '../export/dashboard-wording.js';
import { EXPORT_FORMATS, type ExportOptions, exportOptionsSchema } from '../export/export-options.js';
import { exportToStream } from '../export/export-to.js';
import { statementWhere, UnknownFilterValueError } from '../export/filters.js';
import { countStatements } from '../export/statement-rows.js';
import { type Language, word } from '../i18n/wording.js';
import { spanishIssues } from '../i18n/zod-spanish.js';
import { ensurePseudonymSalt } from '../normalize/index.js';
import { AdminError } from './admin-error.js';

const FILE_TYPES: Record<ExportOptions['format'], { type: string; extension: string }> = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  'traces-csv': { type: 'text/csv; charset=utf-8', extension: 'traces.csv' },
  zip: { type: 'application/zip', extension: 'zip' },
};

const yes = z
  .union([z.boolean(), z.enum(['1', 'true', '0', 'false', ''])])
  .optional()
  .transform((value) => value === true || value === '1' || value === 'true');

/** The CLI's flags as query parameters: `?format=csv&activity=CODE&since=…&actors=as-sent&pseudonymize=1`. */
const querySchema = z.object({
  format: z.enum(EXPORT_FORMATS).optional(),
  activity: z.string().optional(),
  class: z.string().optional(),
  player: z.string().optional(),
  session: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  actors: z.enum(['as-sent', 'per-player']).optional(),
  pseudonymize: yes,
  asReceived: yes,
  /** A name the dashboard picks to follow this download's progress. */
  progress: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
});

export function exportOptionsFromQuery(query: unknown): { options: ExportOptions; progressId: string | undefined } {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error, () => querySchema.safeParse(query, { error: spanishIssues }).error);
  const q = parsed.data;
  const blank = (value: string | undefined) => (value === '' ? undefined : value);
  const given = {
    format: q.format,
    filters: {
      activity: blank(q.activity),
      class: blank(q.class),
      player: blank(q.player),
      session: blank(q.session),
      since: blank(q.since),
      until: blank(q.until),
    },
    actors: q.actors,
    pseudonymize: q.pseudonymize,
    asReceived: q.asReceived,
  };
  const options = exportOptionsSchema.safeParse(given);
  if (!options.success) throw invalid(options.error, () => exportOptionsSchema.safeParse(given, { error: spanishIssues }).error);
  return { options: options.data, progressId: q.progress };
}

/**
 * The first problem: in English the CLI's sentence after the option's name, as always; in another language the Data
 * screen's wording naming its fields (dashboard-wording.ts), or zod's own message in that language after the name.
 */
function invalid(error: z.ZodError, inSpanish: () => z.ZodError | undefined): AdminError {
  const issue = error.issues[0];
  const english = `${issue?.path.at(-1)?.toString() ?? 'option'}: ${issue?.message ?? 'invalid'}`;
  const phrase = (language: Language): string => {
    if (language === 'en') return english;
    const dashboard = dashboardWordingOf(issue);
    if (dashboard) return word(dashboard, language);
    const again = inSpanish()?.issues[0];
    return again ? `${again.path.at(-1)?.toString() ?? 'option'}: ${again.message}` : english;
  };
  return new AdminError(400, 'invalid-export-options', phrase);
}

/** How many statements the filters select (unknown names are a 404 naming what was not found). */
export function countForExport(ctx: AppContext, options: ExportOptions): number {
  try {
    return countStatements(ctx.db, statementWhere(ctx.db, options.filters));
  } catch (error) {
    if (error instanceof UnknownFilterValueError) throw new AdminError(404, 'unknown-filter-value', error.wording);
    throw error;
  }
}

export interface ExportProgressEntry {
  done: number;
  total: number;
  finished: boolean;
  failed: boolean;
}

/** Progress of downloads that are running or just ended, by the name the dashboard gave them. */
export class ExportProgressBoard {
  private readonly entries = new Map<string, ExportProgressEntry>();

  get(id: string): ExportProgressEntry | undefined {
    return this.entries.get(id);
  }

  track(id: string, total: number): ExportProgressEntry {
    const entry: ExportProgressEntry = { done: 0, total, finished: false, failed: false };
    this.entries.set(id, entry);
    return entry;
  }

  /** Kept a minute after the end, long enough for the dashboard's last poll. */
  finish(id: string, entry: ExportProgressEntry, failed: boolean): void {
    entry.finished = true;
    entry.failed = failed;
    setTimeout(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    }, 60_000).unref();
  }
}

/**
 * Streams the export as the response body with backpressure (constant memory, same code as `aula export`), from a
 * read connection of its own so the dashboard keeps answering meanwhile.
 */
export async function sendExport(ctx: AppContext, board: ExportProgressBoard, req: Request, res: Response): Promise<void> {
  const { options, progressId } = exportOptionsFromQuery(req.query);
  const total = countForExport(ctx, options);
  const salt = options.pseudonymize ? await ctx.writer.run((db) => ensurePseudonymSalt(db)) : undefined;
  const { type, extension } = FILE_TYPES[options.format];
  const name = `aula-${new Date(ctx.now()).toISOString().slice(0, 10)}${options.filters.activity ? `-${options.filters.activity}` : ''}.${extension}`;
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'X-Aula-Statements': String(total),
    'Cache-Control': 'no-store',
  });
  // Every format, the zip too, counts its progress in statements (writeBundle's two passes are halves of one).
  const entry = progressId ? board.track(progressId, total) : undefined;
  try {
    await exportToStream(ctx.config.dataDir, ctx.homePage, options, res, salt, (progress) => {
      if (entry) Object.assign(entry, progress);
    });
    res.end();
    if (entry && progressId) board.finish(progressId, entry, false);
  } catch (error) {
    if (entry && progressId) board.finish(progressId, entry, true);
    // The browser went away (or the disk failed mid-way): the headers are out, so the only signal left is a cut.
    ctx.log.warn({ err: error }, 'export download stopped');
    res.destroy();
  }
}
