import { canonicalTimestamp } from '../normalize/canonical-timestamp.js';
import type { ExportRow } from './statement-rows.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * RAGE's converted traces (the shape rage-analytics turned xAPI into before its analysis): short names, not IRIs,
 * so that existing analysis scripts keep working. Built from the statement as received, but for the timestamp and
 * the attempt number, which are the ones csv shows. No byte-order mark, unlike csv: R's read.csv would otherwise
 * name the first column `X.U.FEFF.name`, and scripts read `name`.
 */
export const TRACE_COLUMNS = [
  'name',
  'timestamp',
  'event',
  'target',
  'type',
  'score',
  'success',
  'completion',
  'response',
  'gameplayId',
  'session',
  'versionId',
  'stored',
  'ext',
] as const;

const lastSegment = (value: unknown): unknown =>
  typeof value === 'string' ? (value.replace(/\/+$/, '').split('/').pop() ?? value) : value;

/** `name` is the player as the export shows it (playerId, pseudonym, or the actor's name when sent as is). */
export function traceRow(row: ExportRow, received: Json, name: string | null): unknown[] {
  const verb = isObject(received.verb) ? received.verb : {};
  const object = isObject(received.object) ? received.object : {};
  const definition = isObject(object.definition) ? object.definition : {};
  const augmentation = isObject(definition.extensions) ? definition.extensions : {};
  const result = isObject(received.result) ? received.result : {};
  const score = isObject(result.score) ? (result.score.raw ?? result.score.scaled) : result.score;
  const ext: Json = {};
  if (isObject(result.extensions)) {
    for (const [key, value] of Object.entries(result.extensions)) ext[String(lastSegment(key))] = value;
  }
  return [
    name,
    // As csv and the xAPI formats give it (N-3): the same instant in the notation every ISO 8601 reader takes, or the
    // stored time for one that is no time; the game's own text is in the xAPI formats' original-timestamp extension.
    (typeof received.timestamp === 'string' ? canonicalTimestamp(received.timestamp) : null) ?? row.stored,
    lastSegment(verb.id),
    lastSegment(object.id),
    lastSegment(definition.type),
    score,
    result.success,
    result.completion,
    result.response,
    augmentation.gameplayId,
    // The attempt as stored here, as csv's `session`: an import renumbers an attempt that clashes with one played on
    // this laptop, and the number the game was told on the other laptop would give one player two "attempt 2"s.
    row.sessionNumber ?? augmentation.session,
    augmentation.versionId,
    row.stored,
    Object.keys(ext).length > 0 ? ext : null,
  ];
}
