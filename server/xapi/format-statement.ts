/**
 * The `format` parameter of GET /xapi/statements (xapi.md §8.2): `exact` as stored, `ids` with Agents, Groups,
 * Activities and Verbs reduced to what identifies them, `canonical` with language maps reduced to one language.
 */
type Json = Record<string, unknown>;
export type StatementFormat = 'exact' | 'ids' | 'canonical';

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

export function formatStatement(statement: Json, format: StatementFormat, languages: string[]): Json {
  if (format === 'exact') return statement;
  const copy = structuredClone(statement);
  walk(copy, format === 'ids' ? idsOnly : (node, kind) => canonical(node, kind, languages));
  return copy;
}

type Kind = 'agent' | 'activity' | 'verb';

/** Visits every Agent/Group, Activity and Verb of a statement (SubStatement and context included). */
function walk(statement: Json, visit: (node: Json, kind: Kind) => void): void {
  for (const key of ['actor', 'authority']) if (isObject(statement[key])) visit(statement[key] as Json, 'agent');
  if (isObject(statement.verb)) visit(statement.verb, 'verb');
  const object = statement.object;
  if (isObject(object)) {
    const type = object.objectType ?? 'Activity';
    if (type === 'Activity') visit(object, 'activity');
    else if (type === 'Agent' || type === 'Group') visit(object, 'agent');
    else if (type === 'SubStatement') walk(object, visit);
  }
  const context = statement.context;
  if (!isObject(context)) return;
  for (const key of ['instructor', 'team']) if (isObject(context[key])) visit(context[key] as Json, 'agent');
  if (isObject(context.contextActivities)) {
    for (const value of Object.values(context.contextActivities)) {
      for (const activity of Array.isArray(value) ? value : [value]) if (isObject(activity)) visit(activity, 'activity');
    }
  }
  for (const item of Array.isArray(context.contextAgents) ? context.contextAgents : []) {
    if (isObject(item) && isObject(item.agent)) visit(item.agent, 'agent');
  }
  for (const item of Array.isArray(context.contextGroups) ? context.contextGroups : []) {
    if (isObject(item) && isObject(item.group)) visit(item.group, 'agent');
  }
}

function idsOnly(node: Json, kind: Kind): void {
  const keep =
    kind === 'agent'
      ? ['objectType', ...IFIS, ...(IFIS.some((ifi) => ifi in node) ? [] : ['member'])]
      : ['id'];
  for (const key of Object.keys(node)) if (!keep.includes(key)) delete node[key];
  if (kind === 'agent' && Array.isArray(node.member)) for (const member of node.member) if (isObject(member)) idsOnly(member, 'agent');
}

function canonical(node: Json, kind: Kind, languages: string[]): void {
  if (kind === 'verb' && isObject(node.display)) node.display = pick(node.display, languages);
  if (kind !== 'activity' || !isObject(node.definition)) return;
  const definition = node.definition;
  for (const key of ['name', 'description']) if (isObject(definition[key])) definition[key] = pick(definition[key] as Json, languages);
  for (const list of ['choices', 'scale', 'source', 'target', 'steps']) {
    const components = definition[list];
    if (!Array.isArray(components)) continue;
    for (const component of components) {
      if (isObject(component) && isObject(component.description)) component.description = pick(component.description, languages);
    }
  }
}

/** One entry of a language map: the first requested language (or its prefix) present, else the first entry. */
function pick(map: Json, languages: string[]): Json {
  const tags = Object.keys(map);
  for (const wanted of languages) {
    const lower = wanted.toLowerCase();
    const found =
      tags.find((tag) => tag.toLowerCase() === lower) ?? tags.find((tag) => tag.toLowerCase().startsWith(`${lower}-`));
    if (found) return { [found]: map[found] };
  }
  const first = tags[0];
  return first === undefined ? {} : { [first]: map[first] };
}

/** Accept-Language tags in order of preference. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
