/**
 * JSON numbers beyond a double's range (`1e400`) parse to Infinity, which JSON.stringify then writes as `null`: the
 * statement would be acknowledged and stored with a value the game never sent. Such bodies are refused instead.
 * Only bodies whose scan (json-scan.ts) found a literal that may overflow are walked.
 */
export function holdsNonFiniteNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsNonFiniteNumber);
  for (const key in value) if (holdsNonFiniteNumber((value as Record<string, unknown>)[key])) return true;
  return false;
}
