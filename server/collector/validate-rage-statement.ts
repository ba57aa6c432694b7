import { Messages } from './messages.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
// The original tested JavaScript truthiness (contract C-6.4).
const truthy = (value: unknown): boolean => Boolean(value);
const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The collector's own rules, in the original's order (contract C-6.4). Deliberately narrower than xAPI: a batch
 * rejected here is re-sent forever by js-tracker, so nothing stricter belongs on this route.
 * Returns the error message, or null when the (already augmented) statement is acceptable.
 */
export function validateRageStatement(statement: unknown, index: number): string | null {
  const fail = (reason: string) => Messages.invalid(index, reason);
  if (!isObject(statement) || !truthy(statement.actor)) return fail('Actor is missing');
  const actor = statement.actor;
  if (!isObject(actor) || !truthy(actor.name)) return fail('Actor name is missing');
  if (!truthy(statement.timestamp)) return fail('Timestamp is missing');
  const verb = statement.verb;
  if (!truthy(verb)) return fail('Verb is missing');
  const verbId = isObject(verb) ? verb.id : undefined;
  if (!nonEmptyString(verbId)) return fail('Verb Id is missing');
  if (verbId.endsWith('/')) return fail('Verb Id cannot end with /');
  const object = isObject(statement.object) ? statement.object : {};
  if (!nonEmptyString(object.id)) return fail('Object Id is missing');
  if (object.id.endsWith('/')) return fail('Object Id cannot end with /');
  const definitionType = isObject(object.definition) ? object.definition.type : undefined;
  if (!nonEmptyString(definitionType)) return fail('Object definition type is missing');
  if (definitionType.endsWith('/')) return fail('Object definition type cannot end with /');
  const result = isObject(statement.result) ? statement.result : undefined;
  if (result && result.score !== undefined && result.score !== null) {
    const raw = isObject(result.score) ? result.score.raw : undefined;
    if (raw === undefined || raw === null) return fail('Result.score.raw should not be undefined or null');
  }
  if (result && isObject(result.extensions)) {
    for (const key of Object.keys(result.extensions)) {
      if (key.endsWith('/')) return Messages.invalidExtension(index, key);
    }
  }
  return null;
}
