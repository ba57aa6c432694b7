import { z } from 'zod';
import { en } from '../i18n/en.js';
import { type InEachLanguage, type Wording, wording } from '../i18n/wording.js';
import { spanishIssues } from '../i18n/zod-spanish.js';
import { isAbsoluteIri } from '../normalize/iri.js';
import { ImportRefusedError } from './import-errors.js';

const text = z.string().min(1);
const maybe = z.string().nullable().default(null);
const iri = z.string().refine(isAbsoluteIri, en.import.rowNotIri).nullable().default(null);
const flag = z.union([z.literal(0), z.literal(1)]);

/** The rows of the bundle's tables, as server/export/bundle-tables.ts writes them (its COLUMNS). */
export const bundleRowSchemas = {
  classes: z.object({ id: text, name: text, created: text }),
  games: z.object({ id: text, title: text, created: text }),
  versions: z.object({ id: text, game_id: text, tracking_code: text, link: maybe, created: text }),
  activities: z.object({
    id: text,
    name: z.string(),
    game_id: text,
    version_id: text,
    class_id: maybe,
    tracking_code: text,
    allow_anonymous: flag,
    open: flag,
    created: text,
    opened: maybe,
    closed: maybe,
    /** The activity's rules (issue 10); absent in bundles from before rules travelled, checked on import. */
    rules: z.unknown().optional(),
  }),
  players: z.object({
    id: text,
    public_id: text,
    kind: z.enum(['anonymous', 'identified']),
    animal_name: z.string(),
    created: text,
    /** The name an xAPI game sent with the player (migration 13); absent in older bundles. */
    xapi_name: maybe,
  }),
  gameplays: z.object({ id: text, scope_id: text, activity_id: maybe, version_id: text, player_id: text, first_started: text }),
  sessions: z.object({
    id: z.number().int(),
    gameplay_id: text,
    activity_id: maybe,
    version_id: text,
    player_id: text,
    number: z.number().int().positive(),
    source: z.enum(['rage', 'xapi']),
    registration: maybe,
    started: text,
    ended: maybe,
    last_seen: text,
    last_verb: maybe,
    last_object: maybe,
    progress: z.number().nullable().default(null),
    completion: flag.nullable().default(null),
    success: flag.nullable().default(null),
    score: z.number().nullable().default(null),
    /** What Live says of the session (migrations 8 and 10); absent in older bundles. */
    last_object_type: maybe,
    progress_of_game: flag.default(0),
    result_object: maybe,
    result_object_type: maybe,
    result_of_game: flag.default(0),
    /** The Aula that collected it (import-origin.ts); absent in bundles from before migration 11. */
    origin_home_page: iri,
    origin_namespace: iri,
    origin_game_id: maybe,
  }),
} as const;

export type BundleRows = { [Table in keyof typeof bundleRowSchemas]: z.output<(typeof bundleRowSchemas)[Table]>[] };

/** One stored statement row (aula/statement-rows.ndjson): the statement as received, with its links. */
export const statementRowSchema = z.object({
  id: text,
  client_id: maybe,
  session_id: z.number().int().nullable().default(null),
  activity_id: maybe,
  player_id: maybe,
  verb_id: maybe,
  object_id: maybe,
  registration: maybe,
  timestamp: maybe,
  stored: text,
  source: z.enum(['rage', 'xapi']),
  voided: flag.default(0),
  json: z.string().refine((value) => {
    try {
      return typeof JSON.parse(value) === 'object';
    } catch {
      return false;
    }
  }, 'not a JSON statement'),
});

export type StatementRow = z.output<typeof statementRowSchema>;


/** Line `line` (from 1) of the bundle's `name`, or a refusal naming the row's first problem in each language. */
export function parseRow<Schema extends z.ZodType>(schema: Schema, value: unknown, name: string, line: number): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const english = issue?.message ?? 'invalid';
  // A row is read once; its problem is read again in Spanish only when refused.
  const spanish = schema.safeParse(value, { error: spanishIssues }).error?.issues[0]?.message ?? english;
  const detail: Wording | InEachLanguage = english === en.import.rowNotIri ? wording('import.rowNotIri') : { inEach: { en: english, es: spanish } };
  throw new ImportRefusedError('bundle-invalid', wording('import.badRow', { name, line, path: issue?.path.join('.') ?? '', detail }));
}
