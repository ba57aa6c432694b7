/**
 * JSON numbers beyond a double's range (`1e400`) parse to Infinity, which JSON.stringify then writes as `null`: the
 * statement would be acknowledged and stored with a value the game never sent. Such bodies are refused instead.
 *
 * Checked in two steps, because every ingest request passes here: a cheap scan of the text for what could overflow
 * (an exponent of three digits or more, or 309 digits in a row; it also matches inside strings, which costs only the
 * second step), then a walk of the parsed value for a number that is not finite.
 */
const MAY_OVERFLOW = /[eE]\+?\d{3}|\d{309}/;

export function holdsOutOfRangeNumber(text: string, parsed: unknown): boolean {
  return MAY_OVERFLOW.test(text) && holdsNonFinite(parsed);
}

function holdsNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsNonFinite);
  for (const key in value) if (holdsNonFinite((value as Record<string, unknown>)[key])) return true;
  return false;
}
