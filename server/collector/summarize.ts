import { isSeriousGameType } from '../normalize/serious-games.js';
import type { StatementSummary } from '../store/statements-ingest.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/seriousgames/extensions/progress';

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const boolean = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

function isTheGame(object: Json): boolean {
  return isSeriousGameType(isObject(object.definition) ? object.definition.type : undefined);
}

/**
 * The trackers say a game is finished with `completed` on the `serious-game` object, with success and score but no
 * `result.completion` (real-clients.md §7.1): without this, a class that played to the end showed 0 % finished.
 */
function finishesTheGame(verbId: unknown, object: Json): boolean {
  return verbId === COMPLETED && isTheGame(object);
}

/** The few facts per statement the live view shows (last action, progress, completion, score). */
export function summarizeStatement(statement: Json): StatementSummary {
  const verb = isObject(statement.verb) ? statement.verb : {};
  const object = isObject(statement.object) ? statement.object : {};
  const result = isObject(statement.result) ? statement.result : {};
  const extensions = isObject(result.extensions) ? result.extensions : {};
  const score = isObject(result.score) ? result.score : {};
  const sent = finite(extensions[PROGRESS_EXTENSION]);
  const finished = finishesTheGame(verb.id, object);
  // A finished game is all the way through: its last progress (say 80 %) left a finished student's bar short.
  const progress = sent ?? (finished ? 1 : null);
  return {
    verbId: typeof verb.id === 'string' ? verb.id : null,
    objectId: typeof object.id === 'string' ? object.id : null,
    progress,
    // The type is read only when there is a progress: this runs for every statement on the ingest path.
    progressOfGame: finished || (progress !== null && isTheGame(object)),
    completion: boolean(result.completion) ?? (finished ? true : null),
    success: boolean(result.success),
    score: finite(score.scaled) ?? finite(score.raw),
  };
}
