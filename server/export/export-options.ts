import { z } from 'zod';
import { wording } from '../i18n/wording.js';
import { type ActorsMode, iriNamespace } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { dashboardParams } from './dashboard-wording.js';
import { exportFiltersSchema } from './filters.js';
import { type ExportSettings, rosterPlayers } from './pseudonymous-agents.js';

export const EXPORT_FORMATS = ['ndjson', 'json', 'csv', 'traces-csv', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats that can hold the statements as received (the others are built from the mapped statements). */
const AS_RECEIVED_FORMATS: readonly ExportFormat[] = ['ndjson', 'json'];

export const exportOptionsSchema = z
  .object({
    // Said in words: zod's own 'Invalid option: expected one of "ndjson"|…' left "xapi" (what most ask for) unexplained.
    format: z
      .enum(EXPORT_FORMATS, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not a format: use ndjson (xAPI statements, one a line), json (an xAPI array), csv, traces-csv or zip`,
      })
      .default('ndjson'),
    filters: exportFiltersSchema.default({}),
    /** per-player (default, as for upload, N-7) or as-sent (RAGE's shared "Anonymous" account). */
    actors: z.enum(['as-sent', 'per-player']).default('per-player'),
    pseudonymize: z.boolean().default(false),
    /** ndjson/json only: the statements exactly as received instead of the xAPI-valid mapping (xapi.md §10). */
    asReceived: z.boolean().default(false),
  })
  .superRefine((options, ctx) => {
    if (!options.asReceived) return;
    if (!AS_RECEIVED_FORMATS.includes(options.format)) {
      ctx.addIssue({
        code: 'custom',
        path: ['asReceived'],
        message: `only ndjson and json can hold the statements as received, not ${options.format}`,
        params: dashboardParams(wording('exportOption.asReceivedFormat', { format: options.format })),
      });
    } else if (options.pseudonymize) {
      // Exactly as received means with the players' names, e-mail addresses and accounts: no pseudonyms possible.
      ctx.addIssue({
        code: 'custom',
        path: ['asReceived'],
        message: 'cannot be combined with --pseudonymize: the statements as the games sent them name the players; leave out one of the two',
        params: dashboardParams(wording('exportOption.asReceivedPseudonymised')),
      });
    }
  });

export type ExportOptions = z.output<typeof exportOptionsSchema>;
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;

/** Settings for normalizeStatement; the salt is created beforehand by the caller when pseudonymising (a write). */
export function normalizeSettingsFor(
  db: Db,
  homePage: string,
  options: { actors: ActorsMode; pseudonymize: boolean },
  salt: string | undefined,
): ExportSettings {
  if (options.pseudonymize && !salt) throw new Error('pseudonymisation needs the installation salt');
  return {
    homePage,
    namespace: iriNamespace(db, homePage),
    actors: options.actors,
    pseudonymSalt: options.pseudonymize ? (salt ?? null) : null,
    ...(options.pseudonymize ? { rosterPlayers: rosterPlayers(db) } : {}),
  };
}
