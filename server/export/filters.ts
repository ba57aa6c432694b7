import { z } from 'zod';
import { type Wording, word, wording } from '../i18n/wording.js';
import { findPlayer } from '../store/find-player.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { unknownTrackingCodeWording } from '../store/unknown-tracking-code.js';
import { dashboardParams } from './dashboard-wording.js';

// ISO 8601 as people type it: a date (that day at 00:00 UTC), or a date and time with Z or an offset; seconds and
// their fraction optional. A time without a zone is refused: on which clock it was meant is a guess.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/** The instant a --since/--until value names, or null when it is not one of the accepted forms. */
export function timeFilterInstant(text: string): Date | null {
  const date = DATE.exec(text);
  const parts = date ?? DATE_TIME.exec(text);
  if (!parts) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.slice(1, 7).map((part) => Number(part ?? 0));
  // Stored times have milliseconds: a finer fraction is cut there.
  const millis = Number((parts[7] ?? '').slice(1, 4).padEnd(3, '0'));
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second, millis));
  // Date.UTC rolls 2026-02-30 over to March: a real date gives back its own fields.
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== (month ?? 1) - 1 || calendar.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  if (!date && parts[9]) {
    const offsetHours = Number(parts[10]);
    const offsetMinutes = Number(parts[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offset = (parts[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return new Date(calendar.getTime() - offset);
}

/** `field` names the dashboard's field the time came from (the CLI's message names the flag by the issue's path). */
const timeFilter = (field: 'since' | 'until') =>
  z.string().refine((text) => timeFilterInstant(text) !== null, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an ISO 8601 date or time: give a date (2026-11-27, meaning 00:00 UTC) or a date and time with Z or an offset (2026-11-27T09:30:00Z, 2026-11-27T10:30+01:00)`,
    params: dashboardParams(wording('exportOption.notTime', { field: wording(field === 'since' ? 'exportOption.sinceField' : 'exportOption.untilField') })),
  });

/** A session id: the whole number sessions are numbered by in this database (sessions.ndjson's `id`). */
const sessionFilter = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const id = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(id) && id > 0) return id;
  ctx.addIssue({
    code: 'custom',
    message: `${JSON.stringify(value)} is not a session id: a session is given by its id, a whole number such as 12 (the id in the admin API's session lists and a bundle's sessions.ndjson); for a player use --player, for an activity --activity`,
    params: dashboardParams(wording('exportOption.notSession', { value: String(value) })),
  });
  return z.NEVER;
});

/** What a researcher narrows an export (or an upload) to. All optional; combined with AND. */
export const exportFiltersSchema = z
  .object({
    /** Activity tracking code. */
    activity: z.string().min(1).optional(),
    /** Class name: statements of the class's activities. */
    class: z.string().min(1).optional(),
    /** A player's playerId (anonymous id or student username), or an xAPI player's mbox or account name. */
    player: z.string().min(1).optional(),
    /** Session id (sessions.id). */
    session: sessionFilter.optional(),
    /** `stored` ≥ since: ISO 8601, a date alone meaning 00:00 UTC. */
    since: timeFilter('since').optional(),
    /** `stored` < until: ISO 8601, a date alone meaning 00:00 UTC. */
    until: timeFilter('until').optional(),
  })
  .superRefine((filters, ctx) => {
    if (filters.since === undefined || filters.until === undefined) return;
    const since = timeFilterInstant(filters.since);
    const until = timeFilterInstant(filters.until);
    if (since && until && since.getTime() >= until.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['since'],
        message: `${filters.since} is not before --until ${filters.until}: no statement could match (since includes its time, until does not)`,
        params: dashboardParams(wording('exportOption.sinceNotBeforeUntil')),
      });
    }
  });

export type ExportFilters = z.infer<typeof exportFiltersSchema>;

/** Its `message` is English (the CLI prints it); the admin API words its `wording` in the request's language. */
export class UnknownFilterValueError extends Error {
  constructor(readonly wording: Wording) {
    super(word(wording));
  }
}

export interface StatementWhere {
  sql: string;
  params: Array<string | number>;
}

/** Column names of the statements (`s`) being filtered (the bundle's tables follow the statements: bundle-tables.ts). */
interface FilterColumns {
  activity: string;
  /** A whole clause with one parameter, the internal player id. */
  player: string;
  session: string;
  stored: string | null;
}

// A player's statements are those of the player's sessions: statements have no index of their own by player.
const STATEMENT_COLUMNS: FilterColumns = {
  activity: 's.activity_id',
  player: 's.session_id IN (SELECT id FROM sessions WHERE player_id = ?)',
  session: 's.session_id',
  stored: 's.stored',
};

/** The WHERE clause over `statements s`; names are resolved first so a typo is an error, not an empty file. */
export function statementWhere(db: Db, filters: ExportFilters): StatementWhere {
  return whereFor(db, filters, STATEMENT_COLUMNS);
}

function whereFor(db: Db, filters: ExportFilters, columns: FilterColumns): StatementWhere {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (filters.activity) {
    const row = prepared<[string], { id: string }>(db, 'SELECT id FROM activities WHERE tracking_code = ?').get(filters.activity);
    if (!row) throw new UnknownFilterValueError(unknownTrackingCodeWording(db, filters.activity));
    clauses.push(`${columns.activity} = ?`);
    params.push(row.id);
  }
  if (filters.class) {
    const row = prepared<[string], { id: string }>(db, 'SELECT id FROM classes WHERE name = ?').get(filters.class);
    if (!row) throw new UnknownFilterValueError(wording('filter.noClass', { name: filters.class }));
    clauses.push(`${columns.activity} IN (SELECT id FROM activities WHERE class_id = ?)`);
    params.push(row.id);
  }
  if (filters.player) {
    clauses.push(columns.player);
    params.push(playerFilterId(db, filters.player));
  }
  if (filters.session !== undefined) {
    const row = prepared<[number], { id: number }>(db, 'SELECT id FROM sessions WHERE id = ?').get(filters.session);
    if (!row) throw new UnknownFilterValueError(wording('filter.noSession', { id: filters.session }));
    clauses.push(`${columns.session} = ?`);
    params.push(filters.session);
  }
  if (filters.since && columns.stored) {
    clauses.push(`${columns.stored} >= ?`);
    params.push(instant(filters.since));
  }
  if (filters.until && columns.stored) {
    clauses.push(`${columns.stored} < ?`);
    params.push(instant(filters.until));
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** The internal id of the player --player names; unknown and ambiguous names are refused, naming the candidates. */
function playerFilterId(db: Db, typed: string): string {
  const found = findPlayer(db, typed);
  if ('player' in found) return found.player.id;
  if (found.candidates.length === 0) {
    throw new UnknownFilterValueError(wording('filter.noPlayer', { typed }));
  }
  const listed = found.candidates.map((candidate) => `${candidate.publicId} (${candidate.matched})`).join(', ');
  throw new UnknownFilterValueError(wording('filter.ambiguousPlayer', { typed, players: found.candidates.length, listed }));
}

/** `stored` is kept as toISOString() text (UTC, milliseconds): a filter compares as the same text. */
function instant(text: string): string {
  const date = timeFilterInstant(text);
  if (!date) throw new Error(`not an ISO 8601 time: ${text}`);
  return date.toISOString();
}
