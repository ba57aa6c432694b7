import { asIri, asObjectIri } from '../normalize/iri.js';
import { objectBaseOf } from '../normalize/normalize-statement.js';
import type { Db } from './open-database.js';

const registered = new WeakSet<Db>();

/**
 * SQL functions that give a stored RAGE statement's verb and object ids as GET /xapi/statements serves them
 * (normalised, xapi.md §10 N-5, N-6), so the `verb` and `activity` filters match what a client sees: a tracker's
 * short verb name or relative object id, or an id with spaces, is served as an IRI and must be found by that IRI.
 * Pure functions of their arguments; registered once per connection.
 */
export function ensureRageFilterFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('aula_rage_verb_iri', { deterministic: true }, (verbId: unknown, namespace: unknown) =>
    typeof verbId === 'string' && typeof namespace === 'string' ? asIri(verbId, namespace, 'verbs') : null,
  );
  db.function(
    'aula_rage_object_iri',
    { deterministic: true },
    (objectId: unknown, homePage: unknown, namespace: unknown, gameId: unknown, versionId: unknown, link: unknown) => {
      if (typeof objectId !== 'string' || typeof homePage !== 'string' || typeof namespace !== 'string') return null;
      const version = {
        gameId: typeof gameId === 'string' ? gameId : null,
        versionId: typeof versionId === 'string' ? versionId : null,
        versionLink: typeof link === 'string' ? link : null,
      };
      // The same base as normalising uses for the row, so the filter sees the id GET serves.
      return asObjectIri(objectId, objectBaseOf(version, { homePage }), namespace);
    },
  );
  registered.add(db);
}
