/** The few facts of one statement that rules and results look at, read from the statement object in memory. */
export interface StatementFact {
  verbId: string | null;
  /** Last part of the verb IRI, lower case ("selected"). */
  verbName: string;
  objectId: string | null;
  objectType: string | null;
  /** Last part of the object type IRI, lower case ("question"). */
  typeName: string;
  success: boolean | null;
  completion: boolean | null;
  /** `result.score.scaled`, else `raw` scaled by `min`..`max` when the game sent a `max`, else `raw` (scoreOf). */
  score: number | null;
  progress: number | null;
  response: string | null;
}

type Json = Record<string, unknown>;

export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/seriousgames/extensions/progress';
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/**
 * A score on the scale of `scaled` wherever the statement says enough: `scaled` as sent, else `raw` placed between
 * `min` (0 when absent) and `max`, as xAPI defines scaled. So "7 of 10" and "scaled 0.9" average and compare on one
 * scale in Results, Live and the rules' thresholds. A `raw` with no `max` stays as sent: nothing says its scale.
 */
function scoreOf(score: Record<string, unknown>): number | null {
  const scaled = finite(score.scaled);
  if (scaled !== null) return scaled;
  const raw = finite(score.raw);
  const max = finite(score.max);
  const min = finite(score.min) ?? 0;
  if (raw === null || max === null || max <= min) return raw;
  return (raw - min) / (max - min);
}

/** "https://w3id.org/xapi/adb/verbs/selected" → "selected"; also for `#` IRIs and plain words. */
function computeLastPart(iri: string): string {
  const trimmed = iri.replace(/[/#]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
  return trimmed.slice(cut + 1).toLowerCase();
}

// A game uses a handful of verbs and types, sent again in every statement: each IRI's last part is worked out once.
const lastParts = new Map<string, string>();
const LAST_PARTS_KEPT = 2000;

export function lastPart(iri: string | null | undefined): string {
  if (!iri) return '';
  let part = lastParts.get(iri);
  if (part === undefined) {
    part = computeLastPart(iri);
    if (lastParts.size >= LAST_PARTS_KEPT) lastParts.clear();
    lastParts.set(iri, part);
  }
  return part;
}

/** What a teacher reads for an object: the last part of its id, decoded ("level1"). */
export function objectName(objectId: string | null): string {
  if (!objectId) return 'something';
  const trimmed = objectId.replace(/[/#]+$/, '');
  const part = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#')) + 1);
  try {
    return decodeURIComponent(part) || objectId;
  } catch {
    return part || objectId;
  }
}

export function statementFact(statement: unknown): StatementFact {
  const record = isObject(statement) ? statement : {};
  const verb = isObject(record.verb) ? record.verb : {};
  const object = isObject(record.object) ? record.object : {};
  const definition = isObject(object.definition) ? object.definition : {};
  const result = isObject(record.result) ? record.result : {};
  const score = isObject(result.score) ? result.score : {};
  const extensions = isObject(result.extensions) ? result.extensions : {};
  const verbId = typeof verb.id === 'string' ? verb.id : null;
  const objectType = typeof definition.type === 'string' ? definition.type : null;
  const response = result.response;
  return {
    verbId,
    verbName: lastPart(verbId),
    objectId: typeof object.id === 'string' ? object.id : null,
    objectType,
    typeName: lastPart(objectType),
    success: bool(result.success),
    completion: bool(result.completion),
    score: scoreOf(score),
    progress: finite(extensions[PROGRESS_EXTENSION]),
    response: typeof response === 'string' ? response.slice(0, 200) : typeof response === 'number' ? String(response) : null,
  };
}

/**
 * An answer to a question: `selected`, as the e-UCM trackers report one, or ADL's `answered`, as xAPI clients (xasu,
 * cmi.interaction questions) do. Without the second, an xAPI game's answers counted nowhere: no right or wrong in
 * Results, no answers chart, no wrong-answer alert.
 */
export const isAnswer = (fact: StatementFact): boolean => fact.verbName === 'selected' || fact.verbName === 'answered';
export const isCompleted = (fact: StatementFact): boolean => fact.verbName === 'completed' || fact.completion === true;

/**
 * The facts of a statement as stored (its JSON), read back after a restart by the rules and the results. A stored
 * statement is JSON; should one not parse, it has no facts rather than stopping what reads it.
 */
export function storedStatementFact(json: string): StatementFact {
  let statement: unknown = null;
  try {
    statement = JSON.parse(json);
  } catch {
    // no facts
  }
  return statementFact(statement);
}
