import { lastPart } from './rule-facts.js';

export type { CustomRule, RuleSettings, Severity } from './rule-settings.js';

/** A teacher's "selected" matches the IRI …/verbs/selected; a full IRI must match exactly (case aside). */
export function lastPartMatches(wanted: string, iri: string | null): boolean {
  if (!iri) return false;
  const w = wanted.trim().toLowerCase();
  if (w.includes('/') || w.includes(':')) return iri.toLowerCase() === w;
  return lastPart(iri) === w;
}
