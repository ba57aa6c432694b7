import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/** An xAPI language map as a game sent it in `object.definition.name`: {"en-US": "Question 1", "es": "Pregunta 1"}. */
export type LanguageMap = Record<string, string>;

/**
 * How many of an object's latest statements are looked at for its name: xAPI clients send the whole definition with
 * every statement, so the name is in the latest few; a game that never names the object costs this many rows a
 * screen, not every statement about it (a game's own IRI gets one per progress report).
 */
const RECENT_STATEMENTS = 50;

/**
 * The name an xAPI game gave each object (`object.definition.name`), from the latest of the activity's stored
 * statements about it that carries one (among its latest RECENT_STATEMENTS). Read when a screen asks, not kept on
 * ingest (the hot path): each object is a walk of at most RECENT_STATEMENTS entries of the xAPI activity index
 * (activity IRI, seq), newest first, so the cost follows the objects shown, not the statements stored. Objects a RAGE
 * tracker sent are not in that index and keep the name of their id.
 */
export function readObjectDefinitionNames(db: Db, activityId: string, objectIds: Iterable<string>): Map<string, LanguageMap> {
  const latest = prepared<[string, string], { name: string }>(
    db,
    `SELECT json_extract(r.json, '$.object.definition.name') AS name
       FROM (SELECT seq FROM xapi_statement_activities WHERE activity_iri = ? AND related = 0
              ORDER BY seq DESC LIMIT ${RECENT_STATEMENTS}) a
       JOIN statement_rows r ON r.seq = a.seq
      WHERE r.activity_id = ? AND r.voided = 0 AND json_type(r.json, '$.object.definition.name') = 'object'
      ORDER BY a.seq DESC LIMIT 1`,
  );
  const names = new Map<string, LanguageMap>();
  for (const objectId of new Set(objectIds)) {
    const row = latest.get(objectId, activityId);
    const map = row && languageMap(row.name);
    if (map) names.set(objectId, map);
  }
  return names;
}

/** Only the entries a teacher can read: string values, not blank; null when none is left. */
function languageMap(json: string): LanguageMap | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const map: LanguageMap = {};
  for (const [language, text] of Object.entries(parsed)) {
    if (typeof text === 'string' && text.trim() !== '') map[language] = text.trim().slice(0, 200);
  }
  return Object.keys(map).length ? map : null;
}

/**
 * The text of a language map in the first of `languages` it has ("es-ES", else another "es-…"), else US or other
 * English, else the first given: the dashboard's pickLanguage (renderer/src/format/object-names.ts), for what the server
 * words itself. Held to the same answers by test/unit/object-name-language.test.ts.
 */
export function textInLanguage(map: Readonly<LanguageMap> | null | undefined, languages: readonly string[]): string | null {
  if (!map) return null;
  const entries = Object.entries(map).filter(([, text]) => typeof text === 'string' && text.trim() !== '');
  if (entries.length === 0) return null;
  const primary = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';
  for (const wanted of [...languages, 'en-US', 'en']) {
    const exact = entries.find(([tag]) => tag.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact[1].trim();
    const sameLanguage = entries.find(([tag]) => primary(tag) === primary(wanted));
    if (sameLanguage) return sameLanguage[1].trim();
  }
  return (entries[0] as [string, string])[1].trim();
}
