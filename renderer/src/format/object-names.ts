import { currentLanguage } from '../i18n/setup';

/**
 * Names for a chart's objects that tell apart those with the same last segment: a js game's `level1`
 * (`http://aula.test/…/level/level1`) and an xAPI game's (`http://example.com/game/level1`) both end in `level1`, and
 * shared one label, so the teacher read two bars as one level. A name alone stays as it is; shared, it gets what
 * tells the objects apart: their web site ("level1 (example.com)"), else the part of their path before the name
 * ("level1 (…/v2/level)"), else the whole id.
 */
export function distinctNames(objects: ReadonlyArray<{ objectId: string; name: string }>): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const { objectId, name } of objects) {
    const ids = byName.get(name) ?? [];
    if (!ids.includes(objectId)) ids.push(objectId);
    byName.set(name, ids);
  }
  const labels = new Map<string, string>();
  for (const [name, ids] of byName) {
    if (ids.length === 1) {
      labels.set(ids[0] as string, name);
      continue;
    }
    const parts = ids.map(split);
    const longest = Math.max(...parts.map((p) => p.parents.length));
    const candidates: Array<(p: Parts) => string> = [(p) => p.host];
    for (let k = 1; k <= longest; k++) candidates.push((p) => `…/${p.parents.slice(-k).join('/')}`);
    candidates.push((p) => `${p.host}/${p.parents.join('/')}`);
    const pick = candidates.find((qualify) => {
      const shown = parts.map(qualify);
      return shown.every((q) => q !== '' && q !== '…/') && new Set(shown).size === shown.length;
    });
    ids.forEach((id, index) => {
      labels.set(id, pick ? `${name} (${pick(parts[index] as Parts)})` : id);
    });
  }
  return labels;
}

interface Parts {
  host: string;
  /** The path's segments before the last one (the name). */
  parents: string[];
}

function split(objectId: string): Parts {
  try {
    const url = new URL(objectId);
    const segments = `${url.pathname}${url.search}${url.hash}`.split(/[/#?&]/).filter(Boolean);
    return { host: url.host, parents: segments.slice(0, -1) };
  } catch {
    const segments = objectId.split(/[/#]/).filter(Boolean);
    return { host: '', parents: segments.slice(0, -1) };
  }
}

const primary = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The languages to read a game's names in, first first: the dashboard's (the teacher's choice, else the browser's),
 * in the browser's variants of it ("es-ES") before the bare tag, and English as US English first as before; then the
 * browser's other languages. An English dashboard on a Spanish browser reads a game's English names.
 */
export function namingLanguages(
  dashboard: string = currentLanguage(),
  browser: ReadonlyArray<string> = typeof navigator === 'undefined' ? [] : navigator.languages,
): string[] {
  const same = browser.filter((tag) => primary(tag) === dashboard);
  const others = browser.filter((tag) => primary(tag) !== dashboard);
  return [...same, ...(dashboard === 'en' ? ['en-US'] : []), dashboard, ...others];
}

/**
 * The text of a language map (an xAPI game's `object.definition.name`) for this teacher: the dashboard's language
 * (see namingLanguages: "es-ES", else another "es-…"), else their browser's others, else US or other English, else
 * the first the game gave; null for no map.
 */
export function pickLanguage(map: Readonly<Record<string, string>> | null | undefined, languages: ReadonlyArray<string> = namingLanguages()): string | null {
  if (!map) return null;
  const entries = Object.entries(map).filter(([, text]) => typeof text === 'string' && text.trim() !== '');
  if (entries.length === 0) return null;
  for (const wanted of [...languages, 'en-US', 'en']) {
    const exact = entries.find(([tag]) => tag.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact[1].trim();
    const sameLanguage = entries.find(([tag]) => primary(tag) === primary(wanted));
    if (sameLanguage) return sameLanguage[1].trim();
  }
  return (entries[0] as [string, string])[1].trim();
}

/** What the teacher reads for an object: the name its xAPI game gave it, else the last part of its id. */
export const shownObjectName = (object: { name: string; definitionName?: Readonly<Record<string, string>> | null }): string =>
  pickLanguage(object.definitionName) ?? object.name;

/** The language map of a statement's `object.definition.name`, as the game sent it; null without one. */
export function definitionNameOf(statement: unknown): Record<string, string> | null {
  const name = (statement as { object?: { definition?: { name?: unknown } } } | null)?.object?.definition?.name;
  if (typeof name !== 'object' || name === null || Array.isArray(name)) return null;
  const map: Record<string, string> = {};
  for (const [language, text] of Object.entries(name)) if (typeof text === 'string') map[language] = text;
  return map;
}

// Made once per language: a chart sorts its names on every render.
const nameOrders = new Map<string, Intl.Collator>();

/**
 * Numbers in their numeric order ("Question 2" before "Question 10"), case and accents aside, in the dashboard's
 * language: the names are read in it.
 */
function shownNameOrder(): Intl.Collator {
  const language = currentLanguage();
  let order = nameOrders.get(language);
  if (!order) {
    order = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
    nameOrders.set(language, order);
  }
  return order;
}

/**
 * The objects in the order of the names the teacher reads (`shown`), not of their ids: the server sorts by the last
 * part of the id, which is not what an xAPI game's names say. Stable: objects of the same name keep their order.
 */
export function inShownOrder<T>(objects: readonly T[], shown: (object: T) => string): T[] {
  const order = shownNameOrder();
  return objects
    .map((object) => ({ object, name: shown(object) }))
    .sort((a, b) => order.compare(a.name, b.name))
    .map(({ object }) => object);
}
