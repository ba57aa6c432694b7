import { z } from 'zod';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/** What a researcher narrows an export (or an upload) to. All optional; combined with AND. */
export const exportFiltersSchema = z.object({
  /** Activity tracking code. */
  activity: z.string().min(1).optional(),
  /** Class name: statements of the class's activities. */
  class: z.string().min(1).optional(),
  /** A player's playerId (anonymous id or student username). */
  player: z.string().min(1).optional(),
  /** Session (attempt) id, as listed by the dashboard. */
  session: z.coerce.number().int().positive().optional(),
  /** `stored` ≥ since (ISO 8601). */
  since: z.iso.datetime({ offset: true }).optional(),
  /** `stored` < until (ISO 8601). */
  until: z.iso.datetime({ offset: true }).optional(),
});

export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export class UnknownFilterValueError extends Error {}

export interface StatementWhere {
  sql: string;
  params: Array<string | number>;
}

/** Column names of the table being filtered: statements (`s`) or sessions (`se`, for the bundle's tables). */
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
const SESSION_COLUMNS: FilterColumns = { activity: 'se.activity_id', player: 'se.player_id = ?', session: 'se.id', stored: null };

/** The WHERE clause over `statements s`; names are resolved first so a typo is an error, not an empty file. */
export function statementWhere(db: Db, filters: ExportFilters): StatementWhere {
  return whereFor(db, filters, STATEMENT_COLUMNS);
}

/** The same filters over `sessions se` (time filters do not apply to sessions). */
export function sessionWhere(db: Db, filters: ExportFilters): StatementWhere {
  return whereFor(db, filters, SESSION_COLUMNS);
}

function whereFor(db: Db, filters: ExportFilters, columns: FilterColumns): StatementWhere {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (filters.activity) {
    const row = prepared<[string], { id: string }>(db, 'SELECT id FROM activities WHERE tracking_code = ?').get(filters.activity);
    if (!row) throw new UnknownFilterValueError(`No activity with tracking code "${filters.activity}"`);
    clauses.push(`${columns.activity} = ?`);
    params.push(row.id);
  }
  if (filters.class) {
    const row = prepared<[string], { id: string }>(db, 'SELECT id FROM classes WHERE name = ?').get(filters.class);
    if (!row) throw new UnknownFilterValueError(`No class named "${filters.class}"`);
    clauses.push(`${columns.activity} IN (SELECT id FROM activities WHERE class_id = ?)`);
    params.push(row.id);
  }
  if (filters.player) {
    const row = prepared<[string], { id: string }>(db, 'SELECT id FROM players WHERE public_id = ?').get(filters.player);
    if (!row) throw new UnknownFilterValueError(`No player with id "${filters.player}"`);
    clauses.push(columns.player);
    params.push(row.id);
  }
  if (filters.session !== undefined) {
    clauses.push(`${columns.session} = ?`);
    params.push(filters.session);
  }
  if (filters.since && columns.stored) {
    clauses.push(`${columns.stored} >= ?`);
    params.push(new Date(filters.since).toISOString());
  }
  if (filters.until && columns.stored) {
    clauses.push(`${columns.stored} < ?`);
    params.push(new Date(filters.until).toISOString());
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
