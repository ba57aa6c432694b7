import { PROGRESS_EXTENSION } from '../rules/rule-facts.js';
import { objectCells } from './csv-object.js';
import type { ExportRow } from './statement-rows.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Flat columns a spreadsheet user understands, one row per statement. */
export const CSV_COLUMNS = [
  'statement_id',
  'stored',
  'timestamp',
  'activity',
  'activity_code',
  'session',
  'player_id',
  'player_type',
  'actor_name',
  'verb',
  'object_id',
  'object_type',
  'success',
  'completion',
  'score_raw',
  'score_scaled',
  'response',
  'duration',
  'progress',
  'extensions',
  // Added last, so scripts that read the columns by position keep working. `session` is the attempt number of the
  // player in the activity (1, 2…), the same for every player; this is the session's own id, what --session takes.
  'session_id',
  // Whether a voiding statement took this statement back (true/false): it stays in the export, as an LRS keeps it,
  // and this says so even when a filter leaves the voiding statement out.
  'voided',
] as const;

/**
 * `playerId` is what the export shows for the player (the playerId, or its pseudonym); `homePages` the home pages whose
 * accounts are this Aula's players (this installation's, and the one that collected the row).
 */
export function csvRow(row: ExportRow, statement: Json, playerId: string | null, homePages: ReadonlyArray<string | null | undefined>): unknown[] {
  const actor = isObject(statement.actor) ? statement.actor : {};
  const verb = isObject(statement.verb) ? statement.verb : {};
  const object = isObject(statement.object) ? statement.object : {};
  const [objectId, objectType] = objectCells(object, homePages);
  const result = isObject(statement.result) ? statement.result : {};
  const score = isObject(result.score) ? result.score : {};
  const extensions: Json = isObject(result.extensions) ? { ...result.extensions } : {};
  const progress = extensions[PROGRESS_EXTENSION];
  delete extensions[PROGRESS_EXTENSION];
  return [
    statement.id ?? row.id,
    row.stored,
    statement.timestamp,
    row.activityName,
    row.activityCode,
    row.sessionNumber,
    playerId,
    row.playerKind,
    actor.name,
    verb.id,
    objectId,
    objectType,
    result.success,
    result.completion,
    score.raw,
    score.scaled,
    result.response,
    result.duration,
    progress,
    Object.keys(extensions).length > 0 ? extensions : null,
    row.sessionId,
    row.voided,
  ];
}
