import { asIri, asObjectIri, isForbiddenInIri } from '../normalize/iri.js';
import { objectBaseOf, type StoredStatementRow } from '../normalize/normalize-statement.js';

/** Above this many candidates (2^10) a filter gives up narrowing and checks every RAGE row through the function. */
const MAX_ENCODED = 10;
// What encodeForbidden (iri.ts) writes for the characters IRIs forbid: uppercase %XX of one ASCII character.
const ENCODED = /%[0-9A-F]{2}/g;

/**
 * `iri` with any of its %XX that normalising could have written for a forbidden character decoded again: every
 * text that normalising maps onto `iri` by encoding (N-5, N-6), and some that it does not (the caller checks).
 * Undefined when there are too many to list.
 */
function decodings(iri: string): string[] | undefined {
  const positions = [...iri.matchAll(ENCODED)].filter((match) => isForbiddenInIri(decodeURIComponent(match[0])));
  if (positions.length > MAX_ENCODED) return undefined;
  const out: string[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    let text = '';
    let from = 0;
    positions.forEach((match, bit) => {
      const at = match.index ?? 0;
      text += iri.slice(from, at) + (mask & (1 << bit) ? decodeURIComponent(match[0]) : match[0]);
      from = at + 3;
    });
    out.push(text + iri.slice(from));
  }
  return out;
}

function decodedSuffix(iri: string, prefix: string): string | undefined {
  if (!iri.startsWith(prefix)) return undefined;
  try {
    return decodeURIComponent(iri.slice(prefix.length));
  } catch {
    return undefined;
  }
}

/**
 * The stored verb ids of RAGE statements that GET serves as `iri` (asIri, N-5); undefined when there are too many
 * to list. Exact: each candidate is checked.
 */
export function verbIdsServedAs(iri: string, namespace: string): string[] | undefined {
  const candidates = decodings(iri);
  if (!candidates) return undefined;
  const short = decodedSuffix(iri, `${namespace}/verbs/`);
  if (short !== undefined) candidates.push(short);
  return [...new Set(candidates)].filter((candidate) => asIri(candidate, namespace, 'verbs') === iri);
}

/** A game version the activity was played with, as a statement row names it (for objectBaseOf). */
export type VersionOfActivity = Pick<StoredStatementRow, 'gameId' | 'versionId' | 'versionLink'>;

/**
 * The stored object ids of RAGE statements that GET may serve as `iri` (asObjectIri, N-6), also with their leading
 * slashes removed (normalising drops them from a relative id, so a stored id matches with any number of them);
 * undefined when there are too many to list. A superset: which version a row belongs to is checked per row, by
 * the SQL function.
 */
export function objectIdsServedAs(iri: string, homePage: string, namespace: string, versions: readonly VersionOfActivity[]): string[] | undefined {
  const variants = decodings(iri);
  if (!variants) return undefined;
  const bases = versions.flatMap((version) => objectBaseOf(version, { homePage }) ?? []);
  const candidates = [...variants];
  for (const variant of variants) {
    for (const base of bases) {
      if (variant.startsWith(`${base}/`)) candidates.push(variant.slice(base.length + 1));
    }
  }
  const unversioned = decodedSuffix(iri, `${namespace}/activities/`);
  if (unversioned !== undefined) candidates.push(unversioned);
  const stripped = candidates.map((candidate) => candidate.replace(/^\/+/, ''));
  return [...new Set([...candidates, ...stripped])].filter((candidate) =>
    [null, ...bases].some((base) => asObjectIri(candidate, base, namespace) === iri || asObjectIri(`/${candidate}`, base, namespace) === iri),
  );
}
